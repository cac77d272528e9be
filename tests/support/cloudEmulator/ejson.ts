/**
 * Extended JSON, the wire form of every database value: the SDK sends canonical EJSON
 * (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"…"}}`) and parses what comes back with
 * `EJSON.parse`, which takes plain JSON numbers too. Only the types the SDK produces are read.
 */
import { errors } from './errors';
import { isPlainObject, ObjectIdValue } from './values';

const NUMBER_KEYS = ['$numberInt', '$numberLong', '$numberDouble', '$numberDecimal'];
const UNSUPPORTED_KEYS = [
  '$binary',
  '$symbol',
  '$timestamp',
  '$minKey',
  '$maxKey',
  '$undefined',
  '$code',
  '$dbPointer',
];

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && NUMBER_KEYS.includes(keys[0])) return Number(value[keys[0]]);
  if (keys.length === 1 && keys[0] === '$date') return decodeDate(value.$date);
  if (keys.length === 1 && keys[0] === '$oid') return new ObjectIdValue(String(value.$oid));
  if (keys.length === 1 && keys[0] === '$regularExpression') {
    const { pattern, options } = value.$regularExpression as { pattern: string; options?: string };
    // MongoDB's `x` (extended) has no JavaScript counterpart; the others carry over.
    return new RegExp(pattern, (options ?? '').replace(/[^imsu]/g, ''));
  }
  if (keys.length === 1 && UNSUPPORTED_KEYS.includes(keys[0])) throw errors.unsupported(`the EJSON type ${keys[0]}`);
  const decoded: Record<string, unknown> = {};
  for (const key of keys) decoded[key] = decodeValue(value[key]);
  return decoded;
}

function decodeDate(raw: unknown): Date {
  if (isPlainObject(raw) && '$numberLong' in raw) return new Date(Number(raw.$numberLong));
  return new Date(raw as string | number);
}

/** Parses an EJSON text the SDK sent; malformed text is the service's "invalid parameter". */
export function parseEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw errors.invalidParam(`${what} must be an EJSON string`);
  try {
    return decodeValue(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw errors.invalidParam(`${what} is not valid JSON`);
    throw error;
  }
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof ObjectIdValue) return { $oid: value.hex };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: value.flags } };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isPlainObject(value)) {
    const encoded: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) encoded[key] = encodeValue(item);
    return encoded;
  }
  return value;
}

/** A document as the service sends it back: one EJSON string per document (relaxed numbers). */
export function stringifyEjson(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}
