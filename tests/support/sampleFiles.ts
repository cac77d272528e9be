import { Document, Packer, Paragraph } from 'docx';
import { deflateSync } from 'zlib';

/** Real, minimal files of every allowed type (and some that are not), built in the test. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ── PNG ──────────────────────────────────────────────────────────────────────

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid PNG of `width`×`height` RGBA pixels of one colour (vary `seed` for different bytes). */
export function makePng(width = 2, height = 2, seed = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.of(0), Buffer.alloc(width * 4, seed & 0xff)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── JPEG ─────────────────────────────────────────────────────────────────────

function segment(marker: number, data: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(data.length + 2);
  return Buffer.concat([Buffer.of(0xff, marker), length, data]);
}

/**
 * A JPEG's structure: SOI, a JFIF header, an EXIF segment holding a thumbnail (with its own
 * FF D8 … FF D9), a scan with stuffed bytes and a restart marker, and EOI.
 */
export function makeJpeg(): Buffer {
  const jfif = Buffer.from([...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const thumbnail = Buffer.of(0xff, 0xd8, 0xff, 0xdb, 0x00, 0x03, 0x00, 0xff, 0xd9);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(10, 7), thumbnail, Buffer.alloc(4)]);
  const quantisation = Buffer.concat([Buffer.of(0), Buffer.alloc(64, 1)]);
  const scanHeader = Buffer.of(1, 1, 0, 0, 0x3f, 0);
  const scanData = Buffer.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78, 0x9a);
  return Buffer.concat([
    Buffer.of(0xff, 0xd8),
    segment(0xe0, jfif),
    segment(0xe1, exif),
    segment(0xdb, quantisation),
    segment(0xda, scanHeader),
    scanData,
    Buffer.of(0xff, 0xd9),
  ]);
}

// ── PDF ──────────────────────────────────────────────────────────────────────

export function makePdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ── ZIP, DOCX, XLSX ──────────────────────────────────────────────────────────

/** A ZIP archive with stored (uncompressed) entries, local headers, central directory and EOCD. */
export function makeZip(entries: Array<{ name: string; content: string | Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The smallest workbook Excel opens: one sheet with one inline-string cell. */
export function makeXlsx(): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      content: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>`,
    },
    {
      name: '_rels/.rels',
      content: `${XML}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `${XML}<workbook xmlns="${SHEET_NS}" xmlns:r="${DOC_RELS}"><sheets><sheet name="完成情况" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `${XML}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: `${XML}<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>已完成</t></is></c></row></sheetData></worksheet>`,
    },
  ]);
}

/** A real .docx, made by the `docx` package as the report generator makes them. */
export function makeDocx(text = '法治政府建设年度报告'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

// ── DOC / XLS (OLE2 compound file) ───────────────────────────────────────────

const NO_STREAM = 0xffffffff;

interface OleEntry {
  name: string;
  type: 1 | 2 | 5; // storage, stream, root
  left?: number;
  right?: number;
  child?: number;
}

/**
 * A compound file (version 3, 512-byte sectors): sector 0 the FAT, sector 1 the directory, then
 * `padding` empty sectors. The entries are written as given; entry 0 must be the root.
 */
export function makeOle(entries: OleEntry[], padding = 1): Buffer {
  if (entries.length > 4) throw new Error('one directory sector holds 4 entries');
  const sector = 512;
  const header = Buffer.alloc(sector);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : NO_STREAM, 0x4c + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const directory = Buffer.alloc(sector);
  entries.forEach((entry, index) => {
    const at = index * 128;
    const name = Buffer.from(`${entry.name}\0`, 'utf16le');
    directory.set(name, at);
    directory.writeUInt16LE(name.length, at + 0x40);
    directory[at + 0x42] = entry.type;
    directory.writeUInt32LE(entry.left ?? NO_STREAM, at + 0x44);
    directory.writeUInt32LE(entry.right ?? NO_STREAM, at + 0x48);
    directory.writeUInt32LE(entry.child ?? NO_STREAM, at + 0x4c);
    directory.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return Buffer.concat([header, fat, directory, Buffer.alloc(sector * padding)]);
}

export function makeDoc(): Buffer {
  return makeOle([
    { name: 'Root Entry', type: 5, child: 1 },
    { name: 'WordDocument', type: 2, right: 2 },
    { name: '1Table', type: 2 },
  ]);
}

export function makeXls(): Buffer {
  return makeOle([
    { name: 'Root Entry', type: 5, child: 1 },
    { name: 'Workbook', type: 2 },
  ]);
}

// ── not allowed ──────────────────────────────────────────────────────────────

/** The start of a Windows executable: `MZ`, the DOS stub, the PE signature. */
export function makeExe(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('This program cannot be run in DOS mode.', 0x40, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

/** A multipart/form-data body with one file part (and any plain fields). */
export function multipartBody(
  file: { field?: string; filename: string; content: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
  boundary = '----fazhi-test-boundary',
): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
