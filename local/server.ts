import { existsSync } from 'fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { join, resolve } from 'path';
import type { ApiCall, ApiContext, Envelope } from '../server/context';
import { DomainError, ERROR_STATUS } from '../src/core/errors';
import type { LocalFileStorage } from './files/LocalFileStorage';
import { apiRoute } from './http/apiRoute';
import { filesRoute } from './http/filesRoute';
import { HOST_REFUSED_TEXT, hostAllowed } from './http/hostCheck';
import { AttemptLimiter, ConcurrencyLimiter, TooManyRequestsError } from './http/limits';
import { BodyIdleError, BodyTooLargeError, discardRest, RequestAbortedError } from './http/readBody';
import { AppSecurityPolicy, setSecurityHeaders } from './http/securityHeaders';
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
  /**
   * Hosts answered besides the loopback ones (`name` any port, `name:port` that port). Demo mode
   * answers only loopback hosts and these; outside demo mode they are checked when given.
   */
  allowedHosts?: string[];
  limits?: Partial<LocalServerLimits>;
}

export interface LocalServerLimits {
  /** A request body (an upload, an API call) that sends nothing for this long is cut. */
  idleTimeoutMs: number;
  /** Uploads one caller may have in flight. */
  uploadsPerCaller: number;
  /** `session.bind` attempts per client address per window. */
  bindAttempts: number;
  bindWindowMs: number;
}

export const DEFAULT_LIMITS: LocalServerLimits = {
  idleTimeoutMs: 60_000,
  uploadsPerCaller: 3,
  bindAttempts: 10,
  bindWindowMs: 60_000,
};

/**
 * The local cloud over HTTP (not listening yet): `POST /api/<action>`, `POST /upload`,
 * `GET /files/<fileId>` (signed), `GET /healthz`, and the H5 app for every other GET.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const staticRoot = options.staticRoot ? resolve(options.staticRoot) : undefined;
  const limits: LocalServerLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(options.limits ?? {})) {
    if (typeof value === 'number') limits[key as keyof LocalServerLimits] = value;
  }
  const allowedHosts = options.allowedHosts ?? [];
  const checkHost = options.demoMode || allowedHosts.length > 0;
  const state: RouteState = {
    staticRoot,
    limits,
    bindLimiter: new AttemptLimiter(limits.bindAttempts, limits.bindWindowMs, () => options.context.now().getTime()),
    uploadSlots: new ConcurrencyLimiter(limits.uploadsPerCaller),
  };
  const policy = new AppSecurityPolicy(staticRoot);
  // No cap on a whole request: a 20 MB file on a weak signal takes longer than Node's default 5
  // minutes; an upload that goes silent is cut by the idle timeout instead.
  return createServer({ requestTimeout: 0 }, (request, response) => {
    const target = request.url ?? '';
    setSecurityHeaders(response, target === '/files' || target.startsWith('/files/'), policy);
    if (checkHost && !hostAllowed(request.headers.host, allowedHosts)) return refuseHost(request, response);
    route(request, response, options, state).catch((error: unknown) => fail(request, response, error));
  });
}

interface RouteState {
  staticRoot: string | undefined;
  limits: LocalServerLimits;
  bindLimiter: AttemptLimiter;
  uploadSlots: ConcurrencyLimiter;
}

/** 421 Misdirected Request, in a few words, before anything is read or run. */
function refuseHost(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  response.writeHead(421, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(HOST_REFUSED_TEXT)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  response.end(HOST_REFUSED_TEXT);
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalServerOptions,
  state: RouteState,
): Promise<void> {
  const { staticRoot } = state;
  const url = parseUrl(request.url);
  const path = url.pathname;
  const isRead = request.method === 'GET' || request.method === 'HEAD';

  if (path.startsWith('/api/')) {
    const action = decodePath(path.slice('/api/'.length));
    return apiRoute(request, response, action, {
      ...options,
      bindLimiter: state.bindLimiter,
      idleTimeoutMs: state.limits.idleTimeoutMs,
    });
  }
  if (path === '/upload') {
    return uploadRoute(request, response, {
      ...options,
      uploadSlots: state.uploadSlots,
      idleTimeoutMs: state.limits.idleTimeoutMs,
    });
  }
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
  if (error instanceof BodyIdleError) {
    // The client stalled: say so if it still listens, and let the connection go.
    response.once('finish', () => request.socket.destroy());
    return sendError(response, 'INVALID_ARGUMENT', error.message, 408, { ...headers, Connection: 'close' });
  }
  if (error instanceof TooManyRequestsError) {
    const retry: Record<string, string> = error.retryAfterSeconds
      ? { 'Retry-After': String(error.retryAfterSeconds) }
      : {};
    return sendError(response, 'FAILED_PRECONDITION', error.message, 429, { ...headers, ...retry });
  }
  if (error instanceof DomainError && error.code in ERROR_STATUS) {
    return sendError(response, error.code, error.message, ERROR_STATUS[error.code], headers);
  }
  console.error(`[local cloud] ${request.method} ${request.url?.split('?')[0]} failed:`, error);
  sendError(response, 'INTERNAL', INTERNAL_MESSAGE, 500, headers);
}
