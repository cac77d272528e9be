import type { ServerResponse } from 'http';
import type { Envelope } from '../../server/context';
import { ERROR_STATUS, type ErrorCode } from '../../src/core/errors';

export const INTERNAL_MESSAGE = '系统繁忙，请稍后再试';

/** Writes a JSON reply; never cached, never sniffed as anything else. */
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
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
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
