import {
  createCloudDatabase,
  DEFAULT_AGGREGATE_LIMIT,
  DEFAULT_QUERY_LIMIT,
  isTransactionConflict,
  type StandInDatabase,
} from '../support/cloudDatabase';
import { createWxServerSdkStandIn } from '../support/wxServerSdkStandIn';

async function seed(db: StandInDatabase, count: number, collection = 'items'): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    await db.collection(collection).add({ data: { _id: `id${String(n).padStart(5, '0')}`, n, group: n % 3 } });
  }
}

describe('query limits', () => {
  it('returns 100 records from get() when no limit is given', async () => {
    const db = createCloudDatabase();
    await seed(db, 250);
    const { data } = await db.collection('items').where({}).get();
    expect(DEFAULT_QUERY_LIMIT).toBe(100);
    expect(data).toHaveLength(100);
    expect((await db.collection('items').get()).data).toHaveLength(100);
    expect((await db.collection('items').count()).total).toBe(250);
  });

  it('returns up to 1000 with limit(1000) and refuses limit(1001)', async () => {
    const db = createCloudDatabase();
    await seed(db, 1100);
    expect((await db.collection('items').limit(1000).get()).data).toHaveLength(1000);
    expect(() => db.collection('items').limit(1001)).toThrow(/at most 1000/);
    expect(() => db.collection('items').where({}).limit(5000)).toThrow(/at most 1000/);
  });

  it('pages with skip and limit in the orderBy order', async () => {
    const db = createCloudDatabase();
    await seed(db, 230);
    const seen: number[] = [];
    for (let skip = 0; ; skip += 100) {
      const { data } = await db.collection('items').orderBy('n', 'desc').skip(skip).limit(100).get();
      seen.push(...data.map((doc) => doc.n as number));
      if (data.length < 100) break;
    }
    expect(seen).toHaveLength(230);
    expect(seen[0]).toBe(229);
    expect(seen[229]).toBe(0);
  });

  it('orders by several fields, ties in stored order', async () => {
    const db = createCloudDatabase();
    await seed(db, 9);
    const { data } = await db.collection('items').orderBy('group', 'asc').orderBy('n', 'desc').get();
    expect(data.map((doc) => doc.n)).toEqual([6, 3, 0, 7, 4, 1, 8, 5, 2]);
  });
});

describe('query operators', () => {
  it('matches comparisons, in/nin, neq, and/or and dotted paths', async () => {
    const db = createCloudDatabase();
    const _ = db.command;
    const rows = [
      { _id: 'a', n: 1, s: 'x', nested: { k: 'p' } },
      { _id: 'b', n: 2, s: 'y', nested: { k: 'q' } },
      { _id: 'c', n: 3, s: 'z', nested: { k: 'p' } },
    ];
    for (const data of rows) await db.collection('t').add({ data });
    const ids = async (query: object) => (await db.collection('t').where(query).get()).data.map((doc) => doc._id);
    expect(await ids({ n: _.gt(1) })).toEqual(['b', 'c']);
    expect(await ids({ n: _.gte(2).and(_.lt(3)) })).toEqual(['b']);
    expect(await ids({ s: _.in(['x', 'z']) })).toEqual(['a', 'c']);
    expect(await ids({ s: _.nin(['x', 'z']) })).toEqual(['b']);
    expect(await ids({ s: _.neq('y') })).toEqual(['a', 'c']);
    expect(await ids({ 'nested.k': 'p' })).toEqual(['a', 'c']);
    expect(await ids({ nested: { k: 'q' } })).toEqual(['b']);
    expect(await ids(_.or([{ n: 1 }, { s: 'z' }]))).toEqual(['a', 'c']);
    expect(await ids(_.and([{ n: _.lt(3) }, { 'nested.k': 'p' }]))).toEqual(['a']);
    expect(await ids({ s: _.lt('y') })).toEqual(['a']);
    expect(await ids({ n: _.lt('9') })).toEqual([]); // no matching across types
  });

  it('refuses undefined in a query', () => {
    const db = createCloudDatabase();
    expect(() => db.collection('t').where({ a: undefined })).toThrow(/undefined/);
  });

  it('updates and removes in bulk outside transactions', async () => {
    const db = createCloudDatabase();
    await seed(db, 150);
    const _ = db.command;
    const updated = await db
      .collection('items')
      .where({ group: 0 })
      .update({ data: { flagged: true, n: _.inc(1000) } });
    expect(updated.stats.updated).toBe(50);
    expect((await db.collection('items').where({ flagged: true }).count()).total).toBe(50);
    const removed = await db.collection('items').where({ group: 1 }).remove();
    expect(removed.stats.removed).toBe(50);
    expect((await db.collection('items').count()).total).toBe(100);
  });
});

describe('aggregate', () => {
  it('returns 20 rows unless the pipeline limits', async () => {
    const db = createCloudDatabase();
    await seed(db, 60);
    expect(DEFAULT_AGGREGATE_LIMIT).toBe(20);
    expect((await db.collection('items').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection('items').aggregate().limit(1000).end()).list).toHaveLength(60);
  });

  it('groups with $.sum, sorts and projects', async () => {
    const db = createCloudDatabase();
    await seed(db, 10);
    const $ = db.command.aggregate;
    const { list } = await db
      .collection('items')
      .aggregate()
      .match({ n: db.command.gte(1) })
      .group({ _id: '$group', count: $.sum(1), total: $.sum('$n') })
      .sort({ _id: 1 })
      .project({ _id: 0, group: '$_id', count: 1, total: 1 })
      .end();
    expect(list).toEqual([
      { group: 0, count: 3, total: 18 },
      { group: 1, count: 3, total: 12 },
      { group: 2, count: 3, total: 15 },
    ]);
  });
});

describe('documents', () => {
  it('honours throwOnNotFound both ways', async () => {
    const strict = createCloudDatabase();
    await expect(strict.collection('t').doc('missing').get()).rejects.toThrow(/does not exist/);
    const lenient = createCloudDatabase({ throwOnNotFound: false });
    await expect(lenient.collection('t').doc('missing').get()).resolves.toMatchObject({ data: null });
  });

  it('honours throwOnNotFound inside transactions too', async () => {
    const strict = createCloudDatabase();
    await expect(strict.runTransaction((tx) => tx.collection('t').doc('missing').get())).rejects.toThrow(
      /does not exist/,
    );
    const lenient = createCloudDatabase({ throwOnNotFound: false });
    await expect(lenient.runTransaction((tx) => tx.collection('t').doc('missing').get())).resolves.toMatchObject({
      data: null,
    });
  });

  it('sets, updates with dotted paths and commands, removes', async () => {
    const db = createCloudDatabase();
    const _ = db.command;
    const doc = db.collection('t').doc('x');
    await doc.set({ data: { a: { b: 1, c: 'keep' }, list: [1], gone: 1, obj: { p: 1, q: 2 } } });
    await doc.update({ data: { 'a.b': _.inc(2), 'a.d': _.inc(5), gone: _.remove(), obj: _.set({ r: 3 }) } });
    await doc.update({ data: { a: { c: 'kept' }, list: [2, 3] } });
    expect((await doc.get()).data).toEqual({ _id: 'x', a: { b: 3, c: 'kept', d: 5 }, list: [2, 3], obj: { r: 3 } });
    expect(
      await db
        .collection('t')
        .doc('nope')
        .update({ data: { a: 1 } }),
    ).toMatchObject({ stats: { updated: 0 } });
    await expect(doc.set({ data: { _id: 'x', a: 1 } })).rejects.toThrow(/_id/);
    await expect(doc.update({ data: { _id: 'y' } })).rejects.toThrow(/_id/);
    expect(await doc.remove()).toEqual({ stats: { removed: 1 } });
    expect(db.snapshot()).toEqual({});
  });

  it('generates ids on add and refuses a duplicate _id', async () => {
    const db = createCloudDatabase();
    const { _id } = await db.collection('t').add({ data: { a: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    await db.collection('t').add({ data: { _id: 'fixed', a: 2 } });
    await expect(db.collection('t').add({ data: { _id: 'fixed', a: 3 } })).rejects.toThrow(/duplicate key/);
  });

  it('copies data in and out', async () => {
    const db = createCloudDatabase();
    const data = { nested: { n: 1 }, when: new Date('2024-01-01T00:00:00Z'), skip: undefined };
    await db.collection('t').doc('x').set({ data });
    data.nested.n = 2;
    const first = (await db.collection('t').doc('x').get()).data as { nested: { n: number } };
    first.nested.n = 3;
    const second = (await db.collection('t').doc('x').get()).data;
    expect(second).toEqual({ _id: 'x', nested: { n: 1 }, when: new Date('2024-01-01T00:00:00Z') });
    expect(second && 'skip' in second).toBe(false);
  });

  it('refuses a document over 16 MB', async () => {
    const db = createCloudDatabase();
    await expect(
      db
        .collection('t')
        .doc('big')
        .set({ data: { text: 'x'.repeat(17 * 1024 * 1024) } }),
    ).rejects.toThrow(/16 MB/);
  });

  it('snapshots and restores the whole data, and counts calls', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    await seed(db, 3);
    const saved = db.snapshot();
    db.resetStats();
    await db.collection('items').doc('id00000').remove();
    await db.collection('other').add({ data: { a: 1 } });
    await db.collection('items').doc('id00001').get();
    await db.collection('items').where({}).get();
    expect(db.stats).toMatchObject({ removes: 1, adds: 1, gets: 1, queries: 1 });
    db.restore(saved);
    expect(db.snapshot()).toEqual(saved);
  });
});

describe('transactions', () => {
  it('refuses where and other batch operations inside a transaction', async () => {
    const db = createCloudDatabase();
    await seed(db, 3);
    const before = db.snapshot();
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('items')
          .doc('id00000')
          .update({ data: { n: 99 } });
        const collection = tx.collection('items') as unknown as { where(query: object): unknown };
        return collection.where({ group: 0 });
      }),
    ).rejects.toThrow(/single-record/);
    const tx = await db.startTransaction();
    expect(() => (tx.collection('items') as unknown as { aggregate(): unknown }).aggregate()).toThrow(/single-record/);
    expect(db.snapshot()).toEqual(before);
  });

  it('isolates: reads see a snapshot plus own writes; writes appear only on commit', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    await db
      .collection('t')
      .doc('a')
      .set({ data: { v: 1 } });
    const tx = await db.startTransaction();
    expect((await tx.collection('t').doc('a').get()).data).toEqual({ _id: 'a', v: 1 });
    await db
      .collection('t')
      .doc('a')
      .update({ data: { v: 2 } }); // outside the transaction
    expect((await tx.collection('t').doc('a').get()).data).toEqual({ _id: 'a', v: 1 });
    await tx
      .collection('t')
      .doc('b')
      .set({ data: { v: 10 } });
    await tx
      .collection('t')
      .doc('b')
      .update({ data: { v: db.command.inc(1) } });
    expect((await tx.collection('t').doc('b').get()).data).toEqual({ _id: 'b', v: 11 });
    expect((await db.collection('t').doc('b').get()).data).toBeNull();
    await expect(tx.commit()).rejects.toThrow(/conflict/); // 'a' changed after the transaction read it
    expect((await db.collection('t').doc('b').get()).data).toBeNull();
  });

  it('applies all writes of a commit at once', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    const tx = await db.startTransaction();
    await tx
      .collection('t')
      .doc('a')
      .set({ data: { v: 1 } });
    await tx.collection('t').add({ data: { _id: 'b', v: 2 } });
    expect(db.snapshot()).toEqual({});
    await tx.commit();
    expect(db.snapshot()).toEqual({ t: { a: { _id: 'a', v: 1 }, b: { _id: 'b', v: 2 } } });
    await expect(tx.collection('t').doc('a').get()).rejects.toThrow(/committed/);
  });

  it('detects a conflict between two interleaved transactions', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    await db
      .collection('acc')
      .doc('a')
      .set({ data: { amount: 100 } });
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    const readFirst = (await first.collection('acc').doc('a').get()).data as { amount: number };
    const readSecond = (await second.collection('acc').doc('a').get()).data as { amount: number };
    await first
      .collection('acc')
      .doc('a')
      .update({ data: { amount: readFirst.amount - 10 } });
    await second
      .collection('acc')
      .doc('a')
      .update({ data: { amount: readSecond.amount - 20 } });
    await first.commit();
    const lost = await second.commit().catch((error: unknown) => error);
    expect(isTransactionConflict(lost)).toBe(true);
    expect((await db.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', amount: 90 });
    expect(db.stats.conflicts).toBe(1);
  });

  it('conflicts when two transactions create the same document', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    expect((await first.collection('t').doc('new').get()).data).toBeNull();
    expect((await second.collection('t').doc('new').get()).data).toBeNull();
    await first
      .collection('t')
      .doc('new')
      .set({ data: { by: 'first' } });
    await second
      .collection('t')
      .doc('new')
      .set({ data: { by: 'second' } });
    await first.commit();
    await expect(second.commit()).rejects.toThrow(/conflict/);
  });

  it('re-runs a runTransaction callback on conflict, so concurrent increments both count', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    await db
      .collection('c')
      .doc('n')
      .set({ data: { value: 0 } });
    let runs = 0;
    const increment = () =>
      db.runTransaction(async (tx) => {
        runs += 1;
        const { data } = await tx.collection('c').doc('n').get();
        await tx
          .collection('c')
          .doc('n')
          .set({ data: { value: (data?.value as number) + 1 } });
        return (data?.value as number) + 1;
      });
    const results = await Promise.all([increment(), increment(), increment()]);
    expect(results.sort()).toEqual([1, 2, 3]);
    expect((await db.collection('c').doc('n').get()).data).toEqual({ _id: 'n', value: 3 });
    expect(runs).toBeGreaterThan(3);
    expect(db.stats.conflicts).toBe(runs - 3);
  });

  it('gives up after `times` attempts with the conflict error', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    await db
      .collection('c')
      .doc('n')
      .set({ data: { value: 0 } });
    let runs = 0;
    const outcome = db.runTransaction(async (tx) => {
      runs += 1;
      await tx.collection('c').doc('n').get();
      await db
        .collection('c')
        .doc('n')
        .update({ data: { value: db.command.inc(1) } }); // someone else
      await tx
        .collection('c')
        .doc('n')
        .update({ data: { touched: true } });
    }, 2);
    await expect(outcome).rejects.toThrow(/conflict/);
    expect(runs).toBe(2);
    expect((await db.collection('c').doc('n').get()).data).toEqual({ _id: 'n', value: 2 });
  });

  it('does not retry other errors, and rejects with the rollback reason', async () => {
    const db = createCloudDatabase({ throwOnNotFound: false });
    let runs = 0;
    await expect(
      db.runTransaction(async (tx) => {
        runs += 1;
        await tx
          .collection('t')
          .doc('a')
          .set({ data: { v: 1 } });
        throw new Error('business rule');
      }),
    ).rejects.toThrow('business rule');
    expect(runs).toBe(1);
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('t')
          .doc('a')
          .set({ data: { v: 1 } });
        await tx.rollback(-100);
      }),
    ).rejects.toBe(-100);
    expect(db.snapshot()).toEqual({});
  });

  it('refuses commit() inside runTransaction', async () => {
    const db = createCloudDatabase();
    await expect(db.runTransaction((tx) => tx.commit())).rejects.toThrow(/commits by itself/);
  });

  it("with conflicts: 'writes', ignores changes to documents it only read (MongoDB's rule)", async () => {
    const db = createCloudDatabase({ throwOnNotFound: false, conflicts: 'writes' });
    await db
      .collection('t')
      .doc('read')
      .set({ data: { v: 1 } });
    const tx = await db.startTransaction();
    await tx.collection('t').doc('read').get();
    await db
      .collection('t')
      .doc('read')
      .update({ data: { v: 2 } });
    await tx
      .collection('t')
      .doc('written')
      .set({ data: { v: 1 } });
    await expect(tx.commit()).resolves.toBeUndefined();
  });
});

describe('wx-server-sdk stand-in', () => {
  it('shares one database between throwOnNotFound views and reports the caller', async () => {
    const cloud = createWxServerSdkStandIn({ openid: 'o-staff' });
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const strict = cloud.database();
    const lenient = cloud.database({ throwOnNotFound: false });
    await strict
      .collection('t')
      .doc('a')
      .set({ data: { v: 1 } });
    expect((await lenient.collection('t').doc('a').get()).data).toEqual({ _id: 'a', v: 1 });
    await expect(strict.collection('t').doc('b').get()).rejects.toThrow(/does not exist/);
    expect((await lenient.collection('t').doc('b').get()).data).toBeNull();
    expect(cloud.getWXContext().OPENID).toBe('o-staff');
    cloud.setOpenid('o-leader');
    expect(cloud.getWXContext()).toMatchObject({ OPENID: 'o-leader', ENV: 'stand-in.env' });
  });

  it('keeps files in memory and records subscribe messages', async () => {
    const cloud = createWxServerSdkStandIn();
    const { fileID } = await cloud.uploadFile({ cloudPath: 'evidence/a.pdf', fileContent: Buffer.from('%PDF') });
    expect(fileID).toBe('cloud://stand-in.env/evidence/a.pdf');
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('%PDF');
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID, 'cloud://stand-in.env/missing'] });
    expect(fileList[0]).toMatchObject({ fileID, status: 0 });
    expect(fileList[0].tempFileURL).toMatch(/^https:\/\//);
    expect(fileList[1].status).not.toBe(0);
    expect((await cloud.deleteFile({ fileList: [fileID] })).fileList[0].status).toBe(0);
    await expect(cloud.downloadFile({ fileID })).rejects.toThrow(/does not exist/);
    await cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 't1', data: { thing1: { value: '催办' } } });
    expect(cloud.sentMessages).toEqual([{ touser: 'o1', templateId: 't1', data: { thing1: { value: '催办' } } }]);
  });
});
