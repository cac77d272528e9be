import { applyEnv, startCloudEmulator, type CloudEmulator } from '../support/cloudEmulator';

/**
 * The cloud emulator, driven by the real wx-server-sdk (3.0.x) through its local-debug
 * configuration: every assertion is on what the SDK itself returns or throws.
 */

/** A fresh SDK module: `init` happens once per module, and the env it reads is the test's. */
function loadSdk(): any {
  let cloud: any;
  jest.isolateModules(() => {
    cloud = require('wx-server-sdk'); // eslint-disable-line @typescript-eslint/no-require-imports
  });
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}

async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MISSING_COLLECTION =
  '-502005 database collection not exists. [ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';
const CONFLICT =
  '-501001 resource system error. [ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

describe('the cloud emulator under the real wx-server-sdk', () => {
  let emulator: CloudEmulator;
  let restoreEnv: () => void;
  let cloud: any;
  let db: any;
  let _: any;

  /** What the service itself answers to a request the SDK would not send. */
  const rawRequest = async (params: Record<string, unknown>) => {
    const reply = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ envName: emulator.envId, ...params }),
    });
    return reply.json();
  };

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    restoreEnv = applyEnv(emulator.sdkEnv('o-staff-1'));
    cloud = loadSdk();
    db = cloud.database({ throwOnNotFound: false });
    _ = db.command;
  });

  afterAll(async () => {
    restoreEnv();
    await emulator.stop();
  });

  describe('identity and environment', () => {
    it('gives getWXContext() the caller and env of the environment variables', () => {
      expect(cloud.getWXContext()).toMatchObject({ OPENID: 'o-staff-1', ENV: emulator.envId });
      const restore = applyEnv({ WX_OPENID: 'o-leader' });
      try {
        expect(cloud.getWXContext().OPENID).toBe('o-leader');
      } finally {
        restore();
      }
    });

    it('resolves DYNAMIC_CURRENT_ENV per request: another env is refused', async () => {
      const restore = applyEnv({ TCB_ENV: 'other-env', SCF_NAMESPACE: 'other-env' });
      try {
        const error = await failure(db.collection('anything').get());
        expect(error.errCode).toBe(-501001);
        expect(error.errMsg).toContain('env other-env not exist');
      } finally {
        restore();
      }
    });
  });

  describe('collections', () => {
    it('refuses every operation on a collection not created yet, with -502005', async () => {
      const get = await failure(db.collection('fresh').get());
      expect(get).toBeInstanceOf(Error);
      expect(get.errCode).toBe(-502005);
      expect(get.errMsg).toBe(`collection.get:fail ${MISSING_COLLECTION}`);
      expect('code' in get).toBe(false);
      expect((await failure(db.collection('fresh').doc('a').get())).errMsg).toBe(
        `document.get:fail ${MISSING_COLLECTION}`,
      );
      expect(
        (
          await failure(
            db
              .collection('fresh')
              .doc('a')
              .set({ data: { v: 1 } }),
          )
        ).errCode,
      ).toBe(-502005);
      expect((await failure(db.collection('fresh').add({ data: { v: 1 } }))).errCode).toBe(-502005);
      const inTransaction = await failure(
        db.runTransaction((tx: any) =>
          tx
            .collection('fresh')
            .doc('a')
            .set({ data: { v: 1 } }),
        ),
      );
      expect(inTransaction.errCode).toBe(-502005);
      expect(emulator.collections()).not.toContain('fresh');
    });

    it('creates a collection once; creating it again is the "Table exist" error', async () => {
      expect(await db.createCollection('fresh')).toMatchObject({ errMsg: 'createCollection:ok' });
      expect((await db.collection('fresh').get()).data).toEqual([]);
      const again = await failure(db.createCollection('fresh'));
      expect(again.errCode).toBe(-501001);
      expect(again.errMsg).toContain('[ResourceUnavailable.ResourceExist] Table exist.');
      expect(emulator.collections()).toContain('fresh');
    });
  });

  describe('documents and queries', () => {
    const tasks = () => db.collection('tasks');

    beforeAll(async () => {
      await db.createCollection('tasks');
      await tasks().add({
        data: [
          { _id: 't1', unit: 'u1', status: 'pending', due: '2025-03-01', n: 3, meta: { lead: 'sf' }, tags: ['a'] },
          { _id: 't2', unit: 'u1', status: 'submitted', due: '2025-01-31', n: 1, meta: { lead: 'x' }, tags: [] },
          { _id: 't3', unit: 'u2', status: 'approved', due: '2025-03-01', n: 2, meta: { lead: 'sf' }, readAt: null },
          { _id: 't4', unit: 'u2', status: 'pending', due: '2025-12-31', n: 5, readAt: '2025-01-01' },
        ],
      });
    });

    const ids = (reply: { data: Array<{ _id: string }> }) => reply.data.map((doc) => doc._id);

    it('filters with the commands the store uses, on nested paths too', async () => {
      expect(
        ids(
          await tasks()
            .where({ status: _.in(['pending', 'approved']) })
            .get(),
        ),
      ).toEqual(['t1', 't3', 't4']);
      expect(
        ids(
          await tasks()
            .where({ due: _.lt('2025-03-01') })
            .get(),
        ),
      ).toEqual(['t2']);
      expect(
        ids(
          await tasks()
            .where({ n: _.gt(1).and(_.lte(3)) })
            .get(),
        ),
      ).toEqual(['t1', 't3']);
      expect(
        ids(
          await tasks()
            .where({ n: _.gte(5) })
            .get(),
        ),
      ).toEqual(['t4']);
      expect(
        ids(
          await tasks()
            .where({ status: _.neq('pending') })
            .get(),
        ),
      ).toEqual(['t2', 't3']);
      expect(
        ids(
          await tasks()
            .where(_.or([{ unit: 'u2', n: 2 }, { status: 'submitted' }]))
            .get(),
        ),
      ).toEqual(['t2', 't3']);
      expect(
        ids(
          await tasks()
            .where({ meta: { lead: 'sf' } })
            .get(),
        ),
      ).toEqual(['t1', 't3']);
      expect(ids(await tasks().where({ 'meta.lead': 'x' }).get())).toEqual(['t2']);
      expect(ids(await tasks().where({ readAt: null }).get())).toEqual(['t1', 't2', 't3']);
      expect(ids(await tasks().where({ tags: 'a' }).get())).toEqual(['t1']);
      expect((await tasks().where({ unit: 'u1' }).count()).total).toBe(2);
    });

    it('orders by several fields, pages with skip and limit, projects with field', async () => {
      const ordered = tasks().where({}).orderBy('due', 'asc').orderBy('n', 'desc');
      expect(ids(await ordered.get())).toEqual(['t2', 't1', 't3', 't4']);
      expect(ids(await ordered.skip(1).limit(2).get())).toEqual(['t1', 't3']);
      const { data } = await tasks().where({ _id: 't1' }).field({ status: true, 'meta.lead': true }).get();
      expect(data).toEqual([{ _id: 't1', status: 'pending', meta: { lead: 'sf' } }]);
    });

    it('updates with commands, replaces with set, removes', async () => {
      const doc = tasks().doc('t2');
      await doc.update({ data: { n: _.inc(2), meta: { reviewer: 'r1' }, tags: _.push(['b']), status: _.remove() } });
      expect((await doc.get()).data).toEqual({
        _id: 't2',
        unit: 'u1',
        due: '2025-01-31',
        n: 3,
        meta: { lead: 'x', reviewer: 'r1' },
        tags: ['b'],
      });
      expect(await doc.set({ data: { unit: 'u9', when: new Date(Date.UTC(2025, 0, 2)) } })).toMatchObject({
        stats: { updated: 1, created: 0 },
      });
      expect((await doc.get()).data).toEqual({ _id: 't2', unit: 'u9', when: new Date(Date.UTC(2025, 0, 2)) });
      expect(
        await tasks()
          .doc('t5')
          .set({ data: { unit: 'u5' } }),
      ).toMatchObject({ _id: 't5', stats: { created: 1 } });
      expect(await tasks().doc('t5').remove()).toMatchObject({ stats: { removed: 1 } });
      expect((await tasks().doc('t5').get()).data).toBeNull();
    });

    it('lets the SDK throw for a missing document unless throwOnNotFound is false', async () => {
      const error = await failure(cloud.database().collection('tasks').doc('nope').get());
      expect(error.errCode).toBe(-1);
      expect(error.errMsg).toBe('document.get:fail document with _id nope does not exist');
      expect(await tasks().doc('nope').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
    });

    it('refuses what MongoDB refuses: a duplicate _id, $inc on text, a document over 16 MB', async () => {
      const duplicate = await failure(tasks().add({ data: { _id: 't1' } }));
      expect(duplicate.errCode).toBe(-502001);
      expect(duplicate.errMsg).toContain('E11000 duplicate key error');
      const inc = await failure(
        tasks()
          .doc('t1')
          .update({ data: { status: _.inc(1) } }),
      );
      expect(inc.errCode).toBe(-502001);
      expect(inc.errMsg).toContain('Cannot apply $inc to a value of non-numeric type');
      const large = await failure(tasks().add({ data: { blob: 'x'.repeat(16 * 1024 * 1024 + 1) } }));
      expect(large.errCode).toBe(-502001);
      expect(large.errMsg).toContain('too large');
    });
  });

  describe('limits', () => {
    beforeAll(() => {
      emulator.seed(
        'many',
        Array.from({ length: 1001 }, (_unused, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i, group: i % 3 })),
      );
    });

    it('gives 100 records by default and up to 1000 with limit', async () => {
      expect((await db.collection('many').get()).data).toHaveLength(100);
      expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000);
      expect((await db.collection('many').skip(1000).limit(1000).get()).data).toHaveLength(1);
    });

    it('is asked for at most 1000 (the SDK clamps limit(1001) itself) and refuses more', async () => {
      emulator.resetRequests();
      expect((await db.collection('many').limit(1001).get()).data).toHaveLength(1000);
      expect(emulator.requestCount()).toBe(1);
      expect(
        await rawRequest({ action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', limit: 1001 }),
      ).toMatchObject({
        code: 'INVALID_PARAM',
      });
    });

    it('treats limit(0) as no limit at all: the SDK sends its default 100', async () => {
      expect((await db.collection('many').limit(0).get()).data).toHaveLength(100);
      expect(
        await rawRequest({ action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', limit: 0 }),
      ).toMatchObject({
        code: 'INVALID_PARAM',
      });
    });

    it('gives 20 aggregate results unless limited', async () => {
      expect((await db.collection('many').aggregate().match({ group: 0 }).end()).list).toHaveLength(20);
      expect((await db.collection('many').aggregate().match({ group: 0 }).limit(50).end()).list).toHaveLength(50);
      const { list } = await db
        .collection('many')
        .aggregate()
        .group({ _id: '$group', count: db.command.aggregate.sum(1) })
        .sort({ _id: 1 })
        .end();
      expect(list).toEqual([
        { _id: 0, count: 334 },
        { _id: 1, count: 334 },
        { _id: 2, count: 333 },
      ]);
    });
  });

  describe('transactions', () => {
    const accounts = () => db.collection('accounts');
    let seq = 0;
    /** A fresh document per test, so that no test sees another's locks. */
    const newAccount = async (balance = 100) => {
      const id = `acc-${++seq}`;
      await accounts().doc(id).set({ data: { balance } });
      return id;
    };

    beforeAll(async () => {
      await db.createCollection('accounts');
    });

    it('fails a write to a document another open transaction wrote, at once, with the conflict error', async () => {
      const id = await newAccount();
      const first = await db.startTransaction();
      await first
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: _.inc(-10) } });
      const second = await db.startTransaction();
      const started = Date.now();
      const error = await failure(
        second
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: _.inc(-20) } }),
      );
      expect(Date.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(Error);
      expect(error.errCode).toBe(-501001);
      expect(error.errMsg).toBe(`document.update:fail ${CONFLICT}`);
      expect(Object.keys(error).sort()).toEqual(['errCode', 'errMsg']);
      // The service aborted the second transaction; the first one goes on and commits.
      expect((await failure(second.collection('accounts').doc(id).get())).errMsg).toContain('TransactionNotExist');
      await first.commit();
      expect((await accounts().doc(id).get()).data.balance).toBe(90);
      expect(emulator.openTransactions).toBe(0);
    });

    it('is not retried by runTransaction when the conflict comes from a write', async () => {
      const id = await newAccount();
      const holder = await db.startTransaction();
      await holder
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: 1 } });
      emulator.resetRequests();
      let runs = 0;
      const error = await failure(
        db.runTransaction(async (tx: any) => {
          runs++;
          await tx
            .collection('accounts')
            .doc(id)
            .update({ data: { balance: 2 } });
        }, 5),
      );
      expect(runs).toBe(1);
      expect(error.errMsg).toBe(`document.update:fail ${CONFLICT}`);
      expect(emulator.requests.map((request) => request.action)).toEqual([
        'database.startTransaction',
        'database.modifyDocument',
        'database.abortTransaction',
      ]);
      await holder.rollback();
      expect((await accounts().doc(id).get()).data.balance).toBe(100);
    });

    it('retries a conflict at commit, times + 1 runs in all, then throws the service reply itself', async () => {
      const id = await newAccount(0);
      let runs = 0;
      const deposit = async (tx: any) => {
        runs++;
        await tx
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: _.inc(1) } });
        return runs;
      };
      emulator.conflictNextCommits(2);
      expect(await db.runTransaction(deposit, 3)).toBe(3);
      expect((await accounts().doc(id).get()).data.balance).toBe(1);

      runs = 0;
      emulator.conflictNextCommits(3);
      const error = await failure(db.runTransaction(deposit, 2));
      expect(runs).toBe(3);
      expect(error).not.toBeInstanceOf(Error);
      expect(error).toMatchObject({
        code: 'DATABASE_TRANSACTION_CONFLICT',
        message: expect.stringContaining('TransactionConflict'),
      });
      expect(error.errCode).toBeUndefined();
      expect((await accounts().doc(id).get()).data.balance).toBe(1);
    });

    it('reads a snapshot: later commits by others are not seen, and writing over them conflicts', async () => {
      const id = await newAccount(100);
      const tx = await db.startTransaction();
      expect((await tx.collection('accounts').doc(id).get()).data.balance).toBe(100);
      await accounts()
        .doc(id)
        .update({ data: { balance: 200 } });
      expect((await tx.collection('accounts').doc(id).get()).data.balance).toBe(100);
      expect((await tx.collection('accounts').where({ _id: id }).get()).data[0].balance).toBe(100);
      expect((await accounts().doc(id).get()).data.balance).toBe(200);
      const error = await failure(
        tx
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: 150 } }),
      );
      expect(error.errMsg).toBe(`document.update:fail ${CONFLICT}`);
      expect((await accounts().doc(id).get()).data.balance).toBe(200);
    });

    it('shows its own writes inside and nothing outside until commit', async () => {
      const id = await newAccount(5);
      const tx = await db.startTransaction();
      await tx
        .collection('accounts')
        .doc(id)
        .set({ data: { balance: 6 } });
      await tx.collection('accounts').add({ data: { _id: `${id}-new`, balance: 1 } });
      expect((await tx.collection('accounts').doc(id).get()).data.balance).toBe(6);
      expect((await accounts().doc(id).get()).data.balance).toBe(5);
      expect((await accounts().doc(`${id}-new`).get()).data).toBeNull();
      await tx.commit();
      expect((await accounts().doc(`${id}-new`).get()).data.balance).toBe(1);
    });

    it('makes a write outside any transaction wait for the lock, then apply on what was committed', async () => {
      const id = await newAccount(0);
      const tx = await db.startTransaction();
      await tx
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: _.inc(10) } });
      let done = false;
      const outside = accounts()
        .doc(id)
        .update({ data: { balance: _.inc(1) } })
        .then(() => (done = true));
      await sleep(150);
      expect(done).toBe(false);
      await tx.commit();
      await outside;
      expect((await accounts().doc(id).get()).data.balance).toBe(11);
    });

    it('aborts a transaction left open past its time limit and releases its locks', async () => {
      const short = await startCloudEmulator({ transactionTimeoutMs: 200, latencyMs: 1 });
      const restore = applyEnv(short.sdkEnv('o-staff-1'));
      try {
        const sdk = loadSdk();
        const shortDb = sdk.database({ throwOnNotFound: false });
        await shortDb.createCollection('accounts');
        const tx = await shortDb.startTransaction();
        await tx
          .collection('accounts')
          .doc('a')
          .set({ data: { balance: 1 } });
        await sleep(300);
        await shortDb
          .collection('accounts')
          .doc('a')
          .set({ data: { balance: 2 } });
        const error = await failure(tx.commit());
        expect(error).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
        expect((await shortDb.collection('accounts').doc('a').get()).data.balance).toBe(2);
        expect(short.openTransactions).toBe(0);
      } finally {
        restore();
        await short.stop();
      }
    });
  });

  describe('storage', () => {
    const content = Buffer.from('%PDF-1.4 evidence');

    it('uploads (metadata, then the form), serves a temporary URL over HTTP, downloads, deletes', async () => {
      emulator.resetRequests();
      const { fileID } = await cloud.uploadFile({ cloudPath: 'evidence/d1/u1/报告.pdf', fileContent: content });
      expect(fileID).toMatch(
        new RegExp(`^cloud://${emulator.envId}\\.[0-9a-f]+-${emulator.envId}-\\d+/evidence/d1/u1/报告\\.pdf$`),
      );
      expect(emulator.requests.map((request) => request.action)).toEqual(['storage.getUploadMetadata', 'cos.upload']);

      const [entry] = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList;
      expect(entry).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 600 });
      const fetched = await fetch(entry.tempFileURL);
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer())).toEqual(content);
      // Flip the signature's first character to one it is not, so the tampered link always differs.
      const tampered = entry.tempFileURL.replace(
        /sign=(\w)/,
        (_: string, first: string) => `sign=${first === '0' ? '1' : '0'}`,
      );
      expect(tampered).not.toBe(entry.tempFileURL);
      expect((await fetch(tampered)).status).toBe(403);

      emulator.resetRequests();
      expect((await cloud.downloadFile({ fileID })).fileContent).toEqual(content);
      expect(emulator.requests.map((request) => request.action)).toEqual([
        'storage.batchGetDownloadUrl',
        'cdn.download',
      ]);

      expect((await cloud.deleteFile({ fileList: [fileID] })).fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
      expect(emulator.files().map((file) => file.fileID)).not.toContain(fileID);
    });

    it('answers for missing files as the service does', async () => {
      const fileID = emulator.putFile('evidence/d1/u1/gone.png', Buffer.from('png'));
      await cloud.deleteFile({ fileList: [fileID] });
      const [entry] = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList;
      expect(entry).toMatchObject({ fileID, status: -503003, errMsg: 'storage file not exists', tempFileURL: '' });
      const download = await failure(cloud.downloadFile({ fileID }));
      expect(download.errCode).toBe(-503003);
      expect((await cloud.deleteFile({ fileList: [fileID] })).fileList[0]).toMatchObject({ status: -503003 });
      const tooMany = await failure(cloud.getTempFileURL({ fileList: Array.from({ length: 51 }, () => fileID) }));
      expect(tooMany.errCode).toBe(-501007);
    });
  });

  describe('openapi', () => {
    const message = (touser: string) => ({
      touser,
      templateId: 'TPL-DUE',
      page: 'pages/task/index?id=t1',
      data: { thing1: { value: '报告' }, date2: { value: '2025年3月1日' } },
      miniprogramState: 'formal',
    });

    it('records every subscribe message sent', async () => {
      const before = emulator.sentMessages.length;
      expect(await cloud.openapi.subscribeMessage.send(message('o-staff-1'))).toEqual({
        errMsg: 'openapi.subscribeMessage.send:ok',
        errCode: 0,
      });
      expect(emulator.sentMessages.slice(before)).toEqual([
        expect.objectContaining({ ...message('o-staff-1'), at: expect.any(Number) }),
      ]);
    });

    it('refuses the next message to a user with 43101, as WeChat does', async () => {
      emulator.refuseNextMessage('o-refuser');
      const before = emulator.sentMessages.length;
      const error = await failure(cloud.openapi.subscribeMessage.send(message('o-refuser')));
      expect(error.errCode).toBe(43101);
      expect(error.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /);
      expect(emulator.sentMessages).toHaveLength(before);
      await cloud.openapi.subscribeMessage.send(message('o-refuser'));
      expect(emulator.sentMessages).toHaveLength(before + 1);
      expect((await failure(cloud.openapi.subscribeMessage.send({ ...message('o-x'), templateId: '' }))).errCode).toBe(
        40037,
      );
    });

    it('draws a mini-program code and records its scene and page', async () => {
      const reply = await cloud.openapi.wxacode.getUnlimited({
        scene: 'CJADMIN2026',
        page: 'pages/me/index',
        checkPath: false,
      });
      expect(reply.contentType).toBe('image/png');
      expect(reply.buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(emulator.codeRequests.at(-1)).toMatchObject({
        scene: 'CJADMIN2026',
        page: 'pages/me/index',
        checkPath: false,
      });
      // checkPath (the default) needs a released page; a scene is at most 32 characters.
      expect((await failure(cloud.openapi.wxacode.getUnlimited({ scene: 'a', page: 'pages/me/index' }))).errCode).toBe(
        41030,
      );
      expect(
        (await failure(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), checkPath: false }))).errCode,
      ).toBe(40129);
    });
    it('refuses an API the function has no permission for (config.json permissions.openapi)', async () => {
      emulator.openapiPermissions = ['subscribeMessage.send'];
      try {
        const error = await failure(cloud.openapi.wxacode.getUnlimited({ scene: 'a', checkPath: false }));
        expect(error.errCode).toBe(-604101);
        expect((await cloud.openapi.subscribeMessage.send(message('o-staff-1'))).errCode).toBe(0);
      } finally {
        emulator.openapiPermissions = null;
      }
      expect((await failure(cloud.openapi.security.msgSecCheck({ content: 'x' }))).errCode).toBe(-604100);
    });
  });

  describe('latency and the request log', () => {
    beforeAll(async () => {
      await db.createCollection('timed');
      await db
        .collection('timed')
        .doc('a')
        .set({ data: { v: 1 } });
    });

    afterEach(() => {
      emulator.latencyMs = 8;
    });

    it('makes every request take the latency, so counts show as time', async () => {
      emulator.latencyMs = 40;
      emulator.resetRequests();
      const started = Date.now();
      for (let i = 0; i < 5; i++) await db.collection('timed').doc('a').get();
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(emulator.requestCount()).toBe(5);
      expect(
        emulator.requests.every(
          (request) => request.action === 'database.getDocument' && request.collection === 'timed',
        ),
      ).toBe(true);
    });

    it('lets concurrent requests wait side by side, and the latency be changed at run time', async () => {
      const timed = async (run: () => Promise<unknown>) => {
        const started = Date.now();
        await run();
        return Date.now() - started;
      };
      const get = () => db.collection('timed').doc('a').get();
      // Compared side by side in one run, not against fixed figures that a busy machine would upset.
      emulator.latencyMs = 100;
      const concurrent = await timed(() => Promise.all(Array.from({ length: 5 }, get)));
      const sequential = await timed(async () => {
        for (let i = 0; i < 5; i++) await get();
      });
      expect(concurrent).toBeGreaterThanOrEqual(100);
      expect(sequential).toBeGreaterThanOrEqual(500);
      expect(concurrent).toBeLessThan(sequential / 2);
      emulator.latencyMs = 0;
      const withoutLatency = await timed(async () => {
        for (let i = 0; i < 5; i++) await get();
      });
      expect(withoutLatency).toBeLessThan(sequential / 2);
    });
  });
});
