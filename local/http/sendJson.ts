import type { ServerResponse } from 'http';
import { gzipSync } from 'zlib';
import type { Envelope } from '../../server/context';
import { ERROR_STATUS, type ErrorCode } from '../../src/core/errors';

export const INTERNAL_MESSAGE = '系统繁忙，请稍后再试';

/** Replies smaller than this go as they are: gzip would save little and cost a header. */
const COMPRESS_FROM_BYTES = 1024;

function acceptsGzip(response: ServerResponse): boolean {
  return /\bgzip\b/.test(String(response.req?.headers['accept-encoding'] ?? ''));
}

/**
 * Writes a JSON reply; never cached, never sniffed as anything else. A large one goes gzipped when
 * the client takes it: a unit's task list is some 20 KB of JSON, a tenth of that gzipped, which on a
 * weak signal is most of a second.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    // Too late for a reply of our own (the bytes of a file were already on their way): cut it.
    response.destroy();
    return;
  }
  const text = Buffer.from(JSON.stringify(body));
  const gzip = text.length >= COMPRESS_FROM_BYTES && acceptsGzip(response);
  const payload = gzip ? gzipSync(text) : text;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...headers,
  });
  response.end(payload);
}

/** The HTTP status of an envelope: 200 when ok, else by its error code (500 for a code we do not know). */
export function envelopeStatus(envelope: Envelope): number {
  if (envelope.ok) return 200;
  return (ERROR_STATUS as Record<string, number>)[envelope.error.code] ?? 500;
}

export function sendEnvelope(response: ServerResponse, envelope: Envelope): void {
  sendJson(response, envelopeStatus(envelope), envelope);
}

/** A refusal as an envelope; the status follows the code unless given (413 for a body too large). */
export function sendError(
  response: ServerResponse,
  code: ErrorCode,
  message: string,
  status: number = ERROR_STATUS[code],
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { ok: false, error: { code, message } } satisfies Envelope, headers);
}
