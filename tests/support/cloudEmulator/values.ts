/** Document values as the database holds them (BSON, decoded): compared, cloned, walked by path. */
import { errors } from './errors';

export type Doc = Record<string, unknown>;

/** An ObjectId (`db.ObjectId()`), kept apart from strings as BSON keeps it. */
export class ObjectIdValue {
  constructor(readonly hex: string) {}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneValue(item);
    return copy as T;
  }
  return value;
}

/** MongoDB's order of types when sorting and comparing: null < numbers < strings < objects < … */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (value instanceof ObjectIdValue) return 7;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  return 4;
}

export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return Math.sign(rank);
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof ObjectIdValue && b instanceof ObjectIdValue) return compareValues(a.hex, b.hex);
  if (a instanceof RegExp && b instanceof RegExp) return compareValues(String(a), String(b));
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareValues(a[i], b[i]);
      if (order !== 0) return order;
    }
    return Math.sign(a.length - b.length);
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    // Embedded documents compare field by field, in their stored order.
    const left = Object.entries(a);
    const right = Object.entries(b);
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      const order = compareValues(left[i][0], right[i][0]) || compareValues(left[i][1], right[i][1]);
      if (order !== 0) return order;
    }
    return Math.sign(left.length - right.length);
  }
  return 0;
}

export const sameValue = (a: unknown, b: unknown) => compareValues(a, b) === 0 && typeRank(a) === typeRank(b);

/** Comparisons ($gt, $lt…) only ever match within one type, as in MongoDB. */
export const comparable = (a: unknown, b: unknown) => typeRank(a) === typeRank(b);

/**
 * The values a dotted path reaches: through arrays of documents too (`tags.name` on an array of
 * objects reaches every name). A path that reaches nothing gives `[undefined]`.
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const found: unknown[] = [];
  const walk = (value: unknown, parts: string[], index: number): void => {
    if (index === parts.length) {
      found.push(value);
      return;
    }
    const part = parts[index];
    if (Array.isArray(value)) {
      if (/^\d+$/.test(part)) walk(value[Number(part)], parts, index + 1);
      for (const item of value) if (isPlainObject(item)) walk(item, parts, index);
      return;
    }
    if (isPlainObject(value) && part in value) walk(value[part], parts, index + 1);
  };
  walk(doc, path.split('.'), 0);
  return found.length ? found : [undefined];
}

/** The one value at a path of plain objects (no array traversal), for sort keys and updates. */
export function valueAt(doc: unknown, path: string): unknown {
  let current = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Sets a path, creating objects on the way; a scalar in the way is MongoDB's "cannot create field". */
export function setAt(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let container: Doc | unknown[] = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const index = /^\d+$/.test(part) ? Number(part) : -1;
    if (Array.isArray(container) && index < 0) throw cannotCreate(part, container);
    const slots = container as Record<string | number, unknown>;
    const key = Array.isArray(container) ? index : part;
    if (i === parts.length - 1) {
      if (Array.isArray(container)) while (container.length < index) container.push(null);
      slots[key] = value;
      return;
    }
    let next = slots[key];
    if (next === undefined || next === null) slots[key] = next = {};
    else if (!isPlainObject(next) && !Array.isArray(next)) throw cannotCreate(parts[i + 1], next);
    container = next as Doc | unknown[];
  }
}

function cannotCreate(field: string, container: unknown) {
  return errors.requestFailed(`Cannot create field '${field}' in element ${JSON.stringify(container)}`);
}

export function unsetAt(doc: Doc, path: string): void {
  const parts = path.split('.');
  const parent = parts.length === 1 ? doc : valueAt(doc, parts.slice(0, -1).join('.'));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent) && /^\d+$/.test(last)) parent[Number(last)] = null;
  else if (isPlainObject(parent)) delete parent[last];
}

/** Field names a stored document may not have (MongoDB 4: no `$` prefix, no dot). */
export function checkFieldNames(value: unknown): void {
  if (Array.isArray(value)) value.forEach(checkFieldNames);
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$') || key.includes('.') || key === '') {
      throw errors.requestFailed(`invalid field name '${key}': it may not be empty, start with '$' or contain '.'`);
    }
    checkFieldNames(item);
  }
}

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The BSON size, near enough (JSON text of the document): over 16 MB is refused. */
export function checkDocumentSize(doc: Doc): void {
  const bytes = Buffer.byteLength(JSON.stringify(doc), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw errors.requestFailed(`object to insert too large. size in bytes: ${bytes}, max size: ${MAX_DOCUMENT_BYTES}`);
  }
}

/** The key a document is stored under: `_id` strings as they are, other `_id` types tagged. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  if (id instanceof ObjectIdValue) return `\u0001oid:${id.hex}`;
  return `\u0001${typeof id}:${JSON.stringify(id)}`;
}
