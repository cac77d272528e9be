/**
 * What may be uploaded as evidence, and how files are named: the one policy the app (what its
 * pickers offer), the local cloud and the cloud functions (what they accept) share. Pure.
 */

export type FileKind = 'image' | 'document';

export interface DetectedFileType {
  mime: string;
  /** The usual extension, without the dot. */
  ext: string;
  kind: FileKind;
  /** A Chinese label fit to show. */
  label: string;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  empty: '文件是空的（0 字节），请重新选择',
  tooLarge: '文件超过 20 MB，请压缩后再传',
  truncated: '文件不完整，可能没有传完，请重新上传',
  unsupported: '只能上传照片（JPG、PNG）、PDF、Word 或 Excel 文件',
} as const;

export const FILE_TYPES = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', kind: 'image', label: 'JPG 照片' },
  png: { mime: 'image/png', ext: 'png', kind: 'image', label: 'PNG 图片' },
  pdf: { mime: 'application/pdf', ext: 'pdf', kind: 'document', label: 'PDF 文档' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    kind: 'document',
    label: 'Word 文档',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    kind: 'document',
    label: 'Excel 表格',
  },
  doc: { mime: 'application/msword', ext: 'doc', kind: 'document', label: 'Word 文档（97-2003）' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls', kind: 'document', label: 'Excel 表格（97-2003）' },
} as const satisfies Record<string, DetectedFileType>;

/** Extensions that name the same type as the detected one (kept as the user wrote them). */

/** Extensions that name the same type as the detected one (kept as the user wrote them). */
export const EXT_ALIASES: Record<string, string[]> = { jpg: ['jpg', 'jpeg', 'jpe'] };

const ALL_TYPES: readonly DetectedFileType[] = Object.values(FILE_TYPES);

/** Every extension an allowed file may carry, aliases included (what pickers offer). */
export const ACCEPTED_EXTENSIONS: readonly string[] = ALL_TYPES.flatMap((type) => EXT_ALIASES[type.ext] ?? [type.ext]);

/** The allowed type a file name's extension stands for, if any (a guess: content decides). */
export function typeOfExtension(ext: string): DetectedFileType | null {
  const lower = ext.toLowerCase();
  return ALL_TYPES.find((type) => type.ext === lower || (EXT_ALIASES[type.ext] ?? []).includes(lower)) ?? null;
}

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Names as stored (uploads); evidence names may run to EVIDENCE_NAME_MAX_CHARS. */
export const MAX_NAME_CHARS = 80;
export const EVIDENCE_NAME_MAX_CHARS = 120;
const FALLBACK_BASE = '文件';
// C0 and C1 controls, and the bidi controls that can make `gpj.exe` read as `exe.jpg`.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name fit to store and show: no directory parts (`/` or `\`), no control characters, at
 * most `maxChars` characters (80 unless said, the extension kept), and — when `ext` is given — ending in that extension (the base name is kept).
 */
export function safeFileName(claimedName: string, ext?: string, maxChars = MAX_NAME_CHARS): string {
  const last = String(claimedName ?? '')
    .split(/[/\\]/)
    .pop() as string;
  let name = last.replace(UNSAFE_CHARS, '').trim();
  if (/^\.+$/.test(name)) name = '';
  if (!ext) return keepExtension(name || FALLBACK_BASE, maxChars);

  const dot = name.lastIndexOf('.');
  const hasExt = dot >= 0 && dot < name.length - 1;
  const claimedExt = hasExt ? name.slice(dot + 1).toLowerCase() : '';
  const sameType = claimedExt === ext || (EXT_ALIASES[ext] ?? []).includes(claimedExt);
  const finalExt = sameType ? name.slice(dot + 1) : ext;
  let base = (sameType || hasExt ? name.slice(0, dot) : name).trim();
  if (!base) base = FALLBACK_BASE;
  return `${truncateChars(base, maxChars - finalExt.length - 1)}.${finalExt}`;
}

/** Cuts to at most `max` characters without splitting a surrogate pair. */
function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trim();
}

/** Cuts a name that has an extension of its own before the extension, so it survives. */
function keepExtension(name: string, max: number): string {
  const ext = extensionOf(name);
  if (Array.from(name).length <= max || !ext) return truncateChars(name, max);
  return `${truncateChars(name.slice(0, name.length - ext.length - 1), max - ext.length - 1)}.${name.slice(-ext.length)}`;
}
