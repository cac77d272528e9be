import { gunzipSync } from 'zlib';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { request as httpRequest, type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ApiCall, ApiContext, Envelope } from '../../server/context';
import { DomainError, ERROR_STATUS, type ErrorCode } from '../../src/core/errors';
import { MAX_UPLOAD_BYTES } from '../../src/core/files/uploadPolicy';
import { LocalFileStorage } from '../../local/files/LocalFileStorage';
import { createLocalServer } from '../../local/server';
import { SqliteStore } from '../../local/store/SqliteStore';
import { makeExe, makePdf, makePng, multipartBody } from '../support/sampleFiles';

/** Who the fake `identify` knows: a bound staff member of one unit. */
const KNOWN = { 'staff-1': { districtId: 'changjiang', unitId: 'u-sifaju' } } as Record<
  string,
  { districtId: string; unitId: string }
>;

/** Stands in for the router: echoes the call, fails with any code on request, throws for `boom`. */
const fakeHandleCall = jest.fn(async (call: ApiCall, _context: ApiContext): Promise<Envelope> => {
  const action = String(call.action);
  if (action === 'boom') throw new Error('database exploded at /secret/path/SqliteStore.ts:42');
  if (action.startsWith('fail.')) {
    const code = action.slice('fail.'.length) as ErrorCode;
    return { ok: false, error: { code, message: `失败：${code}` } };
  }
  return { ok: true, data: { action: call.action, payload: call.payload, openid: call.openid } };
});

interface Running {
  url: string;
  dir: string;
  store: SqliteStore;
  files: LocalFileStorage;
  clock: { now: number };
  close: () => Promise<void>;
}

const running: Running[] = [];

async function start(options: { demoMode: boolean; staticRoot?: string }): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-server-'));
  const store = new SqliteStore(join(dir, 'local.sqlite'));
  const clock = { now: Date.now() };
  const files = new LocalFileStorage({ dataDir: dir, store, now: () => new Date(clock.now) });
  const context: ApiContext = {
    store,
    files,
    now: () => new Date(clock.now),
    newId: () => 'id',
    demoMode: options.demoMode,
  };
  const server: Server = createLocalServer({
    context,
    handleCall: fakeHandleCall,
    files,
    staticRoot: options.staticRoot,
    demoMode: options.demoMode,
    identify: async (openid) => KNOWN[openid] ?? null,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const instance: Running = {
    url: `http://127.0.0.1:${port}`,
    dir,
    store,
    files,
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
  fakeHandleCall.mockClear();
  errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

async function post(base: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** A raw request (no URL normalising, optional chunked streaming), for what fetch would not send. */
function raw(
  base: string,
  options: { method?: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<{ status: number; text: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    for (const chunk of options.chunks ?? []) request.write(chunk);
    request.end();
  });
}

function upload(base: string, file: { filename: string; content: Buffer } | null, openid: string | null = 'staff-1') {
  const { body, contentType } = multipartBody(file);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (openid !== null) headers['X-Openid'] = openid;
  return post(base, '/upload', body, headers);
}

function storedFiles(instance: Running): string[] {
  const uploads = join(instance.dir, 'uploads');
  return existsSync(uploads) ? readdirSync(uploads).sort() : [];
}

function fileRecordCount(instance: Running): number {
  return (instance.store.db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
}

describe('local server: POST /api/<action>', () => {
  let demo: Running;
  let production: Running;
  beforeAll(async () => {
    demo = await start({ demoMode: true });
    production = await start({ demoMode: false });
  });

  it('passes action, payload and the demo identity to handleCall and replies with its envelope', async () => {
    const reply = await post(demo.url, '/api/tasks.list', JSON.stringify({ year: 2025 }), {
      'Content-Type': 'application/json',
      'X-Openid': '  staff-1  ',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.json()).toEqual({
      ok: true,
      data: { action: 'tasks.list', payload: { year: 2025 }, openid: 'staff-1' },
    });
    expect(fakeHandleCall).toHaveBeenCalledTimes(1);
    expect(fakeHandleCall.mock.calls[0][1]).toMatchObject({ demoMode: true });
  });

  it('gzips a large reply for a client that takes gzip, and sends a small one (or to anyone else) as it is', async () => {
    const payload = JSON.stringify({ note: '落实情况'.repeat(500) });
    const ask = (acceptEncoding?: string) =>
      new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
        const { port } = new URL(demo.url);
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/tasks.list',
            headers: {
              'Content-Type': 'application/json',
              'X-Openid': 'staff-1',
              ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                encoding: response.headers['content-encoding'],
                vary: response.headers.vary as string | undefined,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
    const zipped = await ask('gzip, deflate, br');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.vary).toContain('Accept-Encoding');
    const plain = await ask();
    expect(plain.encoding).toBeUndefined();
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(zipped.body.length).toBeLessThan(plain.body.length / 5);
    const small = await post(demo.url, '/api/tasks.list', '{}', { 'X-Openid': 'staff-1', 'Accept-Encoding': 'gzip' });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('treats an empty body as {} and no X-Openid as anonymous', async () => {
    const reply = await post(demo.url, '/api/session.get', '');
    expect(reply.json()).toEqual({ ok: true, data: { action: 'session.get', payload: {}, openid: null } });
  });

  it('maps every error code to its HTTP status', async () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const reply = await post(demo.url, `/api/fail.${code}`, '{}');
      expect(reply.status).toBe(status);
      expect(reply.json()).toEqual({ ok: false, error: { code, message: `失败：${code}` } });
    }
  });

  it('refuses X-Openid outside demo mode, and calls anonymously without it', async () => {
    const refused = await post(production.url, '/api/session.get', '{}', { 'X-Openid': 'staff-1' });
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '非演示模式不接受 X-Openid' },
    });
    expect(fakeHandleCall).not.toHaveBeenCalled();
    const anonymous = await post(production.url, '/api/session.get', '{}');
    expect(anonymous.status).toBe(200);
    expect(anonymous.json().data.openid).toBeNull();
  });

  it('refuses an X-Openid over 128 characters', async () => {
    const reply = await post(demo.url, '/api/session.get', '{}', { 'X-Openid': 'o'.repeat(129) });
    expect(reply.status).toBe(401);
    expect(fakeHandleCall).not.toHaveBeenCalled();
    const longest = await post(demo.url, '/api/session.get', '{}', { 'X-Openid': 'o'.repeat(128) });
    expect(longest.json().data.openid).toBe('o'.repeat(128));
  });

  it('answers 400 to a body that is not JSON', async () => {
    for (const body of ['{"year": 20', 'not json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const reply = await post(demo.url, '/api/tasks.list', body);
      expect(reply.status).toBe(400);
      expect(reply.json()).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求内容不是有效的 JSON' },
      });
    }
    expect(fakeHandleCall).not.toHaveBeenCalled();
  });

  it('answers 413 to a body over 1 MB, declared or streamed', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(1024 * 1024) });
    const declared = await post(demo.url, '/api/report.submit', big);
    expect(declared.status).toBe(413);
    expect(declared.json()).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求太大' } });
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x20));
    const streamed = await raw(demo.url, { method: 'POST', path: '/api/report.submit', chunks });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text).error.message).toBe('请求太大');
    expect(fakeHandleCall).not.toHaveBeenCalled();
    // The server is fine afterwards.
    expect((await post(demo.url, '/api/session.get', '{}')).status).toBe(200);
  });

  it('answers 500 without any detail of a throw, and logs it', async () => {
    const reply = await post(demo.url, '/api/boom', '{}');
    expect(reply.status).toBe(500);
    expect(reply.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(reply.text).not.toMatch(/exploded|secret|SqliteStore|Error|\bat\b/);
    expect(errorLog).toHaveBeenCalled();
    expect(String(errorLog.mock.calls.flat().map(String))).toContain('exploded');
  });

  it('passes a DomainError thrown by the router through as its envelope', async () => {
    fakeHandleCall.mockImplementationOnce(async () => {
      throw new DomainError('CONFLICT', '任务刚被别人改过，请刷新');
    });
    const reply = await post(demo.url, '/api/report.review', '{}');
    expect(reply.status).toBe(409);
    expect(reply.json()).toEqual({ ok: false, error: { code: 'CONFLICT', message: '任务刚被别人改过，请刷新' } });
  });

  it('answers GET /healthz, and 404 elsewhere without a static root', async () => {
    const health = await fetch(`${demo.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const absolute = await raw(demo.url, { path: 'http://elsewhere/healthz' });
    expect(absolute.status).toBe(404);
    const missing = await fetch(`${demo.url}/index.html`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('local server: POST /upload', () => {
  let demo: Running;
  beforeAll(async () => {
    demo = await start({ demoMode: true });
  });

  it('stores a PNG under uploads/<sha256> with one file record per upload', async () => {
    const png = makePng(3, 3, 1);
    const reply = await upload(demo.url, { filename: '现场照片.jpg', content: png });
    expect(reply.status).toBe(200);
    const { data } = reply.json();
    expect(data).toEqual({
      fileId: expect.stringMatching(/^local-[0-9a-f]{24}$/),
      name: '现场照片.png',
      size: png.length,
      mime: 'image/png',
    });
    const sha = createHash('sha256').update(png).digest('hex');
    const path = join(demo.dir, 'uploads', sha);
    expect(readFileSync(path)).toEqual(png);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await demo.store.getFile(data.fileId)).toMatchObject({
      districtId: 'changjiang',
      unitId: 'u-sifaju',
      ownerOpenid: 'staff-1',
      sha256: sha,
      size: png.length,
      mime: 'image/png',
      name: '现场照片.png',
    });

    // The same bytes again: a second record, the same one file.
    const again = await upload(demo.url, { filename: 'again.png', content: png });
    expect(again.json().data.fileId).not.toBe(data.fileId);
    expect(storedFiles(demo).filter((name) => name === sha)).toHaveLength(1);
    expect(storedFiles(demo).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('needs a bound caller', async () => {
    const png = makePng(3, 3, 2);
    for (const openid of [null, 'stranger']) {
      const reply = await upload(demo.url, { filename: 'a.png', content: png }, openid);
      expect(reply.status).toBe(401);
      expect(reply.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先绑定单位' } });
    }
  });

  it('refuses X-Openid outside demo mode', async () => {
    const production = await start({ demoMode: false });
    const reply = await upload(production.url, { filename: 'a.png', content: makePng() });
    expect(reply.status).toBe(401);
    expect(reply.json().error.message).toBe('非演示模式不接受 X-Openid');
    expect(storedFiles(production)).toEqual([]);
  });

  describe('refuses unfit files with a Chinese message, storing nothing', () => {
    const exactly = async (
      file: { filename: string; content: Buffer },
      status: number,
      message: string,
    ): Promise<void> => {
      const filesBefore = storedFiles(demo);
      const recordsBefore = fileRecordCount(demo);
      const reply = await upload(demo.url, file);
      expect(reply.status).toBe(status);
      expect(reply.json()).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });
      expect(storedFiles(demo)).toEqual(filesBefore);
      expect(fileRecordCount(demo)).toBe(recordsBefore);
    };

    it('an executable renamed .jpg', async () => {
      await exactly(
        { filename: 'photo.jpg', content: makeExe() },
        400,
        '只能上传照片（JPG、PNG）、PDF、Word 或 Excel 文件',
      );
    });

    it('a zero-byte file', async () => {
      await exactly({ filename: 'empty.png', content: Buffer.alloc(0) }, 400, '文件是空的（0 字节），请重新选择');
    });

    it('a truncated PNG', async () => {
      const png = makePng(50, 50, 3);
      await exactly(
        { filename: 'cut.png', content: png.subarray(0, png.length - 30) },
        400,
        '文件不完整，可能没有传完，请重新上传',
      );
    });

    it('a 21 MB file (declared length)', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024);
      makePdf().copy(big);
      await exactly({ filename: 'big.pdf', content: big }, 413, '文件超过 20 MB，请压缩后再传');
    });

    it('a 21 MB file streamed without a length, and one just over 20 MB', async () => {
      for (const size of [21 * 1024 * 1024, MAX_UPLOAD_BYTES + 1]) {
        const filesBefore = storedFiles(demo);
        const recordsBefore = fileRecordCount(demo);
        const { body, contentType } = multipartBody({ filename: 'big.pdf', content: Buffer.alloc(size, 0x25) });
        const chunks: Buffer[] = [];
        for (let at = 0; at < body.length; at += 256 * 1024) chunks.push(body.subarray(at, at + 256 * 1024));
        const reply = await raw(demo.url, {
          method: 'POST',
          path: '/upload',
          headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1', 'Transfer-Encoding': 'chunked' },
          chunks,
        });
        expect(reply.status).toBe(413);
        expect(JSON.parse(reply.text).error.message).toBe('文件超过 20 MB，请压缩后再传');
        expect(storedFiles(demo)).toEqual(filesBefore);
        expect(fileRecordCount(demo)).toBe(recordsBefore);
      }
    });

    it('a body over 20 MB + 64 KB even when the file itself is small', async () => {
      const filesBefore = storedFiles(demo);
      const { body, contentType } = multipartBody(
        { filename: 'a.png', content: makePng() },
        { note: 'x'.repeat(21 * 1024 * 1024) },
      );
      const reply = await raw(demo.url, {
        method: 'POST',
        path: '/upload',
        headers: { 'Content-Type': contentType, 'X-Openid': 'staff-1', 'Transfer-Encoding': 'chunked' },
        chunks: [body],
      });
      expect(reply.status).toBe(413);
      expect(storedFiles(demo)).toEqual(filesBefore);
    });

    it('a body without a file part, or not multipart at all', async () => {
      const none = multipartBody(null, { note: 'x' });
      const reply = await post(demo.url, '/upload', none.body, {
        'Content-Type': none.contentType,
        'X-Openid': 'staff-1',
      });
      expect(reply.status).toBe(400);
      expect(reply.json().error.message).toBe('请选择要上传的文件');
      const json = await post(demo.url, '/upload', '{}', { 'Content-Type': 'application/json', 'X-Openid': 'staff-1' });
      expect(json.status).toBe(400);
    });
  });
});

describe('local server: GET /files/<fileId>', () => {
  let demo: Running;
  let fileId: string;
  const pdf = makePdf();
  beforeAll(async () => {
    demo = await start({ demoMode: true });
    const reply = await upload(demo.url, { filename: '2025年 报告(终稿).pdf', content: pdf });
    fileId = reply.json().data.fileId;
  });
  afterEach(() => {
    demo.clock.now = Date.now();
  });

  async function signedUrl(id = fileId): Promise<string> {
    return (await demo.files.temporaryUrls([id]))[id];
  }

  it('serves identical bytes for a signed URL, inline with the stored name and type', async () => {
    const url = await signedUrl();
    expect(url).toMatch(new RegExp(`^/files/${fileId}\\?e=\\d+&s=[0-9a-f]{64}$`));
    const expiry = Number(new URL(url, demo.url).searchParams.get('e'));
    expect(expiry - Math.floor(demo.clock.now / 1000)).toBe(3600);
    const response = await fetch(`${demo.url}${url}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('2025年 报告(终稿).pdf').replace('(', '%28').replace(')', '%29')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
  });

  it('refuses a missing, tampered or expired signature with 403', async () => {
    const url = new URL(await signedUrl(), demo.url);
    const expectForbidden = async (href: string) => {
      const response = await fetch(href);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '链接已失效，请返回重新打开' },
      });
    };
    await expectForbidden(`${demo.url}/files/${fileId}`);
    const signature = url.searchParams.get('s') as string;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    await expectForbidden(`${demo.url}/files/${fileId}?e=${url.searchParams.get('e')}&s=${flipped}`);
    // A later expiry with the old signature.
    await expectForbidden(`${demo.url}/files/${fileId}?e=${Number(url.searchParams.get('e')) + 3600}&s=${signature}`);
    // Another file's signature.
    const other = new URL(await signedUrl('local-000000000000000000000000'), demo.url);
    await expectForbidden(`${demo.url}/files/${fileId}?${other.searchParams}`);
    // Expired: an hour and a second later.
    demo.clock.now += 3601 * 1000;
    await expectForbidden(url.href);
  });

  it('answers 404 for an unknown file even with a valid signature', async () => {
    const response = await fetch(`${demo.url}${await signedUrl('local-0123456789abcdef01234567')}`);
    expect(response.status).toBe(404);
  });

  it('refuses path traversal and ids of any other shape', async () => {
    const attempts = [
      '/files/..%2F..%2Fetc%2Fpasswd',
      '/files/../../etc/passwd',
      '/files/..%2Fsecret',
      '/files/secret',
      `/files/${fileId}/../../secret`,
      `/files/${fileId}%00`,
      '/files/LOCAL-0123456789ABCDEF01234567',
      '/files/',
    ];
    const { search } = new URL(await signedUrl(), demo.url);
    for (const path of attempts) {
      for (const query of ['', search]) {
        const reply = await raw(demo.url, { path: `${path}${query}` });
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect(reply.text).not.toContain(readFileSync(join(demo.dir, 'secret')).toString('hex'));
      }
    }
  });
});

describe('local server: the H5 app', () => {
  it('serves index.html for / when given a static root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fazhi-h5-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>法治政府建设任务清单</title>');
    writeFileSync(join(root, 'app.js'), 'console.log(1)');
    const demo = await start({ demoMode: true, staticRoot: root });
    const index = await fetch(`${demo.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('法治政府建设任务清单');
    expect(await (await fetch(`${demo.url}/app.js`)).text()).toBe('console.log(1)');
    // The API and the files stay theirs, not the app's.
    expect((await fetch(`${demo.url}/files/nope`)).status).toBe(404);
    expect((await fetch(`${demo.url}/healthz`)).status).toBe(200);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('LocalFileStorage', () => {
  let instance: Running;
  beforeAll(async () => {
    instance = await start({ demoMode: true });
  });

  it('inspects a file of its district by its bytes, and hides it from any other', async () => {
    const png = makePng(4, 4, 9);
    const accepted = await instance.files.acceptUpload({
      bytes: png,
      name: 'x.png',
      openid: 'staff-1',
      districtId: 'changjiang',
      unitId: 'u-1',
    });
    expect(await instance.files.inspect(accepted.fileId, 'changjiang')).toEqual({
      fileId: accepted.fileId,
      size: png.length,
      mime: 'image/png',
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    await expect(instance.files.inspect(accepted.fileId, 'elsewhere')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到该文件，请重新上传',
    });
    await expect(instance.files.inspect('local-ffffffffffffffffffffffff', 'changjiang')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(instance.files.inspect('../secret', 'changjiang')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves generated files as the system, and keeps its URL key in a 0600 file', async () => {
    const content = makePdf();
    const fileId = await instance.files.save('changjiang', '2025 年度报告.pdf', content, 'application/pdf');
    expect(fileId).toMatch(/^local-[0-9a-f]{24}$/);
    expect(await instance.store.getFile(fileId)).toMatchObject({
      ownerOpenid: 'system',
      name: '2025 年度报告.pdf',
      mime: 'application/pdf',
      size: content.length,
    });
    const response = await fetch(`${instance.url}${(await instance.files.temporaryUrls([fileId]))[fileId]}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
    const secret = join(instance.dir, 'secret');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(statSync(secret).size).toBeGreaterThanOrEqual(32);
  });

  it('reads back the bytes of a stored file by its record, and nothing else', async () => {
    const png = makePng(3, 3, 5);
    const accepted = await instance.files.acceptUpload({
      bytes: png,
      name: 'y.png',
      openid: 'staff-1',
      districtId: 'changjiang',
      unitId: 'u-1',
    });
    expect(await instance.files.read(accepted.fileId)).toEqual(png);
    for (const fileId of ['local-ffffffffffffffffffffffff', '../secret', 'secret']) {
      await expect(instance.files.read(fileId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('keeps its URLs valid across a restart (the same secret file)', async () => {
    const fileId = 'local-0123456789abcdef01234567';
    const url = new URL((await instance.files.temporaryUrls([fileId]))[fileId], 'http://x');
    const reopened = new LocalFileStorage({ dataDir: instance.dir, store: instance.store });
    expect(await reopened.verifySignature(fileId, url.searchParams.get('e'), url.searchParams.get('s'))).toBe(true);
    expect(await reopened.temporaryUrls(['not-an-id'])).toEqual({});
  });
});
