import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { countersFromTasks } from '../../src/core/counters';
import type { TaskRecord } from '../../src/core/model';
import { StoreConflictError } from '../../src/core/ports/Store';
import { createCloudDatabase, type StandInDatabase } from '../support/cloudDatabase';
import { historyFor, makeTask } from './storeContract';

/** What the contract suite does not reach: the cloud adapter's documents, batches and races. */

const AT = '2026-11-28T01:00:00.000Z';

function setup(): { db: StandInDatabase; store: CloudDbStore } {
  const db = createCloudDatabase({ throwOnNotFound: false });
  return { db, store: new CloudDbStore(db) };
}

function submitted(task: TaskRecord): TaskRecord {
  return { ...task, status: 'submitted', version: task.version + 1, firstSubmittedOn: '2026-11-28', submittedAt: AT };
}

async function expectCountersAgree(store: CloudDbStore): Promise<void> {
  const key = (counter: { scope: string; dueDate: string }) => `${counter.scope}|${counter.dueDate}`;
  const expected = countersFromTasks(await store.listTasks('changjiang', { year: 2026 })).sort((a, b) =>
    key(a).localeCompare(key(b)),
  );
  const kept = (await store.listCounters('changjiang', 2026))
    .filter((counter) => counter.pending + counter.submitted + counter.approved + counter.returned > 0)
    .sort((a, b) => key(a).localeCompare(key(b)));
  expect(kept).toEqual(expected);
}

describe('CloudDbStore on the cloud database stand-in', () => {
  it('keeps documents under deterministic ids and returns records without them', async () => {
    const { db, store } = setup();
    const task = makeTask();
    await store.insertTasks([task], (candidate) => historyFor(candidate));
    const data = db.snapshot();
    expect(Object.keys(data.tasks)).toEqual(['changjiang:xijiao-2026-2-annual']);
    expect(Object.keys(data.history)).toEqual(['changjiang|xijiao-2026-2-annual|00000001']);
    expect(Object.keys(data.counters)).toContain('changjiang|2026|district|2026-12-31');
    const stored = await store.getTask('changjiang', task.id);
    expect(stored).toEqual(task);
    expect(stored).not.toHaveProperty('_id');
    expect(await store.listHistory('changjiang', task.id)).toEqual([historyFor(task)]);
  });

  it('inserts in several transactions and stays exact when two callers insert the same tasks', async () => {
    const { store } = setup();
    const tasks = Array.from({ length: 120 }, (_, index) =>
      makeTask({ id: `t${index}`, itemNo: (index % 41) + 1, dueDate: index % 2 ? '2026-12-31' : '2026-06-30' }),
    );
    const [first, second] = await Promise.all([
      store.insertTasks(tasks, (task) => historyFor(task)),
      store.insertTasks([...tasks].reverse(), (task) => historyFor(task)),
    ]);
    expect(first + second).toBe(120);
    expect(await store.listTasks('changjiang', {})).toHaveLength(120);
    expect(await store.listHistory('changjiang', 't7')).toHaveLength(1);
    await expectCountersAgree(store);
  });

  it('lets concurrent changes of different tasks all through, though they share counters', async () => {
    const { db, store } = setup();
    const tasks = Array.from({ length: 8 }, (_, index) => makeTask({ id: `t${index}` }));
    await store.insertTasks(tasks, (task) => historyFor(task));
    db.resetStats();
    await Promise.all(
      tasks.map((task) =>
        store.commitTaskChange({ before: task, after: submitted(task), history: [historyFor(task)] }),
      ),
    );
    expect(db.stats.conflicts).toBeGreaterThan(0); // the district counter is shared: retried, not lost
    expect((await store.listTasks('changjiang', { statuses: ['submitted'] })).length).toBe(8);
    await expectCountersAgree(store);
  });

  it('changes nothing at all when a change is refused', async () => {
    const { db, store } = setup();
    const task = makeTask();
    await store.insertTasks([task], (candidate) => historyFor(candidate));
    await store.commitTaskChange({ before: task, after: submitted(task), history: [historyFor(task)] });
    const before = db.snapshot();
    await expect(
      store.commitTaskChange({
        before: task,
        after: { ...submitted(task), note: 'stale' },
        history: [historyFor(task)],
        request: { districtId: 'changjiang', openid: 'o', requestId: 'r', action: 'x', result: {}, createdAt: AT },
        link: { districtId: 'changjiang', taskId: task.id, evidenceId: 'e', linkedBy: 'o', createdAt: AT },
      }),
    ).rejects.toBeInstanceOf(StoreConflictError);
    expect(db.snapshot()).toEqual(before);
  });

  it('keeps history in the order written, several entries of one change included', async () => {
    const { store } = setup();
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

  it('lists more than 100 units and users', async () => {
    const { store } = setup();
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
  });
});
