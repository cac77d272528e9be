import { counterDrift } from '../../server/counterDrift';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';

const STAFF = 'i-staff-xijiao';
const STAFF_2 = 'i-staff-xijiao-2';
const OTHER_STAFF = 'i-staff-hetang';
const REVIEWER = 'i-reviewer-sfj';
const LEADER = 'i-leader';
const ADMIN = 'i-admin';
const ITEM2 = 'xijiao-2026-2-annual';
const ITEM3 = 'xijiao-2026-3-annual';

describe.each(STORE_ADAPTERS)('领导批示 (%s store)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z', adapter });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(STAFF_2, 'staff', 'xijiao', '陈经办');
    await h.addUser(OTHER_STAFF, 'staff', 'hetang', '荷塘经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
    await h.addUser(ADMIN, 'admin', 'sfj', '钱管理');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  it('on a task: shown on top of the task and the list, in its history, and every one of the unit is reminded', async () => {
    const { instruction } = await h.ok(LEADER, 'instruction.add', { taskId: ITEM2, text: '请于月底前完成述法' });
    expect(instruction).toMatchObject({
      id: expect.any(String),
      unitId: 'xijiao',
      unitName: '西郊街道',
      taskId: ITEM2,
      text: '请于月底前完成述法',
      authorName: '赵区长',
      createdAt: '2026-11-28T02:00:00.000Z',
    });
    const detail = await h.ok(STAFF, 'tasks.get', { id: ITEM2 });
    expect(detail.instructions).toEqual([instruction]);
    expect(detail.history.map((entry) => [entry.action, entry.actionLabel, entry.comment])).toEqual([
      ['create', '生成任务', null],
      ['instruction', '领导批示', '请于月底前完成述法'],
    ]);
    expect(detail.task.status).toBe('pending');
    expect((await h.ok(STAFF, 'tasks.list', { year: 2026 })).instructions).toEqual([instruction]);
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM3 })).instructions).toEqual([]);
    for (const openid of [STAFF, STAFF_2]) {
      const [reminder] = (await h.ok(openid, 'reminders.list', {})).reminders;
      expect(reminder).toMatchObject({ kind: 'instruction', kindLabel: '领导批示', taskId: ITEM2 });
      expect(reminder.message).toBe('领导批示：请于月底前完成述法');
    }
    expect((await h.ok(OTHER_STAFF, 'reminders.list', {})).reminders).toEqual([]);
    expect((await h.ok(OTHER_STAFF, 'tasks.list', { year: 2026 })).instructions).toEqual([]);
  });

  it('on a unit: above its task list and on each of its tasks, newest first', async () => {
    const first = (await h.ok(LEADER, 'instruction.add', { unitId: 'xijiao', text: '全年任务要抓紧' })).instruction;
    h.setNow('2026-11-29T02:00:00.000Z');
    const second = (await h.ok(LEADER, 'instruction.add', { taskId: ITEM3, text: '本项重点督办' })).instruction;
    expect(first).toMatchObject({ taskId: null, unitId: 'xijiao' });
    expect((await h.ok(STAFF, 'tasks.list', { year: 2026 })).instructions).toEqual([second, first]);
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM3 })).instructions).toEqual([second, first]);
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM2 })).instructions).toEqual([first]);
    const [reminder] = (await h.ok(STAFF, 'reminders.list', {})).reminders.filter((r) => r.taskId === null);
    expect(reminder).toMatchObject({ kind: 'instruction', title: '领导批示（西郊街道）' });
    // A unit instruction is on no task's history (nothing has happened to this one: it is not even stored).
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM2 })).history).toEqual([]);
  });

  it('is given by leaders only, on exactly one task or unit that exists; a refusal changes nothing', async () => {
    const snapshot = h.snapshot();
    for (const openid of [STAFF, REVIEWER, ADMIN]) {
      const reply = await h.call(openid, 'instruction.add', { unitId: 'xijiao', text: '越权' });
      expect([openid, reply]).toMatchObject([openid, { ok: false, error: { code: 'FORBIDDEN' } }]);
    }
    for (const payload of [{ text: '两者', taskId: ITEM2, unitId: 'xijiao' }, { text: '都没有' }]) {
      expect(await h.call(LEADER, 'instruction.add', payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
    }
    expect(await h.call(LEADER, 'instruction.add', { unitId: 'nowhere', text: '无此单位' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await h.call(LEADER, 'instruction.add', { taskId: 'xijiao-2026-99-annual', text: '无此任务' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(h.snapshot()).toBe(snapshot);
    expect((await h.ok(LEADER, 'tasks.get', { id: ITEM2 })).can.instruct).toBe(true);
    expect((await h.ok(STAFF, 'tasks.get', { id: ITEM2 })).can.instruct).toBe(false);
  });
});
