import { BIND_FAILURES_ALLOWED } from '../../server/handlers/sessionBind';
import { MAX_SUBSCRIPTION_CREDITS } from '../../server/handlers/remindersSubscribe';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { makePng } from '../support/sampleFiles';

/**
 * What an attacker tried against the server and what must hold (issue 13): each case failed
 * before and is refused now, leaving the store as it was.
 */
const messageOf = (reply: { ok: boolean }) =>
  reply.ok ? '' : (reply as unknown as { error: { message: string } }).error.message;

describe('the server refuses what a hostile or careless caller sends', () => {
  let h: Harness;
  const HETANG = 'sec-staff-hetang';
  const LIYANG = 'sec-staff-liyang';
  const REVIEWER = 'sec-reviewer-fgw';
  const ADMIN = 'sec-admin';

  beforeAll(async () => {
    h = await createHarness();
    await h.addUser(HETANG, 'staff', 'hetang', '荷塘经办');
    await h.addUser(LIYANG, 'staff', 'liyang', '丽阳经办');
    await h.addUser(REVIEWER, 'reviewer', 'fgw', '发改委审核');
    await h.addUser(ADMIN, 'admin', 'sfj', '管理员');
  });
  afterAll(() => h.close());

  const firstTask = async (openid: string, itemNo = 2) =>
    (await h.ok(openid, 'tasks.list', { year: 2026 })).tasks.find((task) => task.itemNo === itemNo)!;

  it('attaches only files the caller’s own unit uploaded; another unit reuses them through evidence.link only', async () => {
    const liyangFile = h.files.put('changjiang', makePng(), 'image/png', 'liyang', LIYANG);
    const exportFile = await h.files.save('changjiang', '全区进展.xlsx', makePng(), 'image/png');
    const task = await firstTask(HETANG);
    for (const fileId of [liyangFile, exportFile]) {
      const before = storeSnapshot(h.sqlite);
      expect(
        await h.call(HETANG, 'evidence.add', { taskId: task.id, fileId, name: 'x.png', size: 1, mime: 'image/png' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该文件，请重新上传' } });
      expect(storeSnapshot(h.sqlite)).toBe(before);
    }
    // 丽阳 attaches its own file, and 荷塘 still cannot link it (it may not see 丽阳's tasks).
    const liyangTask = await firstTask(LIYANG);
    const { evidence } = await h.ok(LIYANG, 'evidence.add', {
      taskId: liyangTask.id,
      fileId: liyangFile,
      name: '丽阳照片.png',
      size: 1,
      mime: 'image/png',
    });
    expect(await h.call(HETANG, 'evidence.link', { taskId: task.id, evidenceId: evidence.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('names uploaders in replies, never by their openid', async () => {
    const task = await firstTask(HETANG, 3);
    const fileId = h.files.put('changjiang', makePng(), 'image/png', 'hetang', HETANG);
    await h.ok(HETANG, 'evidence.add', { taskId: task.id, fileId, name: '会议.png', size: 1, mime: 'image/png' });
    const detail = await h.ok(HETANG, 'tasks.get', { id: task.id });
    expect(detail.evidence[0].uploaderName).toBe('荷塘经办');
    expect(JSON.stringify(detail)).not.toContain(HETANG);
  });

  it.each([
    ['year 100', '0100-03-01'],
    ['2000, before the district began', '2000-01-01'],
  ])('refuses an event dated %s, and stores nothing', async (_what, date) => {
    const before = storeSnapshot(h.sqlite);
    const reply = await h.call(HETANG, 'events.record', { itemNo: 25, date });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(messageOf(reply)).toContain('2026');
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['VT', '\u000b'],
    ['a right-to-left override', '\u202e'],
    ['a bidi isolate', '\u2066'],
  ])('refuses %s in typed text (notes, comments, unit and person names)', async (_what, char) => {
    const task = await firstTask(HETANG, 4);
    const before = storeSnapshot(h.sqlite);
    const attempts = [
      h.call(HETANG, 'report.submit', { taskId: task.id, note: `已落实${char}`, requestId: 'sec-note-0001' }),
      h.call(ADMIN, 'admin.units.upsert', { unit: { name: `新单位${char}`, kind: 'department' } }),
      h.call('sec-newcomer', 'session.bind', { inviteCode: 'ABCDEFGH', name: `张${char}三` }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(messageOf(reply)).toContain('控制字符');
    }
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it('keeps line breaks and tabs in notes', async () => {
    const task = await firstTask(HETANG, 5);
    const { task: after } = await h.ok(HETANG, 'report.submit', {
      taskId: task.id,
      note: '第一条\n第二条\t完成',
      requestId: 'sec-note-0002',
    });
    expect(after.note).toBe('第一条\n第二条\t完成');
  });

  it('cleans evidence names as uploads are cleaned: no controls, no bidi tricks, no folders', async () => {
    const task = await firstTask(HETANG, 6);
    const fileId = h.files.put('changjiang', makePng(), 'image/png', 'hetang', HETANG);
    const { evidence } = await h.ok(HETANG, 'evidence.add', {
      taskId: task.id,
      fileId,
      name: '../会议照片\u202egpj.exe',
      size: 1,
      mime: 'image/png',
    });
    expect(evidence.name).toBe('会议照片gpj.exe');
  });

  it('answers an unknown, an expired and a used-up invite code alike, and pauses a guesser', async () => {
    const at = '2026-11-28T02:00:00.000Z';
    const invite = (code: string, overrides: object) =>
      h.store.saveInvite({
        code,
        districtId: 'changjiang',
        unitId: 'xijiao',
        role: 'staff',
        expiresAt: '2026-12-30T00:00:00.000Z',
        maxUses: 1,
        uses: 0,
        createdBy: ADMIN,
        createdAt: at,
        ...overrides,
      });
    await invite('EXPIRED01', { expiresAt: '2026-11-01T00:00:00.000Z' });
    await invite('USEDUP001', { uses: 1 });
    const replies = [];
    for (const code of ['NOSUCH001', 'EXPIRED01', 'USEDUP001']) {
      replies.push(await h.call('sec-guesser', 'session.bind', { inviteCode: code, name: '猜码人' }));
    }
    expect(new Set(replies.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    for (let attempt = replies.length; attempt < BIND_FAILURES_ALLOWED; attempt += 1) {
      await h.call('sec-guesser', 'session.bind', { inviteCode: `NOSUCH${attempt}00`, name: '猜码人' });
    }
    await invite('GOODCODE1', {});
    const paused = await h.call('sec-guesser', 'session.bind', { inviteCode: 'GOODCODE1', name: '猜码人' });
    expect(paused).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(messageOf(paused)).toContain('分钟后再试');
    // Someone else is not held up by the guesser.
    expect(await h.call('sec-honest', 'session.bind', { inviteCode: 'GOODCODE1', name: '新同事' })).toMatchObject({
      ok: true,
    });
  });

  it('keeps at most a sane number of one-time subscription credits', async () => {
    let balance = 0;
    for (let accepted = 0; accepted < MAX_SUBSCRIPTION_CREDITS + 5; accepted += 1) {
      balance = (await h.ok(HETANG, 'reminders.subscribe', { templateIds: ['TPL-DUE'] })).balances['TPL-DUE'];
    }
    expect(balance).toBe(MAX_SUBSCRIPTION_CREDITS);
  });

  it('shows a reviewer of another unit only the items its unit leads there, as tasks.list does', async () => {
    const listed = await h.ok(REVIEWER, 'tasks.list', { year: 2026, unitId: 'hetang' });
    const summary = await h.ok(REVIEWER, 'summary.unit', { unitId: 'hetang', year: 2026 });
    expect(listed.tasks.length).toBeGreaterThan(0);
    expect(summary.tasks.map((task) => task.id).sort()).toEqual(listed.tasks.map((task) => task.id).sort());
    expect(summary.totals.total).toBe(listed.tasks.length);
    const own = await h.ok(HETANG, 'summary.unit', { unitId: 'hetang', year: 2026 });
    expect(own.tasks.length).toBeGreaterThan(summary.tasks.length);
  });
});
