import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type Server } from 'http';
import { connect, type AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ApiCall, ApiContext, Envelope } from '../../server/context';
import { MAX_UPLOAD_BYTES } from '../../src/core/files/uploadPolicy';
import { LocalFileStorage } from '../../local/files/LocalFileStorage';
import { createLocalServer, type LocalServerOptions } from '../../local/server';
import { SqliteStore } from '../../local/store/SqliteStore';
import { makePdf, makePng, multipartBody } from '../support/sampleFiles';

/**
 * Issue 13 in the local cloud's HTTP layer: security headers, the Host check of demo mode, the
 * limit on binding attempts per address, and uploads that stream to disk (exactly 20 MB allowed,
 * an idle timeout, a limit per caller, memory that does not grow with each upload).
 */

/** Bound callers the fake `identify` knows: staff-0 … staff-11 of one unit. */
const KNOWN: Record<string, { districtId: string; unitId: string }> = Object.fromEntries(
  Array.from({ length: 12 }, (_, index) => [`staff-${index}`, { districtId: 'changjiang', unitId: 'u-sifaju' }]),
);

const handleCall = jest.fn(async (call: ApiCall, _context: ApiContext): Promise<Envelope> => ({
  ok: true,
  data: { action: call.action },
}));

interface Running {
  url: string;
  port: number;
  dir: string;
  store: SqliteStore;
  clock: { now: number };
  close: () => Promise<void>;
}

const running: Running[] = [];

async function start(
  options: Partial<Pick<LocalServerOptions, 'demoMode' | 'staticRoot' | 'allowedHosts' | 'limits'>> = {},
): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-security-'));
  const store = new SqliteStore(join(dir, 'app.db'));
  const clock = { now: Date.now() };
  const files = new LocalFileStorage({ dataDir: dir, store, now: () => new Date(clock.now) });
  const demoMode = options.demoMode ?? true;
  const context: ApiContext = { store, files, now: () => new Date(clock.now), newId: () => 'id', demoMode };
  const server: Server = createLocalServer({
    context,
    handleCall,
    files,
    demoMode,
    staticRoot: options.staticRoot,
    allowedHosts: options.allowedHosts,
    limits: options.limits,
    identify: async (openid) => KNOWN[openid] ?? null,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const instance: Running = {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    store,
    clock,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.push(instance);
  return instance;
}

afterAll(async () => {
  await Promise.all(running.map((instance) => instance.close()));
});

let errorLog: jest.SpyInstance;
beforeEach(() => {
  handleCall.mockClear();
  errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/** One request over a fresh connection, with any Host header and source address. */
function send(
  instance: Running,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; from?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: instance.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const bind = (instance: Running, from?: string) =>
  send(instance, {
    method: 'POST',
    path: '/api/session.bind',
    headers: { 'Content-Type': 'application/json', 'X-Openid': 'newcomer' },
    body: Buffer.from(JSON.stringify({ inviteCode: 'guess-0000', name: '试试' })),
    from,
  });

describe('security headers', () => {
  const inlineScript = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
  let app: Running;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'fazhi-h5-'));
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><html><head><script>${inlineScript}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`,
    );
    writeFileSync(join(root, 'app.js'), 'console.log(1)');
    app = await start({ staticRoot: root });
  });

  it('the H5 app is served under a Content-Security-Policy that allows its own inline script by hash only', async () => {
    const page = await send(app, { path: '/' });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    const hash = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;
    expect(directives['script-src']).toEqual(["'self'", hash]);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    // Photo previews are blob: URLs, QR codes data: URLs, evidence comes from /files/ (same origin).
    expect(directives['img-src']).toEqual(expect.arrayContaining(["'self'", 'blob:', 'data:']));
    expect(directives['connect-src']).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']); // photo compression in a worker
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('every other reply carries the frame, referrer and sniffing protections too', async () => {
    const replies = [
      await send(app, { path: '/app.js' }),
      await send(app, { method: 'POST', path: '/api/session.get' }),
      await send(app, { path: '/files/local-000000000000000000000000?e=1&s=00' }),
      await send(app, { path: '/healthz' }),
    ];
    for (const reply of replies) {
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(String(reply.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });
});

describe('demo mode answers only loopback hosts (DNS rebinding)', () => {
  let demo: Running;
  let configured: Running;
  let production: Running;
  beforeAll(async () => {
    demo = await start({ demoMode: true });
    configured = await start({ demoMode: true, allowedHosts: ['tasks.lan', 'office.example:8443'] });
    production = await start({ demoMode: false });
  });

  const withHost = (instance: Running, host: string) =>
    send(instance, { method: 'POST', path: '/api/session.get', headers: { Host: host } });

  it('answers 127.0.0.1, localhost and [::1], with or without the port', async () => {
    for (const host of [
      `127.0.0.1:${demo.port}`,
      `localhost:${demo.port}`,
      `LOCALHOST:${demo.port}`,
      `[::1]:${demo.port}`,
      'localhost',
      '127.0.0.1',
    ]) {
      expect([host, (await withHost(demo, host)).status]).toEqual([host, 200]);
    }
  });

  it('refuses any other Host with a short text, before anything runs', async () => {
    for (const host of [
      `attacker.example:${demo.port}`,
      'attacker.example',
      `127.0.0.1.attacker.example:${demo.port}`,
      `localhost.attacker.example`,
      '192.168.1.20:10086',
    ]) {
      const reply = await withHost(demo, host);
      expect([host, reply.status]).toEqual([host, 421]);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(reply.text).toMatch(/Host/);
      expect(reply.text.length).toBeLessThan(300);
    }
    // No Host at all (HTTP/1.0).
    const bare = await new Promise<string>((resolve, reject) => {
      const socket = connect(demo.port, '127.0.0.1', () => socket.end('POST /api/session.get HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(bare).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(handleCall).not.toHaveBeenCalled();
    // The static app and the files are behind the same check.
    expect((await send(demo, { path: '/', headers: { Host: 'attacker.example' } })).status).toBe(421);
    expect((await send(demo, { path: '/files/x', headers: { Host: 'attacker.example' } })).status).toBe(421);
  });

  it('answers the hosts configured (ALLOWED_HOSTS) as well', async () => {
    expect((await withHost(configured, 'tasks.lan')).status).toBe(200);
    expect((await withHost(configured, `tasks.lan:${configured.port}`)).status).toBe(200);
    expect((await withHost(configured, 'office.example:8443')).status).toBe(200);
    expect((await withHost(configured, 'office.example:9999')).status).toBe(421);
    expect((await withHost(configured, `localhost:${configured.port}`)).status).toBe(200);
    expect((await withHost(configured, 'attacker.example')).status).toBe(421);
  });

  it('outside demo mode (no identity from headers) any Host is answered', async () => {
    expect((await withHost(production, 'tasks.example.gov.cn')).status).toBe(200);
  });
});

describe('session.bind: attempts limited per client address', () => {
  it('lets 10 attempts a minute through from one address, then answers 429 with a Chinese message', async () => {
    const instance = await start();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await bind(instance)).status).toBe(200);
    }
    const limited = await bind(instance);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '尝试次数过多，请1分钟后再试' },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(handleCall.mock.calls.filter(([call]) => call.action === 'session.bind')).toHaveLength(10);

    // Other actions from that address, and binds from another address, are not held back.
    expect((await send(instance, { method: 'POST', path: '/api/session.get' })).status).toBe(200);
    expect((await bind(instance, '127.0.0.2')).status).toBe(200);

    // A minute later the address may try again.
    instance.clock.now += 60_001;
    expect((await bind(instance)).status).toBe(200);
  });

  it('the limit and its window are configurable', async () => {
    const instance = await start({ limits: { bindAttempts: 2, bindWindowMs: 5 * 60_000 } });
    expect((await bind(instance)).status).toBe(200);
    expect((await bind(instance)).status).toBe(200);
    const limited = await bind(instance);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text).error.message).toBe('尝试次数过多，请5分钟后再试');
    instance.clock.now += 4 * 60_000 + 1000;
    expect(JSON.parse((await bind(instance)).text).error.message).toBe('尝试次数过多，请1分钟后再试');
  });
});

// ── uploads ──────────────────────────────────────────────────────────────────

const BOUNDARY = '----fazhi-stream-boundary';

/** A PDF of exactly `size` bytes: a real header and trailer around filler. */
function pdfOfSize(size: number): Buffer {
  const pdf = makePdf();
  const head = pdf.subarray(0, pdf.length - 6); // without the final "%%EOF\n"
  const file = Buffer.alloc(size, 0x20);
  head.copy(file);
  file.write('%%EOF\n', size - 6, 'latin1');
  return file;
}

/**
 * An upload whose body the test feeds as it likes: `write` more of it, `finish` it, or leave it
 * stalled. The file is `size` bytes of a PDF made on the fly from one small buffer, so the test
 * itself holds no 20 MB.
 */
function streamingUpload(instance: Running, openid: string, size: number) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="大文件.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const pdfHead = makePdf().subarray(0, 9); // "%PDF-1.4\n"
  const tail = Buffer.from(`%%EOF\n\r\n--${BOUNDARY}--\r\n`);
  const filler = Buffer.alloc(256 * 1024, 0x20);
  const fillerTotal = size - pdfHead.length - 6;
  let fillerSent = 0;
  let closedEarly = false;

  const request: ClientRequest = httpRequest({
    host: '127.0.0.1',
    port: instance.port,
    method: 'POST',
    path: '/upload',
    agent: false,
    headers: {
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
      'Content-Length': String(head.length + size - 6 + tail.length),
      'X-Openid': openid,
    },
  });
  const reply = new Promise<Reply | { status: 0; closed: true }>((resolve) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      response.on('error', () => resolve({ status: 0, closed: true }));
    });
    request.on('error', () => {
      closedEarly = true;
      resolve({ status: 0, closed: true });
    });
  });
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve) => {
      if (closedEarly || request.destroyed) return resolve();
      if (request.write(chunk)) resolve();
      else request.once('drain', () => resolve());
    });
  request.write(head);
  request.write(pdfHead);

  return {
    reply,
    /** Sends filler until `bytes` of it are out (or all of it). */
    async sendFiller(bytes = fillerTotal) {
      const until = Math.min(fillerTotal, fillerSent + bytes);
      while (fillerSent < until && !closedEarly && !request.destroyed) {
        const length = Math.min(filler.length, until - fillerSent);
        await write(length === filler.length ? filler : filler.subarray(0, length));
        fillerSent += length;
      }
    },
    async finish() {
      await this.sendFiller();
      if (!closedEarly && !request.destroyed) request.end(tail);
      return reply;
    },
    abort() {
      request.destroy();
    },
  };
}

function tempFiles(instance: Running): string[] {
  const uploads = join(instance.dir, 'uploads');
  return existsSync(uploads) ? readdirSync(uploads).filter((name) => name.endsWith('.tmp')) : [];
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe('POST /upload: the 20 MB limit', () => {
  let instance: Running;
  beforeAll(async () => {
    instance = await start();
  });

  it('accepts a file of exactly 20 MB', async () => {
    const content = pdfOfSize(MAX_UPLOAD_BYTES);
    const { body, contentType } = multipartBody({ filename: '整本台账.pdf', content });
    const reply = await send(instance, {
      method: 'POST',
      path: '/upload',
      headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1' },
      body,
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text).data).toMatchObject({ size: MAX_UPLOAD_BYTES, mime: 'application/pdf' });
    const sha = createHash('sha256').update(content).digest('hex');
    expect(statSync(join(instance.dir, 'uploads', sha)).size).toBe(MAX_UPLOAD_BYTES);
    expect(tempFiles(instance)).toEqual([]);
  });

  it('refuses 20 MB and one byte with the clear message, keeping nothing', async () => {
    const { body, contentType } = multipartBody({ filename: 'big.pdf', content: pdfOfSize(MAX_UPLOAD_BYTES + 1) });
    const reply = await send(instance, {
      method: 'POST',
      path: '/upload',
      headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1' },
      body,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '文件超过 20 MB，请压缩后再传' },
    });
    expect(await until(() => tempFiles(instance).length === 0, 2000)).toBe(true);
  });
});

describe('POST /upload: streamed to disk, cut when idle, limited per caller', () => {
  it('writes the file to a temporary file in the uploads folder while it comes in', async () => {
    const instance = await start();
    const upload = streamingUpload(instance, 'staff-1', 8 * 1024 * 1024);
    await upload.sendFiller(4 * 1024 * 1024);
    // Half of it sent, the request still open: the bytes are on disk already, not in memory.
    const onDisk = () => tempFiles(instance).map((name) => statSync(join(instance.dir, 'uploads', name)).size);
    expect(await until(() => onDisk().some((size) => size >= 2 * 1024 * 1024), 5000)).toBe(true);
    const reply = await upload.finish();
    expect(reply.status).toBe(200);
    expect(tempFiles(instance)).toEqual([]);
  });

  it('cuts an upload that stalls for the idle timeout, and removes what it had written', async () => {
    const instance = await start({ limits: { idleTimeoutMs: 400 } });
    const upload = streamingUpload(instance, 'staff-1', 4 * 1024 * 1024);
    await upload.sendFiller(1024 * 1024);
    const started = Date.now();
    const outcome = await Promise.race([
      upload.reply,
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 5000)),
    ]);
    upload.abort();
    expect(outcome).not.toBe('still waiting');
    expect(Date.now() - started).toBeLessThan(3000);
    if (outcome !== 'still waiting' && outcome.status !== 0) {
      expect(outcome.status).toBe(408);
      expect(JSON.parse((outcome as Reply).text).error.message).toContain('上传');
    }
    expect(await until(() => tempFiles(instance).length === 0, 2000)).toBe(true);
    // The server is fine afterwards, and an upload that keeps going is not cut.
    const png = makePng(3, 3, 4);
    const { body, contentType } = multipartBody({ filename: 'a.png', content: png });
    const ok = await send(instance, {
      method: 'POST',
      path: '/upload',
      headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1' },
      body,
    });
    expect(ok.status).toBe(200);
  });

  it('lets one caller have 3 uploads in flight: the 4th is refused with a clear message, others go on', async () => {
    const instance = await start();
    const inFlight = [0, 1, 2].map(() => streamingUpload(instance, 'staff-1', 2 * 1024 * 1024));
    await Promise.all(inFlight.map((upload) => upload.sendFiller(256 * 1024)));
    expect(await until(() => tempFiles(instance).length === 3, 5000)).toBe(true);

    const { body, contentType } = multipartBody({ filename: 'a.png', content: makePng(3, 3, 7) });
    const refused = await send(instance, {
      method: 'POST',
      path: '/upload',
      headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1' },
      body,
    });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text)).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '同时上传的文件太多（每人最多 3 个），请等前面的传完再试' },
    });
    // Another caller is not held back by staff-1's uploads.
    expect((await streamingUpload(instance, 'staff-2', 1024 * 1024).finish()).status).toBe(200);
    // Once staff-1's uploads are done, staff-1 may upload again.
    for (const upload of inFlight) expect((await upload.finish()).status).toBe(200);
    expect((await streamingUpload(instance, 'staff-1', 1024 * 1024).finish()).status).toBe(200);
  });

  it('10 concurrent 20 MB uploads do not grow memory by 20 MB each', async () => {
    const instance = await start();
    // Warm up (the parser, the store, the first check), then measure from there.
    expect((await streamingUpload(instance, 'staff-11', 1024 * 1024).finish()).status).toBe(200);
    const baseline = process.memoryUsage();
    let peakArrayBuffers = baseline.arrayBuffers;
    let peakRss = baseline.rss;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
      peakRss = Math.max(peakRss, usage.rss);
    }, 5);
    try {
      const uploads = Array.from({ length: 10 }, (_, index) =>
        streamingUpload(instance, `staff-${index}`, MAX_UPLOAD_BYTES),
      );
      const replies = await Promise.all(uploads.map((upload) => upload.finish()));
      expect(replies.map((reply) => reply.status)).toEqual(Array(10).fill(200));
    } finally {
      clearInterval(sampler);
    }
    const MB = 1024 * 1024;
    const grewArrayBuffers = (peakArrayBuffers - baseline.arrayBuffers) / MB;
    const grewRss = (peakRss - baseline.rss) / MB;
    // Buffered, 10 uploads would hold 200 MB (and more while being joined). Streamed, a check reads
    // one file at a time into one buffer.
    expect(grewArrayBuffers).toBeLessThan(70);
    expect(grewRss).toBeLessThan(150);
    expect(tempFiles(instance)).toEqual([]);
  }, 60_000);
});
