import { countersFromTasks } from '../../src/core/counters';
import type {
  CatalogRecord,
  EvidenceRecord,
  ExemptionRequest,
  ExtensionRequest,
  GuidanceRecord,
  HistoryEntry,
  InstructionRecord,
  InviteRecord,
  ReminderRecord,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../src/core/model';
import { StoreConflictError, type Store } from '../../src/core/ports/Store';
import { loadCatalog, loadHolidays } from '../support/fixtures';

/**
 * The storage contract: every adapter of `Store` runs this same suite, so the local cloud and the
 * WeChat cloud database behave alike.
 */

const AT = '2026-11-28T01:00:00.000Z';

export function makeTask(overrides: Partial<TaskRecord> = {}): TaskRecord {
  const base: TaskRecord = {
    id: 'xijiao-2026-2-annual',
    districtId: 'changjiang',
    unitId: 'xijiao',
    itemNo: 2,
    level1: 1,
    level2: 1,
    key: 'annual',
    kind: 'annual',
    year: 2026,
    dueDate: '2026-12-31',
    estimated: false,
    role: 'responsible',
    label: '2026年度落实情况',
    requirements: [],
    eventDate: null,
    status: 'pending',
    version: 1,
    note: '',
    evidenceCount: 0,
    firstSubmittedAt: null,
    firstSubmittedOn: null,
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    statusBeforeSubmit: null,
    withdrawnAt: null,
    originalDueDate: null,
    extension: null,
    exemption: null,
    createdAt: AT,
    updatedAt: AT,
  };
  return { ...base, ...overrides };
}

export function historyFor(task: TaskRecord, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    districtId: task.districtId,
    taskId: task.id,
    at: AT,
    actorOpenid: 'system',
    actorName: '系统',
    actorRole: 'system',
    actorUnitId: null,
    action: 'create',
    fromStatus: null,
    toStatus: task.status,
    comment: null,
    detail: null,
    ...overrides,
  };
}

function makeUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    openid: 'o-staff-1',
    districtId: 'changjiang',
    name: '张三',
    role: 'staff',
    unitId: 'xijiao',
    disabled: false,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

function makeInvite(overrides: Partial<InviteRecord> = {}): InviteRecord {
  return {
    code: 'ABCD2345',
    districtId: 'changjiang',
    unitId: 'xijiao',
    role: 'staff',
    expiresAt: '2026-12-31T00:00:00.000Z',
    maxUses: 2,
    uses: 0,
    createdBy: 'o-admin',
    createdAt: AT,
    ...overrides,
  };
}

function submitted(task: TaskRecord): TaskRecord {
  return {
    ...task,
    status: 'submitted',
    version: task.version + 1,
    firstSubmittedAt: AT,
    firstSubmittedOn: '2026-11-28',
    submittedAt: AT,
    updatedAt: AT,
  };
}

function evidence(overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return {
    id: 'ev-1',
    districtId: 'changjiang',
    fileId: 'file-1',
    name: '学法会议.jpg',
    size: 1234,
    mime: 'image/jpeg',
    unitId: 'xijiao',
    uploadedBy: 'o-staff-1',
    createdAt: AT,
    thumbFileId: 'file-1-thumb',
    ...overrides,
  };
}

/** Counters recomputed from every task the store holds for the district and year. */
async function expectCountersAgree(store: Store, districtId: string, year: number): Promise<void> {
  const tasks = await store.listTasks(districtId, { year });
  const sortKey = (counter: { scope: string; dueDate: string }) => `${counter.scope}|${counter.dueDate}`;
  const expected = countersFromTasks(tasks).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const kept = (await store.listCounters(districtId, year))
    .filter((counter) => counter.pending + counter.submitted + counter.approved + counter.returned + counter.onTime > 0)
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  expect(kept).toEqual(expected);
}

export function runStoreContract(
  name: string,
  makeStore: () => Promise<{ store: Store; cleanup?: () => Promise<void> }>,
): void {
  describe(`${name} (store contract)`, () => {
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    describe('directory', () => {
      it('saves and reads districts, with their catalog', async () => {
        const catalog = loadCatalog();
        await store.saveDistrict({
          id: 'changjiang',
          name: '昌江区',
          fullName: '景德镇市昌江区',
          defaultDueDate: '12-31',
          catalog,
          taskYears: {},
          createdAt: AT,
        });
        await store.saveDistrict({
          id: 'zhushan',
          name: '珠山区',
          fullName: '景德镇市珠山区',
          defaultDueDate: '12-31',
          catalog,
          taskYears: {},
          createdAt: AT,
        });
        expect((await store.getDistrict('changjiang'))?.catalog.items).toHaveLength(41);
        expect((await store.listDistricts()).map((district) => district.id)).toEqual(['changjiang', 'zhushan']);
        await store.saveDistrict({
          id: 'zhushan',
          name: '珠山区',
          fullName: '景德镇市珠山区',
          defaultDueDate: '11-30',
          catalog,
          taskYears: { '2026': 'abc' },
          createdAt: AT,
        });
        expect(await store.getDistrict('zhushan')).toMatchObject({
          defaultDueDate: '11-30',
          taskYears: { '2026': 'abc' },
        });
        expect(await store.getDistrict('nowhere')).toBeNull();
      });

      it('keeps units per district, in the order added, and updates in place', async () => {
        const unit = (id: string, districtId = 'changjiang'): UnitRecord => ({
          id,
          districtId,
          name: `单位${id}`,
          kind: 'department',
          tags: ['行政执法部门'],
          aliases: [],
          disabled: false,
          updatedAt: AT,
        });
        await store.saveUnit(unit('b'));
        await store.saveUnit(unit('a'));
        await store.saveUnit(unit('a', 'zhushan'));
        await store.saveUnit({ ...unit('b'), name: '改名局', tags: [], disabled: true });
        const units = await store.listUnits('changjiang');
        expect(units.map((candidate) => [candidate.id, candidate.name, candidate.tags, candidate.disabled])).toEqual([
          ['b', '改名局', [], true],
          ['a', '单位a', ['行政执法部门'], false],
        ]);
        expect(await store.listUnits('zhushan')).toHaveLength(1);
      });

      it('keeps the holiday calendar', async () => {
        expect(await store.getCalendar()).toBeNull();
        await store.saveCalendar(loadHolidays());
        expect(await store.getCalendar()).toEqual(loadHolidays());
      });
    });

    describe('published lists and guidance', () => {
      const list = (id: string, publishedAt: string, years: number[], districtId = 'changjiang'): CatalogRecord => ({
        districtId,
        id,
        years,
        catalog: loadCatalog(),
        publishedAt,
        publishedBy: 'o-admin',
        publishedByName: '管理员',
      });
      const guidance = (catalogId: string, itemNo: number, text: string, districtId = 'changjiang') =>
        ({
          districtId,
          catalogId,
          itemNo,
          text,
          updatedAt: AT,
          updatedBy: 'o-reviewer',
          updatedByName: '审核人',
        }) satisfies GuidanceRecord;

      it('keeps lists per district, oldest first, with the guidance they start with', async () => {
        await store.addCatalog(list('c2', '2026-12-02T00:00:00.000Z', [2027, 2028]), [guidance('c2', 3, '会议纪要')]);
        await store.addCatalog(list('c1', '2026-12-01T00:00:00.000Z', [2027]), []);
        await store.addCatalog(list('c1', '2026-12-03T00:00:00.000Z', [2027], 'zhushan'), []);
        const lists = await store.listCatalogs('changjiang');
        expect(lists.map((record) => [record.id, record.years])).toEqual([
          ['c1', [2027]],
          ['c2', [2027, 2028]],
        ]);
        expect(lists[1].catalog).toEqual(loadCatalog());
        expect(lists[1]).toMatchObject({ publishedBy: 'o-admin', publishedByName: '管理员' });
        expect(await store.listGuidance('changjiang', 'c2')).toEqual([guidance('c2', 3, '会议纪要')]);
        expect(await store.listGuidance('changjiang', 'c1')).toEqual([]);
        expect(await store.listCatalogs('zhushan')).toHaveLength(1);
        expect(await store.listCatalogs('nowhere')).toEqual([]);
      });

      it('never replaces a list: the same id again is a conflict that changes nothing', async () => {
        await store.addCatalog(list('c1', '2026-12-01T00:00:00.000Z', [2027]), [guidance('c1', 1, '原文')]);
        await expect(
          store.addCatalog(list('c1', '2026-12-05T00:00:00.000Z', [2028]), [guidance('c1', 1, '改过')]),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.listCatalogs('changjiang')).map((record) => record.years)).toEqual([[2027]]);
        expect((await store.listGuidance('changjiang', 'c1')).map((entry) => entry.text)).toEqual(['原文']);
      });

      it('writes one item’s guidance, replaces it, and keeps it per list and district', async () => {
        await store.saveGuidance(guidance('base', 2, '述职报告'));
        await store.saveGuidance(guidance('base', 1, '报告正文'));
        await store.saveGuidance({ ...guidance('base', 2, '述法报告'), updatedByName: '管理员' });
        await store.saveGuidance(guidance('base', 2, '别区的', 'zhushan'));
        await store.saveGuidance(guidance('c9', 2, '别的清单'));
        expect((await store.listGuidance('changjiang', 'base')).map((entry) => [entry.itemNo, entry.text])).toEqual([
          [1, '报告正文'],
          [2, '述法报告'],
        ]);
        expect((await store.listGuidance('changjiang', 'base'))[1].updatedByName).toBe('管理员');
        expect(await store.listGuidance('zhushan', 'base')).toHaveLength(1);
      });
    });

    describe('users and invites', () => {
      it('creates a user once and updates only from the version read', async () => {
        await store.saveUser(makeUser(), null);
        await expect(store.saveUser(makeUser(), null)).rejects.toBeInstanceOf(StoreConflictError);
        await store.saveUser(makeUser({ role: 'reviewer', version: 2 }), 1);
        await expect(store.saveUser(makeUser({ name: '迟到', version: 2 }), 1)).rejects.toBeInstanceOf(
          StoreConflictError,
        );
        expect(await store.getUser('o-staff-1')).toMatchObject({ role: 'reviewer', name: '张三', version: 2 });
        expect(await store.getUser('o-unknown')).toBeNull();
      });

      it('lists users of a district, by unit or role', async () => {
        await store.saveUser(makeUser({ openid: 'a' }), null);
        await store.saveUser(makeUser({ openid: 'b', unitId: 'sfj', role: 'reviewer' }), null);
        await store.saveUser(makeUser({ openid: 'c', districtId: 'zhushan' }), null);
        expect((await store.listUsers('changjiang')).map((user) => user.openid).sort()).toEqual(['a', 'b']);
        expect((await store.listUsers('changjiang', { unitId: 'sfj' })).map((user) => user.openid)).toEqual(['b']);
        expect((await store.listUsers('changjiang', { role: 'staff' })).map((user) => user.openid)).toEqual(['a']);
      });

      it('redeems an invite up to its limit and before it expires', async () => {
        await store.saveInvite(makeInvite());
        expect(await store.redeemInvite('ABCD2345', makeUser({ openid: 'u1' }), AT)).toBe('bound');
        expect(await store.redeemInvite('ABCD2345', makeUser({ openid: 'u1' }), AT)).toBe('already-bound');
        expect(await store.redeemInvite('ABCD2345', makeUser({ openid: 'u2' }), AT)).toBe('bound');
        expect(await store.redeemInvite('ABCD2345', makeUser({ openid: 'u3' }), AT)).toBe('used-up');
        expect((await store.getInvite('ABCD2345'))?.uses).toBe(2);
        expect(await store.getUser('u3')).toBeNull();
        await store.saveInvite(makeInvite({ code: 'OLD23456', expiresAt: '2026-11-01T00:00:00.000Z' }));
        expect(await store.redeemInvite('OLD23456', makeUser({ openid: 'u4' }), AT)).toBe('expired');
        expect(await store.redeemInvite('NOPE2345', makeUser({ openid: 'u5' }), AT)).toBe('not-found');
        expect(await store.getUser('u4')).toBeNull();
      });

      it('lets only one of two racing redemptions take the last use', async () => {
        await store.saveInvite(makeInvite({ maxUses: 1 }));
        const outcomes = await Promise.all([
          store.redeemInvite('ABCD2345', makeUser({ openid: 'r1' }), AT),
          store.redeemInvite('ABCD2345', makeUser({ openid: 'r2' }), AT),
        ]);
        expect(outcomes.filter((outcome) => outcome === 'bound')).toHaveLength(1);
        expect((await store.getInvite('ABCD2345'))?.uses).toBe(1);
      });
    });

    describe('tasks', () => {
      it('inserts tasks once, with counters and a history entry each', async () => {
        const tasks = [makeTask(), makeTask({ id: 't2', itemNo: 3, dueDate: '2026-03-01' })];
        expect(await store.insertTasks(tasks, (task) => historyFor(task))).toBe(2);
        expect(await store.insertTasks(tasks, (task) => historyFor(task))).toBe(0);
        expect(await store.getTask('changjiang', 't2')).toEqual(tasks[1]);
        expect(await store.listHistory('changjiang', 't2')).toEqual([historyFor(tasks[1])]);
        await expectCountersAgree(store, 'changjiang', 2026);
        const district = (await store.listCounters('changjiang', 2026)).filter(
          (counter) => counter.scope === 'district',
        );
        expect(district.map((counter) => [counter.dueDate, counter.pending])).toEqual([
          ['2026-03-01', 1],
          ['2026-12-31', 1],
        ]);
      });

      it('lists every matching task, well past one page of results', async () => {
        const tasks = Array.from({ length: 260 }, (_, index) =>
          makeTask({
            id: `t${String(index).padStart(3, '0')}`,
            itemNo: (index % 41) + 1,
            unitId: index % 2 ? 'xijiao' : 'hetang',
          }),
        );
        await store.insertTasks(tasks, (task) => historyFor(task));
        expect(await store.listTasks('changjiang', { year: 2026 })).toHaveLength(260);
        expect(await store.listTasks('changjiang', { unitId: 'hetang' })).toHaveLength(130);
        expect(await store.listTasks('changjiang', { itemNos: [1, 2] })).toHaveLength(14);
        await expectCountersAgree(store, 'changjiang', 2026);
      });

      it('filters by status and due date, ordered by due date then item', async () => {
        await store.insertTasks(
          [
            makeTask({ id: 'a', itemNo: 5, dueDate: '2026-12-31' }),
            makeTask({ id: 'b', itemNo: 1, dueDate: '2026-03-01', status: 'returned' }),
            makeTask({ id: 'c', itemNo: 9, dueDate: '2026-01-31', status: 'approved' }),
            makeTask({ id: 'd', itemNo: 2, dueDate: '2026-03-01' }),
            makeTask({ id: 'e', itemNo: 2, dueDate: '2025-03-01', year: 2025 }),
          ],
          (task) => historyFor(task),
        );
        const ids = async (filter: Parameters<Store['listTasks']>[1]) =>
          (await store.listTasks('changjiang', filter)).map((task) => task.id);
        expect(await ids({ year: 2026 })).toEqual(['c', 'b', 'd', 'a']);
        expect(await ids({ year: 2026, statuses: ['pending', 'returned'], dueBefore: '2026-11-28' })).toEqual([
          'b',
          'd',
        ]);
        expect(await ids({ statuses: ['approved'] })).toEqual(['c']);
        expect(await ids({ year: 2026, limit: 2 })).toEqual(['c', 'b']);
      });

      it('commits a status change with its history and counters', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        const after = submitted(task);
        await store.commitTaskChange({
          before: task,
          after,
          history: [
            historyFor(task, {
              action: 'submit',
              fromStatus: 'pending',
              toStatus: 'submitted',
              actorOpenid: 'o-staff-1',
            }),
          ],
        });
        expect(await store.getTask('changjiang', task.id)).toEqual(after);
        expect((await store.listHistory('changjiang', task.id)).map((entry) => entry.action)).toEqual([
          'create',
          'submit',
        ]);
        await expectCountersAgree(store, 'changjiang', 2026);
      });

      it('refuses a change made from a stale version and leaves everything as it was', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        await store.commitTaskChange({
          before: task,
          after: submitted(task),
          history: [historyFor(task, { action: 'submit' })],
        });
        const countersBefore = await store.listCounters('changjiang', 2026);
        const stale = { ...task, status: 'approved' as const, version: 2 };
        await expect(
          store.commitTaskChange({ before: task, after: stale, history: [historyFor(task, { action: 'approve' })] }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.getTask('changjiang', task.id))?.status).toBe('submitted');
        expect(await store.listHistory('changjiang', task.id)).toHaveLength(2);
        expect(await store.listCounters('changjiang', 2026)).toEqual(countersBefore);
      });

      it('lets exactly one of two racing changes win', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        const results = await Promise.allSettled([
          store.commitTaskChange({
            before: task,
            after: submitted(task),
            history: [historyFor(task, { action: 'submit' })],
          }),
          store.commitTaskChange({
            before: task,
            after: { ...submitted(task), note: '另一人' },
            history: [historyFor(task, { action: 'submit' })],
          }),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(StoreConflictError);
        expect(await store.listHistory('changjiang', task.id)).toHaveLength(2);
        await expectCountersAgree(store, 'changjiang', 2026);
      });

      it('creates a task through a change, once', async () => {
        const task = makeTask({ id: 'event-task', kind: 'event', eventDate: '2026-09-30' });
        await store.commitTaskChange({
          before: null,
          after: task,
          history: [historyFor(task, { action: 'event.record' })],
        });
        await expect(
          store.commitTaskChange({ before: null, after: task, history: [historyFor(task)] }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.listHistory('changjiang', 'event-task')).toHaveLength(1);
        await expectCountersAgree(store, 'changjiang', 2026);
      });

      it('remembers a request id with its result; reusing it is a conflict that changes nothing', async () => {
        const task = makeTask();
        const other = makeTask({ id: 'other' });
        await store.insertTasks([task, other], (candidate) => historyFor(candidate));
        const request = {
          districtId: 'changjiang',
          openid: 'o-staff-1',
          requestId: 'req-1',
          action: 'report.submit',
          result: { task: { id: task.id } },
          createdAt: AT,
        };
        await store.commitTaskChange({ before: task, after: submitted(task), history: [historyFor(task)], request });
        expect(await store.getRequest('changjiang', 'o-staff-1', 'req-1')).toEqual(request);
        expect(await store.getRequest('changjiang', 'o-other', 'req-1')).toBeNull();
        await expect(
          store.commitTaskChange({ before: other, after: submitted(other), history: [historyFor(other)], request }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.getTask('changjiang', 'other'))?.status).toBe('pending');
      });

      it('keeps counters right through submit, return, resubmit and approve', async () => {
        const task = makeTask({ dueDate: '2026-03-01' });
        await store.insertTasks([task, makeTask({ id: 'x' })], (candidate) => historyFor(candidate));
        let current = task;
        const step = async (changes: Partial<TaskRecord>) => {
          const next = { ...current, ...changes, version: current.version + 1 };
          await store.commitTaskChange({ before: current, after: next, history: [historyFor(current)] });
          current = next;
        };
        await step({ status: 'submitted', firstSubmittedOn: '2026-04-02', firstSubmittedAt: AT });
        await step({ status: 'returned', reviewComment: '缺少照片' });
        await step({ status: 'submitted' });
        await step({ status: 'approved' });
        await expectCountersAgree(store, 'changjiang', 2026);
        const unit = (await store.listCounters('changjiang', 2026)).find(
          (counter) => counter.scope === 'unit:xijiao' && counter.dueDate === '2026-03-01',
        );
        expect(unit).toMatchObject({ approved: 1, pending: 0, submitted: 0, returned: 0, onTime: 0 });
      });
    });

    describe('withdrawals, requests, exemptions and instructions', () => {
      const extension = (overrides: Partial<ExtensionRequest> = {}): ExtensionRequest => ({
        dueDate: '2027-01-31',
        fromDueDate: '2026-12-31',
        reason: '年底集中述法',
        status: 'pending',
        late: false,
        requestedAt: AT,
        requestedBy: 'o-staff-1',
        requestedByName: '张三',
        decidedAt: null,
        decidedBy: null,
        decidedByName: null,
        comment: null,
        ...overrides,
      });
      const exemption: ExemptionRequest = {
        reason: '本街道无执法事项',
        status: 'approved',
        requestedAt: AT,
        requestedBy: 'o-staff-1',
        requestedByName: '张三',
        decidedAt: AT,
        decidedBy: 'o-reviewer',
        decidedByName: '李四',
        comment: null,
        revokedAt: null,
        revokedByName: null,
        revokeComment: null,
      };
      const instruction = (overrides: Partial<InstructionRecord> = {}): InstructionRecord => ({
        id: 'in-1',
        districtId: 'changjiang',
        unitId: 'xijiao',
        taskId: null,
        text: '全年任务要抓紧',
        authorOpenid: 'o-leader',
        authorName: '赵区长',
        createdAt: AT,
        ...overrides,
      });

      it('keeps a request on the task, finds the tasks with one open, and moves the counters with the due date', async () => {
        const task = makeTask();
        const other = makeTask({ id: 'other', itemNo: 3, unitId: 'hetang' });
        await store.insertTasks([task, other], (candidate) => historyFor(candidate));
        const asked = { ...task, version: 2, extension: extension() };
        await store.commitTaskChange({ before: task, after: asked, history: [historyFor(task)] });
        expect(await store.getTask('changjiang', task.id)).toEqual(asked);
        expect((await store.listTasks('changjiang', { year: 2026, openRequest: true })).map((t) => t.id)).toEqual([
          task.id,
        ]);
        expect(await store.listTasks('changjiang', { year: 2026, openRequest: true, unitId: 'hetang' })).toEqual([]);
        const moved = {
          ...asked,
          version: 3,
          dueDate: '2027-01-31',
          originalDueDate: '2026-12-31',
          extension: extension({ status: 'approved', decidedAt: AT, decidedBy: 'o-reviewer', decidedByName: '李四' }),
        };
        await store.commitTaskChange({ before: asked, after: moved, history: [historyFor(task)] });
        expect(await store.getTask('changjiang', task.id)).toEqual(moved);
        expect(await store.listTasks('changjiang', { year: 2026, openRequest: true })).toEqual([]);
        await expectCountersAgree(store, 'changjiang', 2026);
        const unit = (await store.listCounters('changjiang', 2026)).filter(
          (c) => c.scope === 'unit:xijiao' && c.pending !== 0,
        );
        expect(unit.map((c) => [c.dueDate, c.pending])).toEqual([['2027-01-31', 1]]);
      });

      it('keeps a withdrawal, and the trend’s month counter follows the standing report', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        const sent = { ...submitted(task), statusBeforeSubmit: 'pending' as const };
        await store.commitTaskChange({ before: task, after: sent, history: [historyFor(task)] });
        const month = (await store.listCounters('changjiang', 2026)).filter((c) => c.scope === 'reported-in');
        expect(month.map((c) => [c.dueDate, c.submitted])).toEqual([['2026-11-01', 1]]);
        const back = {
          ...sent,
          version: sent.version + 1,
          status: 'pending' as const,
          statusBeforeSubmit: null,
          withdrawnAt: AT,
          submittedAt: null,
          firstSubmittedAt: null,
          firstSubmittedOn: null,
        };
        await store.commitTaskChange({ before: sent, after: back, history: [historyFor(task)] });
        expect(await store.getTask('changjiang', task.id)).toEqual(back);
        const standing = (await store.listCounters('changjiang', 2026)).filter(
          (c) => c.scope === 'reported-in' && c.submitted !== 0,
        );
        expect(standing).toEqual([]);
        await expectCountersAgree(store, 'changjiang', 2026);
      });

      it('counts an exempt task apart: in its own counter, in no other', async () => {
        const task = makeTask();
        await store.insertTasks([task, makeTask({ id: 'x' })], (candidate) => historyFor(candidate));
        const exempt = { ...task, version: 2, status: 'exempt' as const, exemption };
        await store.commitTaskChange({ before: task, after: exempt, history: [historyFor(task)] });
        expect(await store.getTask('changjiang', task.id)).toEqual(exempt);
        await expectCountersAgree(store, 'changjiang', 2026);
        const [district] = (await store.listCounters('changjiang', 2026)).filter((c) => c.scope === 'district');
        expect(district).toMatchObject({ pending: 1, exempt: 1, submitted: 0, approved: 0, returned: 0, onTime: 0 });
        expect((await store.listTasks('changjiang', { statuses: ['exempt'] })).map((t) => t.id)).toEqual([task.id]);
      });

      it('keeps instructions per unit, newest first; with a task, that task’s and the unit’s', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        const onUnit = instruction();
        const onTask = instruction({
          id: 'in-2',
          taskId: task.id,
          text: '本项重点督办',
          createdAt: '2026-11-29T01:00:00.000Z',
        });
        const onOther = instruction({ id: 'in-3', taskId: 'other-task', createdAt: '2026-11-30T01:00:00.000Z' });
        await store.addInstruction(onUnit);
        await store.commitTaskChange({
          before: task,
          after: { ...task, version: 2 },
          history: [historyFor(task, { action: 'instruction', comment: onTask.text })],
          instruction: onTask,
        });
        await store.addInstruction(onOther);
        await store.addInstruction(instruction({ id: 'in-4', unitId: 'hetang' }));
        await store.addInstruction(instruction({ id: 'in-5', districtId: 'zhushan' }));
        const list = (filter: { taskId?: string; limit?: number } = {}) =>
          store.listInstructions('changjiang', { unitId: 'xijiao', limit: 10, ...filter });
        expect(await list()).toEqual([onOther, onTask, onUnit]);
        expect(await list({ taskId: task.id })).toEqual([onTask, onUnit]);
        expect(await list({ limit: 2 })).toEqual([onOther, onTask]);
        expect(await store.listInstructions('zhushan', { unitId: 'xijiao', limit: 10 })).toHaveLength(1);
        await expect(store.addInstruction(onUnit)).rejects.toBeInstanceOf(StoreConflictError);
        expect(await list()).toHaveLength(3);
      });
    });

    describe('evidence and files', () => {
      it('adds evidence to a task, links it to another and unlinks it', async () => {
        const a = makeTask({ id: 'a', itemNo: 33 });
        const b = makeTask({ id: 'b', itemNo: 34 });
        await store.insertTasks([a, b], (task) => historyFor(task));
        const record = evidence();
        const a2 = { ...a, evidenceCount: 1, version: 2 };
        await store.commitTaskChange({
          before: a,
          after: a2,
          history: [historyFor(a, { action: 'evidence.add' })],
          addEvidence: record,
          link: { districtId: 'changjiang', taskId: 'a', evidenceId: 'ev-1', linkedBy: 'o-staff-1', createdAt: AT },
        });
        const b2 = { ...b, evidenceCount: 1, version: 2 };
        await store.commitTaskChange({
          before: b,
          after: b2,
          history: [historyFor(b, { action: 'evidence.link' })],
          link: { districtId: 'changjiang', taskId: 'b', evidenceId: 'ev-1', linkedBy: 'o-staff-1', createdAt: AT },
        });
        expect(await store.getEvidence('changjiang', 'ev-1')).toEqual(record);
        expect(await store.listEvidenceForTask('changjiang', 'b')).toEqual([record]);
        expect((await store.listLinks('changjiang', 'ev-1')).map((link) => link.taskId).sort()).toEqual(['a', 'b']);
        await expect(
          store.commitTaskChange({
            before: b2,
            after: { ...b2, version: 3 },
            history: [historyFor(b)],
            link: { districtId: 'changjiang', taskId: 'b', evidenceId: 'ev-1', linkedBy: 'o-staff-1', createdAt: AT },
          }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        await store.commitTaskChange({
          before: b2,
          after: { ...b2, evidenceCount: 0, version: 3 },
          history: [historyFor(b, { action: 'evidence.remove' })],
          unlinkEvidenceId: 'ev-1',
        });
        expect(await store.listEvidenceForTask('changjiang', 'b')).toEqual([]);
        expect(await store.listEvidenceForTask('changjiang', 'a')).toEqual([record]);
        expect((await store.getTask('changjiang', 'b'))?.evidenceCount).toBe(0);
      });

      it('keeps file records', async () => {
        const file = {
          fileId: 'f-1',
          districtId: 'changjiang',
          ownerOpenid: 'o',
          unitId: 'xijiao',
          sha256: 'ab'.repeat(32),
          size: 10,
          mime: 'application/pdf',
          name: '方案.pdf',
          createdAt: AT,
        };
        await store.saveFile(file);
        expect(await store.getFile('f-1')).toEqual(file);
        expect(await store.getFile('f-2')).toBeNull();
      });
    });

    describe('reminders, outbox and subscriptions', () => {
      const reminder = (overrides: Partial<ReminderRecord> = {}): ReminderRecord => ({
        id: 'due-3|xijiao-2026-2-annual|2026-12-28|o-staff-1',
        districtId: 'changjiang',
        recipientOpenid: 'o-staff-1',
        unitId: 'xijiao',
        taskId: 'xijiao-2026-2-annual',
        kind: 'due-3',
        title: '第2项 述职述法',
        message: '3天后到期（12月31日），请及时报送',
        dueDate: '2026-12-31',
        date: '2026-12-28',
        createdAt: '2026-12-28T00:00:00.000Z',
        readAt: null,
        ...overrides,
      });

      it('adds a reminder once, however often it is raised', async () => {
        expect(await store.addReminders([reminder()])).toHaveLength(1);
        expect(
          await store.addReminders([reminder(), reminder({ id: 'b', createdAt: '2026-12-29T00:00:00.000Z' })]),
        ).toEqual([reminder({ id: 'b', createdAt: '2026-12-29T00:00:00.000Z' })]);
        const list = await store.listReminders('changjiang', 'o-staff-1', 100);
        expect(list.map((item) => item.id)).toEqual(['b', reminder().id]);
        expect(await store.listReminders('zhushan', 'o-staff-1', 100)).toEqual([]);
        expect(await store.listReminders('changjiang', 'o-other', 100)).toEqual([]);
      });

      it('lists well past one page, newest first, up to the limit asked', async () => {
        const many = Array.from({ length: 130 }, (_, index) =>
          reminder({
            id: `r${String(index).padStart(3, '0')}`,
            createdAt: `2026-12-28T00:00:${String(index % 60).padStart(2, '0')}.${String(index).padStart(3, '0')}Z`,
          }),
        );
        await store.addReminders(many);
        expect(await store.listReminders('changjiang', 'o-staff-1', 120)).toHaveLength(120);
      });

      it('marks reminders read, some or all', async () => {
        await store.addReminders([reminder({ id: 'a' }), reminder({ id: 'b' }), reminder({ id: 'c' })]);
        expect(await store.markRemindersRead('changjiang', 'o-staff-1', ['a'], AT)).toBe(1);
        expect(await store.markRemindersRead('changjiang', 'o-staff-1', ['a'], AT)).toBe(0);
        expect(await store.markRemindersRead('changjiang', 'o-staff-1', 'all', AT)).toBe(2);
        const list = await store.listReminders('changjiang', 'o-staff-1', 10);
        expect(list.every((item) => item.readAt === AT)).toBe(true);
      });

      it('keeps every delivery attempt in the outbox', async () => {
        const entry = {
          id: 'o1',
          districtId: 'changjiang',
          reminderId: 'a',
          recipientOpenid: 'o-staff-1',
          channel: 'subscribe' as const,
          templateId: 'T1',
          status: 'failed' as const,
          detail: '43101',
          payload: { thing1: { value: 'x' } },
          at: AT,
        };
        await store.addOutbox(entry);
        await store.addOutbox({ ...entry, id: 'o2', reminderId: 'b', status: 'sent', detail: 'ok' });
        expect(await store.listOutbox('changjiang', { reminderId: 'a' })).toEqual([entry]);
        expect(await store.listOutbox('changjiang')).toHaveLength(2);
        expect(await store.listOutbox('zhushan')).toEqual([]);
      });

      it('counts one-time subscription credits and spends them one at a time', async () => {
        expect(await store.takeSubscriptionCredit('o-staff-1', 'T1')).toBe(false);
        expect(await store.addSubscriptionCredits('o-staff-1', 'T1', 2)).toBe(2);
        const spent = await Promise.all([1, 2, 3].map(() => store.takeSubscriptionCredit('o-staff-1', 'T1')));
        expect(spent.filter(Boolean)).toHaveLength(2);
        expect(await store.addSubscriptionCredits('o-staff-1', 'T1', 0)).toBe(0);
        expect(await store.addSubscriptionCredits('o-staff-1', 'T2', 1)).toBe(1);
      });
    });

    describe('tenancy', () => {
      it('never shows one district the records of another', async () => {
        const task = makeTask();
        await store.insertTasks([task], (candidate) => historyFor(candidate));
        expect(await store.getTask('zhushan', task.id)).toBeNull();
        expect(await store.listTasks('zhushan', {})).toEqual([]);
        expect(await store.listCounters('zhushan', 2026)).toEqual([]);
        expect(await store.listHistory('zhushan', task.id)).toEqual([]);
        await store.insertTasks([{ ...task, districtId: 'zhushan' }], (candidate) => historyFor(candidate));
        expect(await store.listTasks('zhushan', {})).toHaveLength(1);
        expect(await store.listTasks('changjiang', {})).toHaveLength(1);
      });
    });
  });
}
