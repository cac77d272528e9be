import { counterDrift } from '../../server/counterDrift';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';

const XIJIAO = 'q-staff-xijiao';
const HETANG = 'q-staff-hetang';
const REVIEWER = 'q-reviewer-sfj';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe.each(STORE_ADAPTERS)('the review queue that can be worked (%s store)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    clock = Date.parse('2026-11-20T02:00:00.000Z');
    h = await createHarness({ now: '2026-11-20T02:00:00.000Z', adapter });
    await h.addUser(XIJIAO, 'staff', 'xijiao', '西郊经办');
    await h.addUser(HETANG, 'staff', 'hetang', '荷塘经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  const photo = (openid: string, taskId: string, name: string) =>
    h.ok(openid, 'evidence.add', {
      taskId,
      fileId: h.files.put('changjiang', PNG),
      name,
      size: PNG.length,
      mime: 'image/png',
    });
  let clock = 0;
  const later = () => h.setNow(new Date((clock += 60_000)).toISOString());

  it('filters by unit, item and kind; resubmissions first, with what changed since the return', async () => {
    const [x2, x3, t2] = ['xijiao-2026-2-annual', 'xijiao-2026-3-annual', 'hetang-2026-2-annual'];
    const old = await photo(XIJIAO, x2, '旧照片.png');
    await h.ok(XIJIAO, 'report.submit', { taskId: x2, note: '第一次说明', requestId: 'q-submit-01' });
    later();
    await h.ok(HETANG, 'report.submit', { taskId: t2, note: '荷塘乡说明', requestId: 'q-submit-02' });
    later();
    await h.ok(XIJIAO, 'report.submit', { taskId: x3, note: '听取汇报', requestId: 'q-submit-03' });
    later();
    await h.ok(HETANG, 'extension.request', { taskId: 'hetang-2026-5-annual', dueDate: '2027-01-31', reason: '理由' });

    const first = await h.ok(REVIEWER, 'review.queue', {});
    expect(first.tasks.map((row) => [row.id, row.queueKind, row.resubmitted])).toEqual([
      [x2, 'report', false],
      [t2, 'report', false],
      [x3, 'report', false],
      ['hetang-2026-5-annual', 'extension', false],
    ]);
    expect(first.counts).toEqual({ report: 3, extension: 1, exemption: 0 });

    // Returned, fixed and sent again: it goes to the front, saying what changed.
    later();
    await h.ok(REVIEWER, 'report.review', { taskId: x2, decision: 'return', comment: '照片不清楚' });
    later();
    await h.ok(XIJIAO, 'evidence.remove', { taskId: x2, evidenceId: old.evidence.id });
    await photo(XIJIAO, x2, '新照片.png');
    await photo(XIJIAO, x2, '临时.png').then((added) =>
      h.ok(XIJIAO, 'evidence.remove', { taskId: x2, evidenceId: added.evidence.id }),
    );
    await h.ok(XIJIAO, 'report.submit', { taskId: x2, note: '补充了清晰照片', requestId: 'q-submit-04' });
    const queue = await h.ok(REVIEWER, 'review.queue', {});
    expect(queue.tasks.map((row) => [row.id, row.resubmitted])).toEqual([
      [x2, true],
      [t2, false],
      [x3, false],
      ['hetang-2026-5-annual', false],
    ]);
    expect(queue.tasks[0].changesSinceReturn).toEqual({
      returnedAt: expect.any(String),
      returnComment: '照片不清楚',
      added: ['新照片.png'],
      removed: ['旧照片.png'],
      noteChanged: true,
    });
    expect((await h.ok(REVIEWER, 'tasks.get', { id: x2 })).changesSinceReturn).toEqual(
      queue.tasks[0].changesSinceReturn,
    );

    const ids = async (payload: Record<string, unknown>) =>
      (await h.ok(REVIEWER, 'review.queue', payload)).tasks.map((row) => row.id);
    expect(await ids({ unitId: 'hetang' })).toEqual([t2, 'hetang-2026-5-annual']);
    expect(await ids({ itemNo: 3 })).toEqual([x3]);
    expect(await ids({ unitId: 'xijiao', itemNo: 2 })).toEqual([x2]);
    expect(await ids({ kind: 'extension' })).toEqual(['hetang-2026-5-annual']);
    expect(await ids({ kind: 'exemption' })).toEqual([]);
    // An item 区司法局 does not lead is never in its queue, filter or not.
    expect(await ids({ itemNo: 7 })).toEqual([]);
    expect((await h.ok(REVIEWER, 'review.queue', { unitId: 'hetang', kind: 'report' })).counts).toEqual({
      report: 1,
      extension: 1,
      exemption: 0,
    });
  });

  it('says after 报送 who reviews it, and that the clerk will be told', async () => {
    const { task } = await h.ok(XIJIAO, 'report.submit', {
      taskId: 'xijiao-2026-2-annual',
      note: '已述法',
      requestId: 'q-submit-05',
    });
    expect(task).toMatchObject({ status: 'submitted', reviewerUnits: ['区司法局'], reviewedByLeaders: false });
    const item9 = (await h.ok(XIJIAO, 'tasks.list', { year: 2026 })).tasks.find((row) => row.itemNo === 9)!;
    expect((await h.ok(XIJIAO, 'tasks.get', { id: item9.id })).task.reviewerUnits.sort()).toEqual(
      ['区政府办公室', '区司法局'].sort(),
    );
    // … and is told of the decision, whichever it is.
    await h.ok(REVIEWER, 'report.review', { taskId: 'xijiao-2026-2-annual', decision: 'approve', comment: '材料齐全' });
    const [told] = (await h.ok(XIJIAO, 'reminders.list', {})).reminders;
    expect(told).toMatchObject({ kind: 'approved', taskId: 'xijiao-2026-2-annual', message: '已审核通过：材料齐全' });
    await h.addUser('q-staff-sfj', 'staff', 'sfj');
    const own = await h.ok('q-staff-sfj', 'tasks.get', { id: 'sfj-2026-2-annual' });
    expect(own.task).toMatchObject({ reviewerUnits: [], reviewedByLeaders: true });
  });
});
