import { existsSync } from 'fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { join, resolve } from 'path';
import type { ApiCall, ApiContext, Envelope } from '../server/context';
import { DomainError, ERROR_STATUS } from '../src/core/errors';
import type { LocalFileStorage } from './files/LocalFileStorage';
import { apiRoute } from './http/apiRoute';
import { filesRoute } from './http/filesRoute';
import { BodyTooLargeError, discardRest, RequestAbortedError } from './http/readBody';
import { INTERNAL_MESSAGE, sendError, sendJson } from './http/sendJson';
import { uploadRoute } from './http/uploadRoute';
import { serveStatic } from './staticFiles';

export interface LocalServerOptions {
  context: ApiContext;
  handleCall: (call: ApiCall, context: ApiContext) => Promise<Envelope>;
  files: LocalFileStorage;
  /** The H5 build to serve for every other GET; none: those are 404. */
  staticRoot?: string;
  demoMode: boolean;
  /** The district and unit of a bound user (uploads need one), or null. */
  identify: (openid: string) => Promise<{ districtId: string; unitId: string } | null>;
}

/**
 * The local cloud over HTTP (not listening yet): `POST /api/<action>`, `POST /upload`,
 * `GET /files/<fileId>` (signed), `GET /healthz`, and the H5 app for every other GET.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const staticRoot = options.staticRoot ? resolve(options.staticRoot) : undefined;
  return createServer((request, response) => {
    route(request, response, options, staticRoot).catch((error: unknown) => fail(request, response, error));
  });
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalServerOptions,
  staticRoot: string | undefined,
): Promise<void> {
  const url = parseUrl(request.url);
  const path = url.pathname;
  const isRead = request.method === 'GET' || request.method === 'HEAD';

  if (path.startsWith('/api/')) {
    const action = decodePath(path.slice('/api/'.length));
    return apiRoute(request, response, action, options);
  }
  if (path === '/upload') return uploadRoute(request, response, options);
  if (path === '/files' || path.startsWith('/files/')) return filesRoute(request, response, url, options.files);
  if (path === '/healthz' && isRead) return sendJson(response, 200, { ok: true });
  if (isRead && staticRoot && existsSync(join(staticRoot, 'index.html'))) {
    decodePath(path); // serveStatic decodes it too: refuse a malformed one here, as a 404
    return serveStatic(staticRoot, request, response);
  }
  throw new DomainError('NOT_FOUND', '没有这个页面');
}

function parseUrl(target: string | undefined): URL {
  try {
    if (!target?.startsWith('/')) throw new Error('not an origin-form request target');
    return new URL(`http://local${target}`);
  } catch {
    throw new DomainError('NOT_FOUND', '没有这个页面');
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new DomainError('NOT_FOUND', '没有这个页面');
  }
}

/** Every failure becomes an envelope; only a DomainError's message reaches the client. */
function fail(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (error instanceof RequestAbortedError) {
    response.destroy();
    return;
  }
  // Refused before the body was all read: drop the rest, and this connection after the reply.
  const headers: Record<string, string> = {};
  if (!request.complete) {
    discardRest(request);
    headers.Connection = 'close';
  }
  if (error instanceof BodyTooLargeError) {
    return sendError(response, 'INVALID_ARGUMENT', error.message, 413, headers);
  }
  if (error instanceof DomainError && error.code in ERROR_STATUS) {
    return sendError(response, error.code, error.message, ERROR_STATUS[error.code], headers);
  }
  console.error(`[local cloud] ${request.method} ${request.url?.split('?')[0]} failed:`, error);
  sendError(response, 'INTERNAL', INTERNAL_MESSAGE, 500, headers);
}
