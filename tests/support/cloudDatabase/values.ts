/** Values as the cloud database keeps them: cloned in and out, read by dotted paths, compared. */

export type Doc = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A deep copy as the database would store it: `undefined` fields dropped, dates kept as dates. */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : cloneValue(item))) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = cloneValue(item);
    return copy as T;
  }
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('cannot store a function');
  return value;
}

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function checkDocumentSize(doc: Doc): void {
  const bytes = Buffer.byteLength(JSON.stringify(doc), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) throw new Error(`document is ${bytes} bytes: more than the 16 MB limit`);
}

export function checkFieldNames(value: unknown, path = ''): void {
  if (Array.isArray(value)) value.forEach((item, index) => checkFieldNames(item, `${path}[${index}]`));
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('.') || key.startsWith('$')) throw new Error(`invalid field name "${path}${key}"`);
    checkFieldNames(item, `${path}${key}.`);
  }
}

export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isPlainObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

export function setPath(doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let current: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (!isPlainObject(next) && !Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]] = value;
}

export function removePath(doc: Doc, path: string): void {
  const keys = path.split('.');
  const parent = getPath(doc, keys.slice(0, -1).join('.'));
  const target = keys.length === 1 ? doc : parent;
  if (isPlainObject(target)) delete target[keys[keys.length - 1]];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return a === b;
}

function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (isPlainObject(value)) return 3;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'boolean') return 5;
  if (value instanceof Date) return 6;
  return 7;
}

/** Total order for sorting: null/missing first, then numbers, strings, … as MongoDB orders types. */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const textA = JSON.stringify(a) ?? '';
  const textB = JSON.stringify(b) ?? '';
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

/** Whether two values are comparable with gt/lt (same type); MongoDB never matches across types. */
export function sameType(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && typeRank(a) !== 0;
}
