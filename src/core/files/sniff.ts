import { DomainError } from '../errors';
import { FILE_TYPES, MAX_UPLOAD_BYTES, safeFileName, UPLOAD_MESSAGES, type DetectedFileType } from './uploadPolicy';

/**
 * What kind of file an upload really is, found from its bytes (magic numbers and structure), never
 * from its name or the type the client claims. Pure: works on a Uint8Array.
 */

export interface SniffResult {
  type: DetectedFileType;
  /** The file starts like this type but its end is missing (an upload cut short). */
  truncated: boolean;
}

/** The type of the bytes, and whether the file is complete; null when it is none of the allowed types. */
export function sniffFileType(bytes: Uint8Array): SniffResult | null {
  if (startsWith(bytes, JPEG_MAGIC)) return { type: FILE_TYPES.jpeg, truncated: !jpegIsComplete(bytes) };
  if (startsWith(bytes, PNG_MAGIC)) return sniffPng(bytes);
  if (startsWith(bytes, PDF_MAGIC)) return { type: FILE_TYPES.pdf, truncated: !pdfIsComplete(bytes) };
  if (startsWith(bytes, ZIP_MAGIC)) return sniffOfficeZip(bytes);
  if (startsWith(bytes, OLE_MAGIC)) return sniffOle(bytes);
  return null;
}

/** The type of a complete file of an allowed type; null for anything else (a truncated file too). */
export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
  const result = sniffFileType(bytes);
  return result && !result.truncated ? result.type : null;
}

/**
 * Checks an upload before anything is stored: not empty, not over 20 MB, one of the allowed types
 * by content, complete. Returns the detected type and the claimed name made safe.
 */
export function checkUpload(bytes: Uint8Array, claimedName: string): { mime: string; ext: string; name: string } {
  if (bytes.length === 0) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.empty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.tooLarge);
  const result = sniffFileType(bytes);
  if (!result) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.unsupported);
  if (result.truncated) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.truncated);
  const { mime, ext } = result.type;
  return { mime, ext, name: safeFileName(claimedName, ext) };
}

// ── byte helpers ─────────────────────────────────────────────────────────────

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf16le = (text: string) => Uint8Array.from(Array.from(text).flatMap((char) => [char.charCodeAt(0), 0]));

const JPEG_MAGIC = Uint8Array.of(0xff, 0xd8, 0xff);
const PNG_MAGIC = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const PDF_MAGIC = ascii('%PDF-');
const ZIP_MAGIC = ascii('PK\x03\x04');
const OLE_MAGIC = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  if (at < 0 || bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** The first index of `needle` in bytes[from, to), or -1. */
function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0, to = bytes.length): number {
  const first = needle[0];
  const last = Math.min(to, bytes.length) - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] === first && startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

/** The last index of `needle` starting in [from, to], or -1. */
function lastIndexOf(bytes: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  for (let i = Math.min(to, bytes.length - needle.length); i >= Math.max(0, from); i--) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

// ── JPEG ─────────────────────────────────────────────────────────────────────

/**
 * Walks the marker segments (so an EXIF thumbnail's own end marker does not count) and the
 * entropy-coded scans up to the end-of-image marker FF D9. Bytes after it (camera trailers) are
 * allowed; a file that ends before it is truncated.
 */
function jpegIsComplete(bytes: Uint8Array): boolean {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    let marker = bytes[at + 1];
    while (marker === 0xff && at + 2 < bytes.length) marker = bytes[++at + 1]; // fill bytes
    if (marker === undefined) return false;
    at += 2;
    if (marker === 0xd9) return true;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // markers without a length
    if (at + 2 > bytes.length) return false;
    const length = u16be(bytes, at);
    if (length < 2) return false;
    at += length;
    if (at > bytes.length) return false;
    if (marker === 0xda) at = skipScan(bytes, at);
  }
  return false;
}

/** From the start of entropy-coded data to the next marker that is not a restart or a stuffed byte. */
function skipScan(bytes: Uint8Array, at: number): number {
  for (let i = at; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1];
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return bytes.length;
}

// ── PNG ──────────────────────────────────────────────────────────────────────

const IHDR = ascii('IHDR');
const IEND = ascii('IEND');

/** Walks the chunks from IHDR to IEND; a chunk that runs past the end, or no IEND, means truncated. */
function sniffPng(bytes: Uint8Array): SniffResult | null {
  if (bytes.length >= 16 && !startsWith(bytes, IHDR, 12)) return null;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    if (length > 0x7fffffff) return null;
    const end = at + 12 + length;
    if (end > bytes.length) break;
    if (startsWith(bytes, IEND, at + 4)) return { type: FILE_TYPES.png, truncated: false };
    at = end;
  }
  return { type: FILE_TYPES.png, truncated: true };
}

// ── PDF ──────────────────────────────────────────────────────────────────────

const PDF_EOF = ascii('%%EOF');

function pdfIsComplete(bytes: Uint8Array): boolean {
  return lastIndexOf(bytes, PDF_EOF, bytes.length - 1024, bytes.length) >= 0;
}

// ── DOCX / XLSX (ZIP) ────────────────────────────────────────────────────────

const EOCD = ascii('PK\x05\x06');
const CENTRAL_ENTRY = ascii('PK\x01\x02');
const CONTENT_TYPES = '[Content_Types].xml';
const textDecoder = new TextDecoder('utf-8');

function sniffOfficeZip(bytes: Uint8Array): SniffResult | null {
  const eocd = lastIndexOf(bytes, EOCD, bytes.length - 22 - 0xffff, bytes.length - 22);
  const names = eocd >= 0 ? centralDirectoryNames(bytes, eocd) : null;
  if (names) {
    const type = officeTypeFromNames(names);
    return type ? { type, truncated: false } : null;
  }
  // No (readable) central directory: the end is missing. Tell what it was from the local headers'
  // names ([Content_Types].xml may well be in the part that is missing: some writers put it last).
  const local = localHeaderNames(bytes);
  if (local.some((name) => name.startsWith('word/'))) return { type: FILE_TYPES.docx, truncated: true };
  if (local.some((name) => name.startsWith('xl/'))) return { type: FILE_TYPES.xlsx, truncated: true };
  return null;
}

/** The names of the local file headers found anywhere in the bytes (those with their name all there). */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = indexOf(bytes, ZIP_MAGIC); at >= 0; at = indexOf(bytes, ZIP_MAGIC, at + 4)) {
    if (at + 30 > bytes.length) break;
    const nameLength = u16le(bytes, at + 26);
    if (at + 30 + nameLength > bytes.length) break;
    names.push(textDecoder.decode(bytes.subarray(at + 30, at + 30 + nameLength)));
  }
  return names;
}

/** The entry names listed by the central directory, or null when it is not all there. */
function centralDirectoryNames(bytes: Uint8Array, eocd: number): string[] | null {
  const count = u16le(bytes, eocd + 10);
  const size = u32le(bytes, eocd + 12);
  const offset = u32le(bytes, eocd + 16);
  if (offset + size > eocd) return null;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || !startsWith(bytes, CENTRAL_ENTRY, at)) return null;
    const nameLength = u16le(bytes, at + 28);
    const extraLength = u16le(bytes, at + 30);
    const commentLength = u16le(bytes, at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(textDecoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeTypeFromNames(names: string[]): DetectedFileType | null {
  if (!names.includes(CONTENT_TYPES)) return null;
  if (names.includes('word/document.xml')) return FILE_TYPES.docx;
  if (names.includes('xl/workbook.xml')) return FILE_TYPES.xlsx;
  if (names.some((name) => name.startsWith('word/'))) return FILE_TYPES.docx;
  if (names.some((name) => name.startsWith('xl/'))) return FILE_TYPES.xlsx;
  return null;
}

// ── DOC / XLS (OLE2 compound file) ───────────────────────────────────────────

const WORD_STREAM = 'WordDocument';
const EXCEL_STREAMS = ['Workbook', 'Book'];

function sniffOle(bytes: Uint8Array): SniffResult | null {
  const truncated = bytes.length % 512 !== 0 || bytes.length < 1024;
  const names = truncated ? null : oleRootNames(bytes);
  let type: DetectedFileType | null;
  if (names) {
    type = names.includes(WORD_STREAM)
      ? FILE_TYPES.doc
      : EXCEL_STREAMS.some((name) => names.includes(name))
        ? FILE_TYPES.xls
        : null;
  } else {
    // The directory could not be walked: fall back to finding the stream names anywhere.
    type =
      indexOf(bytes, utf16le(WORD_STREAM)) >= 0
        ? FILE_TYPES.doc
        : EXCEL_STREAMS.some((name) => indexOf(bytes, utf16le(name)) >= 0)
          ? FILE_TYPES.xls
          : null;
  }
  return type ? { type, truncated } : null;
}

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * The names of the streams at the root of a compound file (so an Excel file with an embedded Word
 * object is still Excel): follows the directory's sector chain through the FAT and walks the root
 * storage's red-black tree. Null when any of it does not add up.
 */
function oleRootNames(bytes: Uint8Array): string[] | null {
  const sectorShift = u16le(bytes, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors: number[] = [];
  const fatCount = u32le(bytes, 0x2c);
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(u32le(bytes, 0x4c + i * 4));
  let difat = u32le(bytes, 0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat < END_OF_CHAIN && guard < 10_000; guard++) {
    const at = sectorAt(difat);
    if (at + sectorSize > bytes.length) return null;
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatCount; i++) {
      fatSectors.push(u32le(bytes, at + i * 4));
    }
    difat = u32le(bytes, at + sectorSize - 4);
  }
  const next = (sector: number): number | null => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector >= END_OF_CHAIN) return null;
    const at = sectorAt(fatSector) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? u32le(bytes, at) : null;
  };

  const entries: number[] = []; // byte offsets of the 128-byte directory entries
  let sector: number | null = u32le(bytes, 0x30);
  for (let guard = 0; sector !== null && sector !== END_OF_CHAIN; guard++) {
    if (sector === FREE_SECTOR || guard > 100_000) return null;
    const at = sectorAt(sector);
    if (at + sectorSize > bytes.length) return null;
    for (let i = 0; i < sectorSize; i += 128) entries.push(at + i);
    sector = next(sector);
  }
  if (sector === null || entries.length === 0) return null;

  const entryName = (at: number) => {
    const length = Math.min(u16le(bytes, at + 0x40), 64); // in bytes, with the closing NUL
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(u16le(bytes, at + i));
    return name;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  const stack = [u32le(bytes, entries[0] + 0x4c)]; // the root entry's child
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id >= entries.length || seen.has(id)) continue;
    seen.add(id);
    const at = entries[id];
    names.push(entryName(at));
    stack.push(u32le(bytes, at + 0x44), u32le(bytes, at + 0x48));
  }
  return names;
}
