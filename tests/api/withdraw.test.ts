import { counterDrift } from '../../server/counterDrift';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';

const STAFF = 'w-staff-xijiao';
const OTHER_STAFF = 'w-staff-hetang';
const REVIEWER = 'w-reviewer-sfj';
const OWN_REVIEWER = 'w-reviewer-xijiao';
const LEADER = 'w-leader';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

const ITEM2 = 'xijiao-2026-2-annual';
const ITEM3 = 'xijiao-2026-3-annual';

describe.each(STORE_ADAPTERS)('撤回 and evidence frozen while submitted (%s store)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z', adapter });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(OTHER_STAFF, 'staff', 'hetang', '荷塘经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(OWN_REVIEWER, 'reviewer', 'xijiao', '西郊审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  const addPhoto = async (taskId: string, name = '照片.png') =>
    (
      await h.ok(STAFF, 'evidence.add', {
        taskId,
        fileId: h.files.put('changjiang', PNG),
        name,
        size: PNG.length,
        mime: 'image/png',
      })
    ).evidence;

  const history = async (taskId: string) =>
    (await h.ok(STAFF, 'tasks.get', { id: taskId })).history.map((entry) => entry.action);

  it('takes a first report back to pending: out of the queue, not on time any more, counters exact', async () => {
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, note: '已述法', requestId: 'w-submit-0001' });
    const before = await h.ok(LEADER, 'summary.district', { year: 2026 });
    expect((await h.ok(REVIEWER, 'review.queue', {})).tasks.map((row) => row.id)).toEqual([ITEM2]);

    const { task } = await h.ok(STAFF, 'report.withdraw', { taskId: ITEM2, requestId: 'w-withdraw-01' });
    expect(task).toMatchObject({
      status: 'pending',
      light: 'grey',
      submittedAt: null,
      firstSubmittedAt: null,
      withdrawnAt: '2026-11-28T02:00:00.000Z',
      note: '已述法',
    });
    expect(await history(ITEM2)).toEqual(['create', 'submit', 'withdraw']);
    const detail = await h.ok(STAFF, 'tasks.get', { id: ITEM2 });
    expect(detail.history[2]).toMatchObject({ actionLabel: '撤回报送', fromStatus: 'submitted', toStatus: 'pending' });
    expect(detail.can).toMatchObject({ work: true, withdraw: false });
    expect((await h.ok(REVIEWER, 'review.queue', {})).tasks).toEqual([]);
    const after = await h.ok(LEADER, 'summary.district', { year: 2026 });
    expect(after.totals.submitted).toBe(before.totals.submitted - 1);
    expect(after.totals.pending).toBe(before.totals.pending + 1);
    expect(after.totals.reported).toBe(before.totals.reported - 1);
  });

  it('refuses a decision on a withdrawn report, saying it was withdrawn, and changes nothing', async () => {
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, note: '已述法', requestId: 'w-submit-0002' });
    await h.ok(STAFF, 'report.withdraw', { taskId: ITEM2, requestId: 'w-withdraw-02' });
    const snapshot = h.snapshot();
    const reply = await h.call(REVIEWER, 'report.review', { taskId: ITEM2, decision: 'approve' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    if (!reply.ok) expect(reply.error.message).toContain('撤回');
    expect(h.snapshot()).toBe(snapshot);
  });

  it('takes a resubmission back to returned, with the review comment, keeping the first report’s date', async () => {
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, note: '第一次', requestId: 'w-submit-0003' });
    await h.ok(REVIEWER, 'report.review', { taskId: ITEM2, decision: 'return', comment: '请补充照片' });
    h.setNow('2026-11-29T02:00:00.000Z');
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, note: '第二次', requestId: 'w-submit-0004' });
    const { task } = await h.ok(STAFF, 'report.withdraw', { taskId: ITEM2, requestId: 'w-withdraw-03' });
    expect(task).toMatchObject({
      status: 'returned',
      light: 'yellow',
      reviewComment: '请补充照片',
      firstSubmittedAt: '2026-11-28T02:00:00.000Z',
    });
    expect(await history(ITEM2)).toEqual(['create', 'submit', 'return', 'submit', 'withdraw']);
  });

  it('makes one withdrawal of a request id sent twice, at once or later', async () => {
    await h.ok(STAFF, 'report.submit', { taskId: ITEM3, note: '已落实', requestId: 'w-submit-0005' });
    const payload = { taskId: ITEM3, requestId: 'w-withdraw-dup' };
    const [first, second] = await Promise.all([
      h.ok(STAFF, 'report.withdraw', payload),
      h.ok(STAFF, 'report.withdraw', payload),
    ]);
    expect(second).toEqual(first);
    expect(await h.ok(STAFF, 'report.withdraw', payload)).toEqual(first);
    expect((await history(ITEM3)).filter((action) => action === 'withdraw')).toHaveLength(1);
    // A request id already used for something else is refused, not taken for that.
    const reused = await h.call(STAFF, 'report.withdraw', { taskId: ITEM3, requestId: 'w-submit-0005' });
    expect(reused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const resent = await h.call(STAFF, 'report.submit', { taskId: ITEM3, requestId: 'w-withdraw-dup' });
    expect(resent).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('lets the unit’s own people withdraw, and nobody else; nothing else can be withdrawn', async () => {
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, note: '已述法', requestId: 'w-submit-0006' });
    const snapshot = h.snapshot();
    for (const openid of [OTHER_STAFF, REVIEWER, LEADER]) {
      const reply = await h.call(openid, 'report.withdraw', { taskId: ITEM2, requestId: `w-deny-${openid}` });
      expect([openid, reply]).toMatchObject([openid, { ok: false, error: { code: 'FORBIDDEN' } }]);
    }
    const pending = await h.call(STAFF, 'report.withdraw', { taskId: ITEM3, requestId: 'w-pending-01' });
    expect(pending).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(h.snapshot()).toBe(snapshot);

    await h.ok(REVIEWER, 'report.review', { taskId: ITEM2, decision: 'approve' });
    const approved = await h.call(STAFF, 'report.withdraw', { taskId: ITEM2, requestId: 'w-approved-1' });
    expect(approved).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('审核通过') },
    });
    // The unit's own reviewer works its tasks as staff do.
    await h.ok(OWN_REVIEWER, 'report.submit', { taskId: ITEM3, note: '本单位审核人报送', requestId: 'w-submit-0007' });
    await h.ok(OWN_REVIEWER, 'report.withdraw', { taskId: ITEM3, requestId: 'w-withdraw-04' });
  });

  it('freezes the evidence while submitted: add, link and remove say to withdraw first', async () => {
    const photo = await addPhoto(ITEM2, '述法会.png');
    const other = await addPhoto(ITEM3, '听取汇报.png');
    await h.ok(STAFF, 'report.submit', { taskId: ITEM2, requestId: 'w-submit-0008' });
    const snapshot = h.snapshot();
    const attempts = [
      h.call(STAFF, 'evidence.remove', { taskId: ITEM2, evidenceId: photo.id }),
      h.call(STAFF, 'evidence.link', { taskId: ITEM2, evidenceId: other.id }),
      h.call(STAFF, 'evidence.add', {
        taskId: ITEM2,
        fileId: h.files.put('changjiang', PNG),
        name: '又一张.png',
        size: PNG.length,
        mime: 'image/png',
      }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
      if (!reply.ok) expect(reply.error.message).toContain('请先撤回报送，再修改材料');
    }
    expect(h.snapshot()).toBe(snapshot);
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM2 })).task.evidenceCount).toBe(1);

    await h.ok(STAFF, 'report.withdraw', { taskId: ITEM2, requestId: 'w-withdraw-05' });
    await h.ok(STAFF, 'evidence.remove', { taskId: ITEM2, evidenceId: photo.id });
    await h.ok(STAFF, 'evidence.link', { taskId: ITEM2, evidenceId: other.id });
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM2 })).evidence.map((e) => e.name)).toEqual(['听取汇报.png']);
  });
});
