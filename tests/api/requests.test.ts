import { counterDrift } from '../../server/counterDrift';
import { runReminderJob } from '../../server/reminders/job';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';

const STAFF = 'r-staff-xijiao';
const OTHER_STAFF = 'r-staff-hetang';
const LEAD_STAFF = 'r-staff-sfj';
const REVIEWER = 'r-reviewer-sfj';
const ZFB_REVIEWER = 'r-reviewer-zfb';
const OTHER_REVIEWER = 'r-reviewer-czj';
const LEADER = 'r-leader';
const ADMIN = 'r-admin';

/** 西郊街道's tasks: item 2 due 12-31 (区司法局 leads), item 1 due 03-01 (past), item 9 led by two units. */
const ITEM2 = 'xijiao-2026-2-annual';
const ITEM3 = 'xijiao-2026-3-annual';
const ITEM5 = 'xijiao-2026-5-annual';
const PAST = 'xijiao-2026-1-d0301';
/** 区司法局's own task on an item it leads alone. */
const SFJ_OWN = 'sfj-2026-2-annual';

describe.each(STORE_ADAPTERS)('延期 and 不涉及 requests (%s store)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z', adapter });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(OTHER_STAFF, 'staff', 'hetang', '荷塘经办');
    await h.addUser(LEAD_STAFF, 'staff', 'sfj', '司法局经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(ZFB_REVIEWER, 'reviewer', 'zfb', '政府办审核');
    await h.addUser(OTHER_REVIEWER, 'reviewer', 'czj', '财政局审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
    await h.addUser(ADMIN, 'admin', 'sfj', '钱管理');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  const reminders = async (openid: string) => (await h.ok(openid, 'reminders.list', {})).reminders;
  const refused = async (openid: string, action: string, payload: unknown, code: string, message?: string) => {
    const snapshot = h.snapshot();
    const reply = await h.call(openid, action, payload);
    expect([action, openid, reply]).toMatchObject([action, openid, { ok: false, error: { code } }]);
    if (message && !reply.ok) expect(reply.error.message).toContain(message);
    expect(h.snapshot()).toBe(snapshot);
  };

  describe('延期', () => {
    it('keeps the due date until approved; approved, the new date counts and the first is kept', async () => {
      const { task } = await h.ok(STAFF, 'extension.request', {
        taskId: ITEM2,
        dueDate: '2027-01-31',
        reason: '年底集中述法，会议安排在一月',
      });
      expect(task).toMatchObject({
        dueDate: '2026-12-31',
        originalDueDate: null,
        openRequest: 'extension',
        extension: {
          dueDate: '2027-01-31',
          fromDueDate: '2026-12-31',
          reason: '年底集中述法，会议安排在一月',
          status: 'pending',
          late: false,
          requestedByName: '王经办',
          decidedAt: null,
          comment: null,
        },
        reviewerUnits: ['区司法局'],
        reviewedByLeaders: false,
      });
      const [asked] = await reminders(REVIEWER);
      expect(asked).toMatchObject({ kind: 'extension-requested', kindLabel: '延期申请', taskId: ITEM2 });
      expect(asked.message).toContain('西郊街道申请延期至1月31日');
      expect(await reminders(OTHER_REVIEWER)).toEqual([]);

      const queue = await h.ok(REVIEWER, 'review.queue', {});
      expect(queue.tasks.map((row) => [row.id, row.queueKind])).toEqual([[ITEM2, 'extension']]);
      expect(queue.counts).toEqual({ report: 0, extension: 1, exemption: 0 });
      expect((await h.ok(REVIEWER, 'tasks.get', { id: ITEM2 })).can).toMatchObject({ decideRequest: true });

      const { task: approved } = await h.ok(REVIEWER, 'extension.decide', {
        taskId: ITEM2,
        decision: 'approve',
        comment: '同意',
      });
      expect(approved).toMatchObject({
        dueDate: '2027-01-31',
        originalDueDate: '2026-12-31',
        openRequest: null,
        extension: { status: 'approved', decidedByName: '李审核', comment: '同意' },
      });
      const [told] = await reminders(STAFF);
      expect(told).toMatchObject({ kind: 'extension-approved', dueDate: '2027-01-31' });
      expect(told.message).toContain('截止日期改为1月31日');
      // The counters moved to the new due date.
      const unit = (await h.store.listCounters('changjiang', 2026)).filter(
        (counter) => counter.scope === 'unit:xijiao' && counter.dueDate === '2027-01-31',
      );
      expect(unit).toMatchObject([{ pending: 1 }]);
      const detail = await h.ok(STAFF, 'tasks.get', { id: ITEM2 });
      expect(detail.history.map((entry) => entry.actionLabel)).toEqual(['生成任务', '申请延期', '同意延期']);
      expect(detail.history[2].detail).toBe('截止日期由2026-12-31改为2027-01-31');
      expect((await h.ok(REVIEWER, 'review.queue', {})).tasks).toEqual([]);
    });

    it('allows a request after the due date and says it is late; approved, the task is no longer overdue', async () => {
      const before = await h.ok(LEADER, 'summary.district', { year: 2026 });
      const { task } = await h.ok(STAFF, 'extension.request', {
        taskId: PAST,
        dueDate: '2026-12-20',
        reason: '材料整理中',
      });
      expect(task).toMatchObject({ light: 'red', extension: { late: true } });
      const detail = await h.ok(STAFF, 'tasks.get', { id: PAST });
      expect(detail.history[1].detail).toContain('已逾期后申请');
      expect((await reminders(REVIEWER))[0].message).toContain('已逾期后申请');
      const { task: approved } = await h.ok(REVIEWER, 'extension.decide', { taskId: PAST, decision: 'approve' });
      expect(approved).toMatchObject({ dueDate: '2026-12-20', originalDueDate: '2026-03-01', light: 'grey' });
      const after = await h.ok(LEADER, 'summary.district', { year: 2026 });
      expect(after.overdueCount).toBe(before.overdueCount - 1);
      expect(after.totals.due).toBe(before.totals.due - 1);
      expect(after.overdue.some((row) => row.id === PAST)).toBe(false);
    });

    it('refuses with a comment only; the due date stays and the unit is told why', async () => {
      await h.ok(STAFF, 'extension.request', { taskId: ITEM2, dueDate: '2027-01-15', reason: '人手不足' });
      await refused(REVIEWER, 'extension.decide', { taskId: ITEM2, decision: 'refuse' }, 'INVALID_ARGUMENT', '理由');
      await refused(
        REVIEWER,
        'extension.decide',
        { taskId: ITEM2, decision: 'refuse', comment: '  ' },
        'INVALID_ARGUMENT',
      );
      const { task } = await h.ok(REVIEWER, 'extension.decide', {
        taskId: ITEM2,
        decision: 'refuse',
        comment: '年度任务须按期完成',
      });
      expect(task).toMatchObject({ dueDate: '2026-12-31', originalDueDate: null, extension: { status: 'refused' } });
      expect((await reminders(STAFF))[0]).toMatchObject({ kind: 'extension-refused' });
      expect((await reminders(STAFF))[0].message).toContain('年度任务须按期完成');
      await refused(REVIEWER, 'extension.decide', { taskId: ITEM2, decision: 'approve' }, 'FAILED_PRECONDITION');
      // A refused request can be followed by a new one.
      await h.ok(STAFF, 'extension.request', { taskId: ITEM2, dueDate: '2027-01-10', reason: '补充理由' });
    });

    it('allows one open request per task, and only a later date within the next year', async () => {
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM2, dueDate: '2026-12-31', reason: '理由' },
        'INVALID_ARGUMENT',
      );
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM2, dueDate: '2028-01-01', reason: '理由' },
        'INVALID_ARGUMENT',
      );
      await refused(
        STAFF,
        'extension.request',
        { taskId: PAST, dueDate: '2026-11-27', reason: '理由' },
        'INVALID_ARGUMENT',
        '晚于今天',
      );
      await h.ok(STAFF, 'extension.request', { taskId: ITEM2, dueDate: '2027-01-31', reason: '理由' });
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM2, dueDate: '2027-02-28', reason: '再申请' },
        'FAILED_PRECONDITION',
        '已有一个待审批的延期申请',
      );
      await refused(STAFF, 'exemption.request', { taskId: ITEM2, reason: '不涉及' }, 'FAILED_PRECONDITION', '待审批');
    });

    it('is asked by the unit’s own people and decided by the lead unit or a leader, never by the unit itself', async () => {
      for (const openid of [OTHER_STAFF, LEAD_STAFF, REVIEWER, LEADER, ADMIN]) {
        await refused(
          openid,
          'extension.request',
          { taskId: ITEM2, dueDate: '2027-01-31', reason: '理由' },
          'FORBIDDEN',
        );
      }
      await h.ok(STAFF, 'extension.request', { taskId: ITEM2, dueDate: '2027-01-31', reason: '理由' });
      for (const openid of [STAFF, OTHER_STAFF, LEAD_STAFF, OTHER_REVIEWER, ZFB_REVIEWER, ADMIN]) {
        await refused(openid, 'extension.decide', { taskId: ITEM2, decision: 'approve' }, 'FORBIDDEN');
      }
      await h.ok(LEADER, 'extension.decide', { taskId: ITEM2, decision: 'approve' });

      // 区司法局's own request: its reviewer may not decide it (a unit cannot approve its own request).
      await h.ok(LEAD_STAFF, 'extension.request', { taskId: SFJ_OWN, dueDate: '2027-01-31', reason: '本局安排' });
      await refused(
        REVIEWER,
        'extension.decide',
        { taskId: SFJ_OWN, decision: 'approve' },
        'FORBIDDEN',
        '不能审批本单位提出的申请',
      );
      expect((await h.ok(REVIEWER, 'review.queue', {})).tasks).toEqual([]);
      // It goes to the leaders instead, and reminds them.
      expect((await reminders(LEADER)).map((reminder) => reminder.kind)).toContain('extension-requested');
      expect((await h.ok(LEADER, 'review.queue', {})).tasks.map((row) => [row.id, row.queueKind])).toEqual([
        [SFJ_OWN, 'extension'],
      ]);
      await h.ok(LEADER, 'extension.decide', { taskId: SFJ_OWN, decision: 'refuse', comment: '按期完成' });
    });

    it('reaches every lead unit of an item led by two, and either may decide', async () => {
      const item9 = (await h.ok(STAFF, 'tasks.list', { year: 2026 })).tasks.find((task) => task.itemNo === 9)!;
      await h.ok(STAFF, 'extension.request', { taskId: item9.id, dueDate: '2027-01-31', reason: '理由' });
      expect((await reminders(REVIEWER)).map((reminder) => reminder.kind)).toEqual(['extension-requested']);
      expect((await reminders(ZFB_REVIEWER)).map((reminder) => reminder.kind)).toEqual(['extension-requested']);
      expect((await h.ok(ZFB_REVIEWER, 'review.queue', {})).tasks.map((row) => row.id)).toEqual([item9.id]);
      await h.ok(ZFB_REVIEWER, 'extension.decide', { taskId: item9.id, decision: 'approve' });
      await refused(REVIEWER, 'extension.decide', { taskId: item9.id, decision: 'approve' }, 'FAILED_PRECONDITION');
    });

    it('is not asked of a submitted, approved or exempt task', async () => {
      await h.ok(STAFF, 'report.submit', { taskId: ITEM3, note: '已落实', requestId: 'r-submit-0001' });
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM3, dueDate: '2027-01-31', reason: '理由' },
        'FAILED_PRECONDITION',
        '撤回',
      );
      await h.ok(REVIEWER, 'report.review', { taskId: ITEM3, decision: 'approve' });
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM3, dueDate: '2027-01-31', reason: '理由' },
        'FAILED_PRECONDITION',
      );
    });
  });

  describe('不涉及', () => {
    it('approved: grey, out of every total and rate, no reminders; counters exact', async () => {
      const beforeDistrict = await h.ok(LEADER, 'summary.district', { year: 2026 });
      const beforeUnit = await h.ok(STAFF, 'summary.unit', { unitId: 'xijiao', year: 2026 });
      const { task } = await h.ok(STAFF, 'exemption.request', { taskId: ITEM5, reason: '本街道无相关执法事项' });
      expect(task).toMatchObject({ status: 'pending', openRequest: 'exemption', exemption: { status: 'pending' } });
      expect((await reminders(REVIEWER))[0]).toMatchObject({ kind: 'exemption-requested', kindLabel: '不涉及申请' });
      const queue = await h.ok(REVIEWER, 'review.queue', { kind: 'exemption' });
      expect(queue.tasks.map((row) => [row.id, row.queueKind, row.exemption?.reason])).toEqual([
        [ITEM5, 'exemption', '本街道无相关执法事项'],
      ]);

      const { task: exempt } = await h.ok(REVIEWER, 'exemption.decide', { taskId: ITEM5, decision: 'approve' });
      expect(exempt).toMatchObject({ status: 'exempt', light: 'grey', exemption: { status: 'approved' } });
      expect((await reminders(STAFF))[0]).toMatchObject({ kind: 'exemption-approved' });

      const district = await h.ok(LEADER, 'summary.district', { year: 2026 });
      expect(district.totals.total).toBe(beforeDistrict.totals.total - 1);
      expect(district.totals.pending).toBe(beforeDistrict.totals.pending - 1);
      expect(district.totals.exempt).toBe(1);
      const { totals } = district;
      expect(totals.total).toBe(totals.approved + totals.submitted + totals.returned + totals.pending);
      const xijiao = district.units.find((unit) => unit.unitId === 'xijiao')!;
      expect([xijiao.total, xijiao.exempt]).toEqual([beforeUnit.totals.total - 1, 1]);
      const unit = await h.ok(STAFF, 'summary.unit', { unitId: 'xijiao', year: 2026 });
      expect(unit.totals.total).toBe(beforeUnit.totals.total - 1);
      expect(unit.totals.exempt).toBe(1);

      // Nothing to report: no due reminders for it, no evidence, no submission.
      h.setNow('2026-12-24T00:00:00.000Z');
      await runReminderJob(h.api, '2026-12-24');
      const due = (await reminders(STAFF)).filter((reminder) => reminder.kind === 'due-7');
      expect(due.length).toBeGreaterThan(0);
      expect(due.some((reminder) => reminder.taskId === ITEM5)).toBe(false);
      await refused(
        STAFF,
        'report.submit',
        { taskId: ITEM5, note: 'x', requestId: 'r-submit-0002' },
        'FAILED_PRECONDITION',
        '不涉及',
      );
      await refused(
        STAFF,
        'evidence.add',
        {
          taskId: ITEM5,
          fileId: h.files.put('changjiang', Buffer.from('89504e470d0a1a0a', 'hex')),
          name: 'a.png',
          size: 8,
          mime: 'image/png',
        },
        'FAILED_PRECONDITION',
      );
      await refused(
        STAFF,
        'extension.request',
        { taskId: ITEM5, dueDate: '2027-01-31', reason: '理由' },
        'FAILED_PRECONDITION',
      );
    });

    it('is revoked by the lead unit with a comment: pending again, counted again', async () => {
      await h.ok(STAFF, 'exemption.request', { taskId: ITEM5, reason: '不涉及' });
      await h.ok(REVIEWER, 'exemption.decide', { taskId: ITEM5, decision: 'approve' });
      const exempt = await h.ok(LEADER, 'summary.district', { year: 2026 });
      expect((await h.ok(REVIEWER, 'tasks.get', { id: ITEM5 })).can).toMatchObject({ revokeExemption: true });
      for (const openid of [STAFF, OTHER_REVIEWER, ADMIN]) {
        await refused(openid, 'exemption.revoke', { taskId: ITEM5, comment: '经核实涉及' }, 'FORBIDDEN');
      }
      await refused(REVIEWER, 'exemption.revoke', { taskId: ITEM5, comment: ' ' }, 'INVALID_ARGUMENT');
      const { task } = await h.ok(REVIEWER, 'exemption.revoke', { taskId: ITEM5, comment: '经核实涉及' });
      expect(task).toMatchObject({
        status: 'pending',
        exemption: { status: 'revoked', revokeComment: '经核实涉及', revokedByName: '李审核' },
      });
      expect((await reminders(STAFF))[0]).toMatchObject({ kind: 'exemption-revoked' });
      expect((await reminders(STAFF))[0].message).toContain('经核实涉及');
      const again = await h.ok(LEADER, 'summary.district', { year: 2026 });
      expect(again.totals.total).toBe(exempt.totals.total + 1);
      expect(again.totals.exempt).toBe(0);
      await refused(REVIEWER, 'exemption.revoke', { taskId: ITEM5, comment: '再撤' }, 'FAILED_PRECONDITION');
      const history = (await h.ok(STAFF, 'tasks.get', { id: ITEM5 })).history;
      expect(history.map((entry) => entry.action)).toEqual([
        'create',
        'exemption.request',
        'exemption.approve',
        'exemption.revoke',
      ]);
      expect(history[2]).toMatchObject({ fromStatus: 'pending', toStatus: 'exempt', actionLabel: '同意不涉及' });
    });

    it('is refused with a comment only, and stays to be reported', async () => {
      await h.ok(STAFF, 'exemption.request', { taskId: ITEM5, reason: '不涉及' });
      await refused(REVIEWER, 'exemption.decide', { taskId: ITEM5, decision: 'refuse' }, 'INVALID_ARGUMENT');
      const { task } = await h.ok(REVIEWER, 'exemption.decide', {
        taskId: ITEM5,
        decision: 'refuse',
        comment: '街道同样承担此项工作',
      });
      expect(task).toMatchObject({
        status: 'pending',
        exemption: { status: 'refused', comment: '街道同样承担此项工作' },
      });
      expect((await reminders(STAFF))[0]).toMatchObject({ kind: 'exemption-refused' });
    });

    it('cannot be approved once the report is sent: withdraw first', async () => {
      await h.ok(STAFF, 'exemption.request', { taskId: ITEM5, reason: '不涉及' });
      await h.ok(STAFF, 'report.submit', { taskId: ITEM5, note: '还是报送', requestId: 'r-submit-0003' });
      const queue = await h.ok(REVIEWER, 'review.queue', {});
      expect(queue.tasks.map((row) => row.queueKind).sort()).toEqual(['exemption', 'report']);
      await refused(
        REVIEWER,
        'exemption.decide',
        { taskId: ITEM5, decision: 'approve' },
        'FAILED_PRECONDITION',
        '撤回',
      );
      await h.ok(STAFF, 'report.withdraw', { taskId: ITEM5, requestId: 'r-withdraw-01' });
      await h.ok(REVIEWER, 'exemption.decide', { taskId: ITEM5, decision: 'approve' });
    });

    it('is asked and decided by the right people only', async () => {
      for (const openid of [OTHER_STAFF, REVIEWER, LEADER, ADMIN]) {
        await refused(openid, 'exemption.request', { taskId: ITEM5, reason: '不涉及' }, 'FORBIDDEN');
      }
      await h.ok(STAFF, 'exemption.request', { taskId: ITEM5, reason: '不涉及' });
      for (const openid of [STAFF, OTHER_STAFF, OTHER_REVIEWER, ADMIN]) {
        await refused(openid, 'exemption.decide', { taskId: ITEM5, decision: 'approve' }, 'FORBIDDEN');
      }
      await h.ok(LEAD_STAFF, 'exemption.request', { taskId: 'sfj-2026-5-annual', reason: '本局牵头' });
      await refused(
        REVIEWER,
        'exemption.decide',
        { taskId: 'sfj-2026-5-annual', decision: 'approve' },
        'FORBIDDEN',
        '不能审批本单位提出的申请',
      );
    });
  });
});
