import type { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { countersFromTasks } from '../../src/core/counters';
import type { TaskRecord } from '../../src/core/model';
import { StoreConflictError } from '../../src/core/ports/Store';
import { cloudStoreOnEmulator, type RealCloud } from '../support/realCloud';
import { historyFor, makeTask } from './storeContract';

/**
 * What the contract suite does not reach: the cloud adapter's documents, its counter shards and
 * its races, with the real wx-server-sdk over the cloud emulator.
 */

const AT = '2026-11-28T01:00:00.000Z';

function submitted(task: TaskRecord): TaskRecord {
  return { ...task, status: 'submitted', version: task.version + 1, firstSubmittedOn: '2026-11-28', submittedAt: AT };
}

async function expectCountersAgree(store: CloudDbStore): Promise<void> {
  const key = (counter: { scope: string; dueDate: string }) => `${counter.scope}|${counter.dueDate}`;
  const expected = countersFromTasks(await store.listTasks('changjiang', { year: 2026 })).sort((a, b) =>
    key(a).localeCompare(key(b)),
  );
  const kept = (await store.listCounters('changjiang', 2026)).sort((a, b) => key(a).localeCompare(key(b)));
  expect(kept).toEqual(expected);
}

describe('CloudDbStore over the cloud emulator (real wx-server-sdk)', () => {
  let store: CloudDbStore;
  let real: RealCloud;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, real, cleanup } = await cloudStoreOnEmulator({ latencyMs: 2 }));
  });
  afterEach(() => cleanup());

  const ids = (collection: string) => real.emulator.documents(collection).map((doc) => doc._id);

  it('keeps documents under deterministic ids and returns records without them', async () => {
    const task = makeTask();
    await store.insertTasks([task], (candidate) => historyFor(candidate));
    expect(ids('tasks')).toEqual(['changjiang:xijiao-2026-2-annual']);
    expect(ids('history')).toEqual(['changjiang|xijiao-2026-2-annual|00000001']);
    expect(ids('counters')).toEqual(['changjiang|2026|xijiao']);
    const stored = await store.getTask('changjiang', task.id);
    expect(stored).toEqual(task);
    expect(stored).not.toHaveProperty('_id');
    expect(await store.listHistory('changjiang', task.id)).toEqual([historyFor(task)]);
  });

  it('keeps the counters in one shard per unit and year, added up when read', async () => {
    const tasks = ['xijiao', 'hetang', 'liyang'].flatMap((unitId) =>
      [1, 2, 3].map((itemNo) => makeTask({ id: `${unitId}-${itemNo}`, unitId, itemNo })),
    );
    await store.insertTasks(tasks, (task) => historyFor(task));
    expect(ids('counters').sort()).toEqual([
      'changjiang|2026|hetang',
      'changjiang|2026|liyang',
      'changjiang|2026|xijiao',
    ]);
    const district = (await store.listCounters('changjiang', 2026)).find((counter) => counter.scope === 'district');
    expect(district).toMatchObject({ dueDate: '2026-12-31', pending: 9 });
    real.emulator.resetRequests();
    await store.listCounters('changjiang', 2026);
    expect(real.emulator.requestCount()).toBe(1);
  });

  it('creates a derived task (version 0) by its first change, and only once', async () => {
    const derived = makeTask({ version: 0 });
    await store.commitTaskChange({ before: derived, after: submitted(derived), history: [historyFor(derived)] });
    expect(await store.getTask('changjiang', derived.id)).toMatchObject({ status: 'submitted', version: 1 });
    await expect(
      store.commitTaskChange({ before: derived, after: submitted(derived), history: [historyFor(derived)] }),
    ).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.listTaskIds('changjiang', 2026)).toEqual([derived.id]);
    await expectCountersAgree(store);
  });

  it('inserts in several transactions and stays exact when two callers insert the same tasks', async () => {
    const tasks = Array.from({ length: 60 }, (_, index) =>
      makeTask({ id: `t${index}`, itemNo: (index % 41) + 1, dueDate: index % 2 ? '2026-12-31' : '2026-06-30' }),
    );
    const [first, second] = await Promise.all([
      store.insertTasks(tasks, (task) => historyFor(task)),
      store.insertTasks([...tasks].reverse(), (task) => historyFor(task)),
    ]);
    expect(first + second).toBe(60);
    expect(await store.listTasks('changjiang', {})).toHaveLength(60);
    expect(await store.listHistory('changjiang', 't7')).toHaveLength(1);
    await expectCountersAgree(store);
  });

  it('gets concurrent changes of one unit through, though they share its counter shard', async () => {
    const tasks = Array.from({ length: 8 }, (_, index) => makeTask({ id: `t${index}` }));
    await store.insertTasks(tasks, (task) => historyFor(task));
    real.emulator.resetRequests();
    await Promise.all(
      tasks.map((task) =>
        store.commitTaskChange({ before: task, after: submitted(task), history: [historyFor(task)] }),
      ),
    );
    // The service refused writes to the shard while another transaction held it; each was run again.
    expect(real.emulator.requestCount((request) => request.action === 'database.abortTransaction')).toBeGreaterThan(0);
    expect((await store.listTasks('changjiang', { statuses: ['submitted'] })).length).toBe(8);
    await expectCountersAgree(store);
  });

  it('changes nothing at all when a change is refused', async () => {
    const task = makeTask();
    await store.insertTasks([task], (candidate) => historyFor(candidate));
    await store.commitTaskChange({ before: task, after: submitted(task), history: [historyFor(task)] });
    const snapshot = () => real.emulator.collections().map((name) => [name, real.emulator.documents(name)]);
    const before = snapshot();
    await expect(
      store.commitTaskChange({
        before: task,
        after: { ...submitted(task), note: 'stale' },
        history: [historyFor(task)],
        request: { districtId: 'changjiang', openid: 'o', requestId: 'r', action: 'x', result: {}, createdAt: AT },
        link: { districtId: 'changjiang', taskId: task.id, evidenceId: 'e', linkedBy: 'o', createdAt: AT },
      }),
    ).rejects.toBeInstanceOf(StoreConflictError);
    expect(snapshot()).toEqual(before);
  });

  it('keeps history in the order written, several entries of one change included', async () => {
    const task = makeTask();
    await store.insertTasks([task], (candidate) => historyFor(candidate));
    await store.commitTaskChange({
      before: task,
      after: submitted(task),
      history: [historyFor(task, { action: 'evidence.add' }), historyFor(task, { action: 'submit' })],
    });
    expect((await store.listHistory('changjiang', task.id)).map((entry) => entry.action)).toEqual([
      'create',
      'evidence.add',
      'submit',
    ]);
  });

  it('lists more than 100 units and users (a bare get() stops at 100)', async () => {
    for (let index = 0; index < 130; index += 1) {
      const id = `u${String(index).padStart(3, '0')}`;
      await store.saveUnit({
        id,
        districtId: 'changjiang',
        name: id,
        kind: 'department',
        tags: [],
        aliases: [],
        updatedAt: AT,
      });
      await store.saveUser(
        {
          openid: `o-${id}`,
          districtId: 'changjiang',
          name: id,
          role: 'staff',
          unitId: id,
          disabled: false,
          createdAt: AT,
          updatedAt: AT,
          version: 1,
        },
        null,
      );
    }
    expect(await store.listUnits('changjiang')).toHaveLength(130);
    expect((await store.listUnits('changjiang'))[129].id).toBe('u129');
    expect(await store.listUsers('changjiang')).toHaveLength(130);
  }, 60_000);
});
