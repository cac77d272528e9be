/**
 * The HTTP side: `POST /admin` is the API the SDK calls (JSON, or multipart for `wx.openApi`),
 * `POST /cos/<bucket>` takes upload forms, `GET /cdn/<bucket>/<path>` serves temporary links.
 * Every request waits `latencyMs` first and is logged, so request counts show as time.
 */
import { randomBytes } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { DatabaseService, Params } from './database';
import { ServiceError, errors } from './errors';
import { parseMultipart } from './multipart';
import type { OpenApiService } from './openapi';
import type { StorageService } from './storage';

export interface LoggedRequest {
  /** `database.getDocument`, `storage.batchGetDownloadUrl`, `wx.openApi`…, `cos.upload`, `cdn.download`. */
  action: string;
  collection?: string;
  transactionId?: string;
  /** For `wx.openApi`: `subscribeMessage.send`…; for uploads and downloads: the cloud path. */
  detail?: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface Services {
  envId: string;
  database: DatabaseService;
  storage: StorageService;
  openapi: OpenApiService;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string) {
  response.writeHead(status, headers);
  response.end(body);
}

/** The SDK only parses a JSON error to `wx.openApi` with exactly this content type. */
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export class EmulatorServer {
  latencyMs: number;
  readonly log: LoggedRequest[] = [];
  private readonly server: Server;

  constructor(
    private readonly services: Services,
    latencyMs: number,
  ) {
    this.latencyMs = latencyMs;
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        // A bug of the emulator, not a refusal of the service: say so loudly.
        console.error('[cloud emulator]', error);
        send(response, 500, {}, String(error));
      });
    });
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const body = await readBody(request);
    const [, root, bucket, ...rest] = url.pathname.split('/');
    if (request.method === 'POST' && root === 'admin') return this.api(request, body, response);
    if (request.method === 'POST' && root === 'cos') {
      const fields = parseMultipart(body, request.headers['content-type'] ?? '');
      await this.arrive({ action: 'cos.upload', detail: fields.get('key')?.toString('utf8') });
      const answer = this.services.storage.upload(bucket, fields);
      return send(response, answer.status, answer.headers, answer.body);
    }
    if (request.method === 'GET' && root === 'cdn') {
      const cloudPath = decodeURIComponent(rest.join('/'));
      await this.arrive({ action: 'cdn.download', detail: cloudPath });
      const answer = this.services.storage.download(bucket, cloudPath, url.searchParams);
      return send(response, answer.status, answer.headers, answer.body);
    }
    send(response, 404, {}, 'not found');
  }

  private async arrive(entry: Omit<LoggedRequest, 'at'>): Promise<void> {
    this.log.push({ ...entry, at: Date.now() });
    if (this.latencyMs > 0) await sleep(this.latencyMs);
  }

  private async api(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const type = request.headers['content-type'] ?? '';
    const multipart = type.startsWith('multipart/form-data') ? parseMultipart(body, type) : null;
    let params: Params;
    try {
      params = multipart
        ? Object.fromEntries(
            [...multipart].map(([key, value]) => [key, key === 'requestData' ? value : value.toString()]),
          )
        : JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, {}, 'bad request');
    }
    const action = String(params.action ?? '');
    await this.arrive({
      action,
      collection: typeof params.collectionName === 'string' ? params.collectionName : undefined,
      transactionId: typeof params.transactionId === 'string' ? params.transactionId : undefined,
      detail: typeof params.apiName === 'string' ? params.apiName : undefined,
    });
    const requestId = randomBytes(16).toString('hex');
    try {
      if (params.envName !== this.services.envId) throw errors.invalidEnv(String(params.envName));
      if (action === 'wx.openApi') {
        const requestData = Buffer.isBuffer(params.requestData) ? params.requestData : Buffer.alloc(0);
        const answer = this.services.openapi.handle(String(params.apiName), requestData);
        return send(response, 200, { 'content-type': 'application/octet-stream' }, answer);
      }
      const reply = await this.dispatch(action, params);
      send(response, 200, JSON_TYPE, JSON.stringify({ ...reply, requestId }));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      send(response, 200, JSON_TYPE, JSON.stringify({ code: error.code, message: error.message, requestId }));
    }
  }

  private async dispatch(action: string, params: Params): Promise<Record<string, unknown>> {
    if (action.startsWith('database.')) return this.services.database.handle(action, params);
    if (action.startsWith('storage.')) return this.services.storage.handle(action, params);
    throw errors.unsupported(`the action ${action}`);
  }
}
