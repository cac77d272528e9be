/**
 * The protobuf messages of `wx.openApi` (from wx-server-sdk's bundled openapi.proto): the call is
 * a `CommApiData { apiType = 1, openapiData = 2 { repeated pairs = 1 { key = 1, value = 2 } } }`,
 * the answer a `CommOpenApiResp { respData = 1, contentType = 2, errorCode = 3 }`.
 */

type Field = { number: number; value: Buffer | number };

function readVarint(bytes: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

function readFields(bytes: Buffer): Field[] {
  const fields: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const [tag, afterTag] = readVarint(bytes, at);
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      const [value, next] = readVarint(bytes, afterTag);
      fields.push({ number, value });
      at = next;
    } else if (wire === 2) {
      const [length, next] = readVarint(bytes, afterTag);
      fields.push({ number, value: bytes.subarray(next, next + length) });
      at = next + length;
    } else {
      throw new Error(`unexpected protobuf wire type ${wire}`);
    }
  }
  return fields;
}

/** The parameters of an openapi call, each value the JSON text the SDK made of it. */
export function decodeOpenApiCall(bytes: Buffer): Map<string, Buffer> {
  const pairs = new Map<string, Buffer>();
  for (const field of readFields(bytes)) {
    if (field.number !== 2 || !Buffer.isBuffer(field.value)) continue;
    for (const pair of readFields(field.value)) {
      if (pair.number !== 1 || !Buffer.isBuffer(pair.value)) continue;
      const parts = readFields(pair.value);
      const key = parts.find((part) => part.number === 1)?.value;
      const value = parts.find((part) => part.number === 2)?.value;
      if (Buffer.isBuffer(key)) pairs.set(key.toString('utf8'), Buffer.isBuffer(value) ? value : Buffer.alloc(0));
    }
  }
  return pairs;
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  // int32 negatives are sent as 64-bit two's complement, ten bytes.
  let rest = value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value);
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Buffer.from(bytes);
}

const bytesField = (number: number, value: Buffer) =>
  Buffer.concat([varint(number * 8 + 2), varint(value.length), value]);

export function encodeOpenApiAnswer(answer: { respData?: Buffer; contentType?: string; errorCode?: number }): Buffer {
  const parts: Buffer[] = [];
  if (answer.respData) parts.push(bytesField(1, answer.respData));
  if (answer.contentType) parts.push(bytesField(2, Buffer.from(answer.contentType)));
  if (answer.errorCode) parts.push(varint(3 * 8), varint(answer.errorCode));
  return Buffer.concat(parts);
}
