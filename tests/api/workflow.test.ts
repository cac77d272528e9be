import { counterDrift } from '../../server/counterDrift';
import { loadDistrictContext } from '../../server/districtContext';
import { recomputeDistrictSummary } from '../../server/recomputeSummary';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { loadCatalog } from '../support/fixtures';

const STAFF = 'o-staff-xijiao';
const REVIEWER = 'o-reviewer-sfj';
const LEADER = 'o-leader';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('the review workflow', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z' });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
    await h.addUser('o-staff-sfj', 'staff', 'sfj', '司法局经办');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  async function taskOf(openid: string, itemNo: number, key = 'annual') {
    const list = await h.ok(openid, 'tasks.list', { year: 2026 });
    const task = list.tasks.find(
      (candidate: { itemNo: number; id: string }) => candidate.itemNo === itemNo && candidate.id.endsWith(key),
    );
    if (!task) throw new Error(`no task for item ${itemNo}`);
    return task;
  }

  it('lists a township its 43 tasks for the year, with lights', async () => {
    const list = await h.ok(STAFF, 'tasks.list', { year: 2026 });
    expect(list.unitName).toBe('西郊街道');
    expect(list.tasks).toHaveLength(43);
    const item1 = list.tasks.filter((task: { itemNo: number }) => task.itemNo === 1);
    expect(item1.map((task: { dueDate: string; light: string }) => [task.dueDate, task.light])).toEqual([
      ['2026-03-01', 'red'],
      ['2026-04-01', 'red'],
    ]);
    const annual = list.tasks.find((task: { itemNo: number }) => task.itemNo === 2);
    expect(annual).toMatchObject({
      dueDate: '2026-12-31',
      light: 'grey',
      status: 'pending',
      title: expect.any(String),
    });
  });

  it('goes pending → submitted → returned → submitted → approved, with history and lights', async () => {
    const task = await taskOf(STAFF, 2);
    const fileId = h.files.put('changjiang', PNG);
    await h.ok(STAFF, 'evidence.add', {
      taskId: task.id,
      fileId,
      name: '会议照片.png',
      size: PNG.length,
      mime: 'image/png',
    });
    const submitted = await h.ok(STAFF, 'report.submit', {
      taskId: task.id,
      note: '已组织述法',
      requestId: 'req-00000001',
    });
    expect(submitted.task).toMatchObject({ status: 'submitted', light: 'blue' });

    const queue = await h.ok(REVIEWER, 'review.queue', { year: 2026 });
    expect(queue.tasks.map((queued: { id: string }) => queued.id)).toEqual([task.id]);

    const noComment = await h.call(REVIEWER, 'report.review', { taskId: task.id, decision: 'return' });
    expect(noComment).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

    await h.ok(REVIEWER, 'report.review', { taskId: task.id, decision: 'return', comment: '请补充述法报告原文' });
    const returned = await h.ok(STAFF, 'tasks.get', { id: task.id });
    expect(returned.task).toMatchObject({ status: 'returned', light: 'yellow', reviewComment: '请补充述法报告原文' });

    await h.ok(STAFF, 'report.submit', { taskId: task.id, requestId: 'req-00000002' });
    const approved = await h.ok(REVIEWER, 'report.review', { taskId: task.id, decision: 'approve' });
    expect(approved.task).toMatchObject({ status: 'approved', light: 'green' });

    const detail = await h.ok(STAFF, 'tasks.get', { id: task.id });
    expect(detail.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'evidence.add',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    expect(detail.history[3]).toMatchObject({
      actorName: '李审核',
      actorRole: 'reviewer',
      fromStatus: 'submitted',
      toStatus: 'returned',
      comment: '请补充述法报告原文',
    });
    expect(detail.evidence).toHaveLength(1);
  });

  it('makes one submission of a request id sent twice', async () => {
    const task = await taskOf(STAFF, 3);
    const payload = { taskId: task.id, note: '已定期听取汇报', requestId: 'req-dup-0001' };
    const [first, second] = await Promise.all([
      h.ok(STAFF, 'report.submit', payload),
      h.ok(STAFF, 'report.submit', payload),
    ]);
    expect(second).toEqual(first);
    const again = await h.ok(STAFF, 'report.submit', payload);
    expect(again).toEqual(first);
    const detail = await h.ok(STAFF, 'tasks.get', { id: task.id });
    expect(detail.history.filter((entry: { action: string }) => entry.action === 'submit')).toHaveLength(1);
  });

  it('refuses to submit with neither evidence nor a note, and changes nothing', async () => {
    const task = await taskOf(STAFF, 4);
    const before = storeSnapshot(h.sqlite);
    const reply = await h.call(STAFF, 'report.submit', { taskId: task.id, requestId: 'req-empty-001' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it('detects concurrent changes to one task: the loser gets CONFLICT, nothing is overwritten', async () => {
    const task = await taskOf(STAFF, 5);
    const files = [h.files.put('changjiang', PNG), h.files.put('changjiang', PNG)];
    const replies = await Promise.all(
      files.map((fileId, index) =>
        h.call(STAFF, 'evidence.add', {
          taskId: task.id,
          fileId,
          name: `照片${index}.png`,
          size: 8,
          mime: 'image/png',
        }),
      ),
    );
    const codes = replies.map((reply) => (reply.ok ? 'ok' : reply.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const detail = await h.ok(STAFF, 'tasks.get', { id: task.id });
    expect(detail.task.evidenceCount).toBe(1);
    expect(detail.evidence).toHaveLength(1);
  });

  it('lets nobody review their own unit, and 区领导 review a lead unit’s own report', async () => {
    const own = await taskOf('o-staff-sfj', 2);
    await h.ok('o-staff-sfj', 'report.submit', { taskId: own.id, note: '本局情况', requestId: 'req-sfj-0001' });
    const denied = await h.call(REVIEWER, 'report.review', { taskId: own.id, decision: 'approve' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核本单位报送的材料' } });
    expect((await h.ok(REVIEWER, 'review.queue', {})).tasks).toEqual([]);
    expect((await h.ok(LEADER, 'review.queue', {})).tasks.map((queued: { id: string }) => queued.id)).toEqual([own.id]);
    await h.ok(LEADER, 'report.review', { taskId: own.id, decision: 'approve' });
  });

  it('reuses one upload for items 33 and 34, and keeps an approved task’s evidence', async () => {
    const item33 = await taskOf(STAFF, 33);
    const item34 = await taskOf(STAFF, 34);
    const fileId = h.files.put('changjiang', PNG);
    const { evidence } = await h.ok(STAFF, 'evidence.add', {
      taskId: item33.id,
      fileId,
      name: '学法会.png',
      size: 8,
      mime: 'image/png',
    });
    await h.ok(STAFF, 'evidence.link', { taskId: item34.id, evidenceId: evidence.id });
    const linkedAgain = await h.call(STAFF, 'evidence.link', { taskId: item34.id, evidenceId: evidence.id });
    expect(linkedAgain).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect((await h.ok(STAFF, 'tasks.get', { id: item34.id })).evidence.map((e: { id: string }) => e.id)).toEqual([
      evidence.id,
    ]);

    await h.ok(STAFF, 'report.submit', { taskId: item33.id, requestId: 'req-33-00001' });
    await h.ok(REVIEWER, 'report.review', { taskId: item33.id, decision: 'approve' });
    const before = storeSnapshot(h.sqlite);
    const removal = await h.call(STAFF, 'evidence.remove', { taskId: item33.id, evidenceId: evidence.id });
    expect(removal).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(storeSnapshot(h.sqlite)).toBe(before);
    await h.ok(STAFF, 'evidence.remove', { taskId: item34.id, evidenceId: evidence.id });
    expect((await h.ok(STAFF, 'tasks.get', { id: item34.id })).evidence).toEqual([]);
  });

  it('records an event as a task of its own, due by the working calendar', async () => {
    const { task } = await h.ok(STAFF, 'events.record', { itemNo: 13, date: '2026-09-30', note: '调整了执法事项' });
    expect(task).toMatchObject({
      itemNo: 13,
      kind: 'event',
      dueDate: '2026-10-13',
      light: 'red',
      eventDate: '2026-09-30',
    });
    const second = await h.ok(STAFF, 'events.record', { itemNo: 13, date: '2026-09-30' });
    expect(second.task.id).toBe(`${task.id}-2`);
    const future = await h.call(STAFF, 'events.record', { itemNo: 25, date: '2026-12-01' });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '事件日期不能晚于今天' } });
    const notEvent = await h.call(STAFF, 'events.record', { itemNo: 2, date: '2026-11-01' });
    expect(notEvent).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  it('keeps history append-only', async () => {
    const task = await taskOf(STAFF, 2);
    await h.ok(STAFF, 'report.submit', { taskId: task.id, note: '已落实', requestId: 'append-only-1' });
    expect(h.sqlite.db.prepare('SELECT COUNT(*) AS n FROM history').get()).toEqual({ n: 2 });
    expect(() => h.sqlite.db.prepare("UPDATE history SET comment = 'x'").run()).toThrow(/append-only/);
    expect(() => h.sqlite.db.prepare('DELETE FROM history').run()).toThrow(/append-only/);
  });
});

describe('the district summary', () => {
  it('gives the month-by-month trend of reports and approvals', async () => {
    const h = await createHarness({ now: '2026-03-10T02:00:00.000Z' });
    try {
      await h.addUser('t-staff', 'staff', 'xijiao');
      await h.addUser('t-reviewer', 'reviewer', 'sfj');
      await h.addUser('t-leader', 'leader', 'zfb');
      const list = await h.ok('t-staff', 'tasks.list', { year: 2026 });
      const [first, second] = list.tasks.filter((task: { itemNo: number }) => task.itemNo === 2 || task.itemNo === 3);
      await h.ok('t-staff', 'report.submit', { taskId: first.id, note: '一月报送', requestId: 'trend-req-01' });
      await h.ok('t-staff', 'report.submit', { taskId: second.id, note: '一月报送', requestId: 'trend-req-02' });
      await h.ok('t-reviewer', 'report.review', { taskId: first.id, decision: 'approve' });
      h.setNow('2026-04-02T02:00:00.000Z');
      await h.ok('t-reviewer', 'report.review', { taskId: second.id, decision: 'approve' });
      const summary = await h.ok('t-leader', 'summary.district', { year: 2026 });
      const total = summary.totals.total;
      expect(summary.trend.map((point: { month: string }) => point.month)).toEqual([
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
      ]);
      expect(summary.trend[2]).toEqual({
        month: '2026-03',
        asOf: '2026-03-31',
        total,
        reported: 2,
        approved: 1,
        completionRate: Math.round((1 / total) * 10000) / 10000,
        reportRate: Math.round((2 / total) * 10000) / 10000,
      });
      expect(summary.trend[3]).toMatchObject({ asOf: '2026-04-02', reported: 2, approved: 2 });
      expect(summary.trend[3].completionRate).toBe(Math.round((2 / total) * 10000) / 10000);
      expect(summary.trend[3].reportRate).toBe(summary.totals.reportRate);
      expect(summary.trend[0]).toEqual({
        month: '2026-01',
        asOf: '2026-01-31',
        total,
        reported: 0,
        approved: 0,
        completionRate: 0,
        reportRate: 0,
      });
      expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('summary from counters against summary recomputed from tasks', () => {
  it('gives the same figures both ways after a busy day', async () => {
    const h = await createHarness({ now: '2026-11-28T02:00:00.000Z' });
    try {
      await h.addUser('c-staff', 'staff', 'hetang');
      await h.addUser('c-reviewer', 'reviewer', 'sfj');
      await h.addUser('c-leader', 'leader', 'zfb');
      const list = await h.ok('c-staff', 'tasks.list', { year: 2026 });
      // 区司法局's reviewer may review only the items 区司法局 leads (by the official list); any other
      // review is refused, and the refusal changes nothing.
      const ledBySfj = new Set(
        loadCatalog()
          .items.filter((item) => item.leadUnits.includes('区司法局'))
          .map((item) => item.no),
      );
      const refused: number[] = [];
      for (const [index, task] of list.tasks.slice(0, 20).entries()) {
        await h.ok('c-staff', 'report.submit', { taskId: task.id, note: '已完成', requestId: `cmp-req-${index}` });
        if (index % 3 === 2) continue;
        const review =
          index % 3 === 0
            ? { taskId: task.id, decision: 'approve' as const }
            : { taskId: task.id, decision: 'return' as const, comment: '补充' };
        const before = storeSnapshot(h.sqlite);
        const reply = await h.call('c-reviewer', 'report.review', review);
        if (ledBySfj.has(task.itemNo)) {
          expect(reply).toMatchObject({
            ok: true,
            data: { task: { id: task.id, status: review.decision === 'approve' ? 'approved' : 'returned' } },
          });
          continue;
        }
        refused.push(task.itemNo);
        expect(reply).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: '只有牵头单位的审核人可以审核这项任务' },
        });
        expect(storeSnapshot(h.sqlite)).toBe(before);
        expect((await h.ok('c-staff', 'tasks.get', { id: task.id })).task.status).toBe('submitted');
      }
      // Among these, only item 7 (led by 区发改委 alone) came to a review and was refused.
      expect(refused).toEqual([7]);
      const fromCounters = await h.ok('c-leader', 'summary.district', { year: 2026 });
      const context = await loadDistrictContext(h.store, 'changjiang');
      const recomputed = await recomputeDistrictSummary(h.api, context, 2026, '2026-11-28');
      expect(recomputed).toEqual(fromCounters);
      expect(fromCounters.totals.approved).toBeGreaterThan(0);
      expect(fromCounters.overdueCount).toBe(fromCounters.totals.overdue);

      // A repeated look is served from the cache, and the next change shows at once.
      expect(await h.ok('c-leader', 'summary.district', { year: 2026 })).toEqual(fromCounters);
      const waiting = (await h.ok('c-reviewer', 'review.queue', {})).tasks[0];
      await h.ok('c-reviewer', 'report.review', { taskId: waiting.id, decision: 'approve' });
      const after = await h.ok('c-leader', 'summary.district', { year: 2026 });
      expect(after.totals.approved).toBe(fromCounters.totals.approved + 1);
      expect(after).toEqual(await recomputeDistrictSummary(h.api, context, 2026, '2026-11-28'));
    } finally {
      await h.close();
    }
  });
});
