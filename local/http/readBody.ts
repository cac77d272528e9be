import type { IncomingMessage } from 'http';

/** The body is over its limit: the reply is 413 with this (Chinese) message. */
export class BodyTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyTooLargeError';
  }
}

/** The client went away before the body was all there. */
export class RequestAbortedError extends Error {
  constructor() {
    super('the client closed the request before its body was complete');
    this.name = 'RequestAbortedError';
  }
}

/** Nothing came in for the idle timeout: the reply is 408 with this (Chinese) message, then the connection is closed. */
export class BodyIdleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyIdleError';
  }
}

export const IDLE_MESSAGE = '长时间没有收到数据，请求已中断，请重试';

/** Calls `onIdle` once when `touch` was not called for `ms` (never when ms is not a positive number). */
export function idleTimer(ms: number | undefined, onIdle: () => void): { touch: () => void; clear: () => void } {
  if (!ms || ms <= 0 || !Number.isFinite(ms)) return { touch: () => undefined, clear: () => undefined };
  let timer = setTimeout(onIdle, ms);
  return {
    touch: () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    },
    clear: () => clearTimeout(timer),
  };
}

/** True when the declared Content-Length is already over the limit: refuse before reading anything. */
export function declaredTooLarge(request: IncomingMessage, limit: number): boolean {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads the whole body into memory, at most `limit` bytes: past that it stops collecting at once
 * and rejects with BodyTooLargeError (so a large body is never buffered). A body that stalls for
 * `idleTimeoutMs` rejects with BodyIdleError.
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  tooLargeMessage: string,
  idleTimeoutMs?: number,
): Promise<Buffer> {
  if (declaredTooLarge(request, limit)) return Promise.reject(new BodyTooLargeError(tooLargeMessage));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const idle = idleTimer(idleTimeoutMs, () => settle(new BodyIdleError(IDLE_MESSAGE)));
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      idle.clear();
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      idle.touch();
      size += chunk.length;
      if (size > limit) settle(new BodyTooLargeError(tooLargeMessage));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onError = () => settle(new RequestAbortedError());
    const onClose = () => settle(request.complete ? null : new RequestAbortedError());
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * After refusing a body part-way: stop handing its bytes to anyone, let the rest drain into
 * nothing, and close the connection once the reply is out (so the client learns the answer
 * instead of a broken pipe, and the server holds none of it).
 */
export function discardRest(request: IncomingMessage): void {
  request.unpipe();
  request.removeAllListeners('data');
  request.on('error', () => undefined);
  request.resume();
}
