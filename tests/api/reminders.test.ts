import { addDays, daysBetween } from '../../src/core/dates';
import type { ReminderRecord } from '../../src/core/model';
import { fitField, FIELD_LIMITS } from '../../src/core/reminders';
import { runReminderJob } from '../../server/reminders/job';
import {
  messageData,
  SubscribeMessageSender,
  templateFromEnv,
  type SubscribeMessageApi,
} from '../../server/wechat/SubscribeMessageSender';
import { LocalOutboxSender } from '../../local/reminders';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';

/** The reminders a task should raise over a year, worked out from its due date alone. */
function expectedDays(dueDate: string, yearEnd: string): Map<string, string> {
  const days = new Map<string, string>();
  for (const [offset, kind] of [
    [-7, 'due-7'],
    [-3, 'due-3'],
    [-1, 'due-1'],
    [0, 'due-0'],
  ] as const) {
    days.set(addDays(dueDate, offset), kind);
  }
  for (let day = addDays(dueDate, 1); day <= yearEnd; day = addDays(day, 7)) days.set(day, 'overdue');
  return days;
}

describe('daily reminders', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2025-12-31T23:30:00.000Z' });
    h.api.sender = new LocalOutboxSender();
    await h.addUser('r-staff', 'staff', 'liyang', '丽阳经办');
  });

  afterEach(async () => h.close());

  it('raises exactly the right reminders on every day of a year, and nothing twice', async () => {
    const raisedByDay = new Map<string, Set<string>>();
    let seen = new Set<string>();
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      // The timer fires at 07:30 Beijing time: 23:30 UTC the evening before.
      h.setNow(`${addDays(day, -1)}T23:30:00.000Z`);
      const result = await runReminderJob(h.api);
      expect(result.date).toBe(day);
      const again = await runReminderJob(h.api);
      expect(again.raised).toBe(0);
      const all = await h.store.listReminders('changjiang', 'r-staff', 1000);
      const fresh = all.filter((reminder) => !seen.has(reminder.id));
      seen = new Set(all.map((reminder) => reminder.id));
      expect(fresh.every((reminder) => reminder.date === day)).toBe(true);
      if (fresh.length > 0)
        raisedByDay.set(day, new Set(fresh.map((reminder) => `${reminder.kind}|${reminder.taskId}`)));
    }

    const tasks = await h.yearTasks({ unitId: 'liyang', year: 2026 });
    expect(tasks).toHaveLength(43);
    const expected = new Map<string, Set<string>>();
    for (const task of tasks) {
      for (const [day, kind] of expectedDays(task.dueDate, '2026-12-31')) {
        if (day < '2026-01-01' || day > '2026-12-31') continue;
        const set = expected.get(day) ?? new Set<string>();
        set.add(`${kind}|${task.id}`);
        expected.set(day, set);
      }
    }
    expect([...raisedByDay.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [day, set] of expected)
      expect([day, [...(raisedByDay.get(day) ?? [])].sort()]).toEqual([day, [...set].sort()]);

    // Every reminder went out once, and the outbox says so.
    const outbox = await h.store.listOutbox('changjiang');
    expect(outbox).toHaveLength(seen.size);
    expect(new Set(outbox.map((entry) => entry.reminderId)).size).toBe(seen.size);
    expect(outbox.every((entry) => entry.channel === 'local' && entry.status === 'sent')).toBe(true);
  }, 120_000);

  it('works out the day in Beijing: 23:30 UTC on 12-27 is the morning of 12-28', async () => {
    h.setNow('2026-12-27T23:30:00.000Z');
    const { date } = await runReminderJob(h.api);
    expect(date).toBe('2026-12-28');
    const reminders = await h.store.listReminders('changjiang', 'r-staff', 100);
    const annual = reminders.find((reminder) => reminder.taskId === 'liyang-2026-2-annual');
    expect(annual).toMatchObject({ kind: 'due-3', date: '2026-12-28', message: '3天后到期（12月31日），请及时报送' });
  });

  it('lists a person’s reminders newest first, counts the unread and marks them read', async () => {
    h.setNow('2026-12-23T23:30:00.000Z');
    await runReminderJob(h.api);
    h.setNow('2026-12-27T23:30:00.000Z');
    await runReminderJob(h.api);
    const list = await h.ok('r-staff', 'reminders.list', {});
    expect(list.unread).toBe(list.reminders.length);
    expect(list.reminders[0].date).toBe('2026-12-28');
    expect(list.reminders.at(-1)!.date).toBe('2026-12-24');
    await h.ok('r-staff', 'reminders.read', { ids: [list.reminders[0].id] });
    expect((await h.ok('r-staff', 'reminders.list', {})).unread).toBe(list.reminders.length - 1);
    await h.ok('r-staff', 'reminders.read', {});
    expect((await h.ok('r-staff', 'reminders.list', {})).unread).toBe(0);
  });

  it('reminds the unit when a report is returned', async () => {
    h.setNow('2026-11-28T02:00:00.000Z');
    await h.addUser('r-reviewer', 'reviewer', 'sfj');
    const list = await h.ok('r-staff', 'tasks.list', { year: 2026 });
    const task = list.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 4)!;
    await h.ok('r-staff', 'report.submit', { taskId: task.id, note: '已开展督察', requestId: 'remind-ret-1' });
    await h.ok('r-reviewer', 'report.review', { taskId: task.id, decision: 'return', comment: '请附督察通知' });
    const reminders = await h.ok('r-staff', 'reminders.list', {});
    expect(reminders.reminders[0]).toMatchObject({
      kind: 'returned',
      taskId: task.id,
      message: expect.stringContaining('请附督察通知'),
    });
  });
});

describe('催办 (urge.send)', () => {
  let h: Harness;
  const OVERDUE = 'liyang-2026-1-d0301';

  beforeEach(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z' });
    await h.addUser('u-staff', 'staff', 'liyang', '丽阳经办');
    await h.addUser('u-staff-2', 'staff', 'liyang', '丽阳经办二');
    await h.addUser('u-leader', 'leader', 'zfb', '赵区长');
    await h.addUser('u-reviewer', 'reviewer', 'sfj');
    await h.addUser('u-reviewer-czj', 'reviewer', 'czj');
    await h.addUser('u-other-staff', 'staff', 'hetang');
    await h.ok('u-staff', 'tasks.list', { year: 2026 });
  });

  afterEach(async () => h.close());

  it('reminds every person of the unit, records the urge, and urges a task at most once a day', async () => {
    expect(await h.ok('u-leader', 'urge.send', { unitId: 'liyang', taskId: OVERDUE })).toEqual({
      notified: 2,
      tasks: 1,
    });
    for (const openid of ['u-staff', 'u-staff-2']) {
      const { reminders } = await h.ok(openid, 'reminders.list', {});
      expect(reminders[0]).toMatchObject({
        kind: 'urge',
        taskId: OVERDUE,
        message: expect.stringContaining('赵区长催办'),
      });
    }
    const detail = await h.ok('u-leader', 'tasks.get', { id: OVERDUE });
    expect(detail.history.at(-1)).toMatchObject({ action: 'urge', actorName: '赵区长' });

    const before = storeSnapshot(h.sqlite);
    const again = await h.call('u-reviewer', 'urge.send', { unitId: 'liyang', taskId: OVERDUE });
    expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(storeSnapshot(h.sqlite)).toBe(before);

    h.setNow('2026-11-29T02:00:00.000Z');
    expect(await h.ok('u-reviewer', 'urge.send', { unitId: 'liyang', taskId: OVERDUE })).toMatchObject({ notified: 2 });
  });

  it('refuses township staff, reviewers of other items, and tasks not overdue — changing nothing', async () => {
    const before = storeSnapshot(h.sqlite);
    const cases: Array<[string, unknown, string]> = [
      ['u-other-staff', { unitId: 'liyang', taskId: OVERDUE }, 'FORBIDDEN'],
      ['u-staff', { unitId: 'liyang' }, 'FORBIDDEN'],
      ['u-reviewer-czj', { unitId: 'liyang', taskId: OVERDUE }, 'FORBIDDEN'],
      ['u-leader', { unitId: 'liyang', taskId: 'liyang-2026-2-annual' }, 'FAILED_PRECONDITION'],
      ['u-leader', { unitId: 'hetang', taskId: OVERDUE }, 'INVALID_ARGUMENT'],
    ];
    for (const [openid, payload, code] of cases) {
      expect([openid, await h.call(openid, 'urge.send', payload)]).toMatchObject([
        openid,
        { ok: false, error: { code } },
      ]);
    }
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it('urges all of a unit’s overdue tasks in one reminder per person; a reviewer only reaches the items it leads', async () => {
    const result = await h.ok('u-reviewer', 'urge.send', { unitId: 'liyang' });
    const overdue = await h.yearTasks({
      year: 2026,
      unitId: 'liyang',
      statuses: ['pending', 'returned'],
      dueBefore: '2026-11-28',
    });
    const led = overdue.filter((task) => ![6, 7, 39].includes(task.itemNo));
    expect(result).toEqual({ notified: 2, tasks: led.length });
    const { reminders } = await h.ok('u-staff', 'reminders.list', {});
    expect(reminders.filter((reminder: { kind: string }) => reminder.kind === 'urge')).toHaveLength(1);
    expect(reminders[0].title).toContain(`${led.length}项任务已逾期`);
    const nothingLeft = await h.call('u-reviewer', 'urge.send', { unitId: 'liyang' });
    expect(nothingLeft).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});

describe('WeChat subscribe messages', () => {
  const reminder: ReminderRecord = {
    id: 'due-3|t|2026-12-28|o',
    districtId: 'changjiang',
    recipientOpenid: 'o-staff',
    unitId: 'liyang',
    taskId: 'liyang-2026-3-annual',
    kind: 'due-3',
    title: '第3项 各级政府及其部门主要负责人要切实履行推进法治政府建设第一责任人职责',
    message: '3天后到期（12月31日），请及时报送，并上传会议记录、照片等佐证材料',
    dueDate: '2026-12-31',
    date: '2026-12-28',
    createdAt: '2026-12-28T00:00:00.000Z',
    readAt: null,
  };

  it('cuts every field to WeChat’s limit for its type', () => {
    expect([...fitField('thing1', 'x'.repeat(50))]).toHaveLength(FIELD_LIMITS.thing);
    expect(fitField('phrase2', '已经逾期了很久')).toBe('已经逾期了');
    expect(fitField('character_string3', `ABC-${'9'.repeat(60)}中文`)).toHaveLength(32);
    expect(fitField('number4', '共 12 项')).toBe('12');
    const template = templateFromEnv({
      REMINDER_TEMPLATE_ID: 'TPL',
      REMINDER_TEMPLATE_FIELDS: 'thing1=title,time2=dueDate,thing3=message,phrase4=kind',
    });
    const data = messageData(reminder, template!);
    expect(Object.keys(data)).toEqual(['thing1', 'time2', 'thing3', 'phrase4']);
    for (const [key, { value }] of Object.entries(data)) {
      expect([...value].length).toBeLessThanOrEqual(FIELD_LIMITS[key.replace(/\d+$/, '')]);
    }
    expect(data.time2.value).toBe('2026年12月31日');
  });

  it('spends one subscription credit per message, and keeps the reminder in the app when WeChat refuses', async () => {
    const h = await createHarness();
    try {
      const sent: unknown[] = [];
      let refuse = false;
      const api: SubscribeMessageApi = {
        send: async (message) => {
          if (refuse) throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 });
          sent.push(message);
          return { errCode: 0 };
        },
      };
      const sender = new SubscribeMessageSender(api, h.store, templateFromEnv({ REMINDER_TEMPLATE_ID: 'TPL' })!);
      expect(await sender.deliver(reminder)).toMatchObject({ status: 'skipped' });
      await h.store.addSubscriptionCredits('o-staff', 'TPL', 1);
      expect(await sender.deliver(reminder)).toMatchObject({ status: 'sent', templateId: 'TPL' });
      expect(sent).toEqual([
        expect.objectContaining({
          touser: 'o-staff',
          templateId: 'TPL',
          page: 'pages/task/index?id=liyang-2026-3-annual',
        }),
      ]);
      expect(await sender.deliver(reminder)).toMatchObject({ status: 'skipped' });
      await h.store.addSubscriptionCredits('o-staff', 'TPL', 2);
      refuse = true;
      expect(await sender.deliver(reminder)).toMatchObject({
        status: 'failed',
        detail: expect.stringContaining('43101'),
      });
      expect(await h.store.takeSubscriptionCredit('o-staff', 'TPL')).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('counts credits the app reports after the user accepts', async () => {
    const h = await createHarness();
    try {
      await h.addUser('s-staff', 'staff', 'xijiao');
      expect(await h.ok('s-staff', 'reminders.subscribe', { templateIds: ['TPL'] })).toEqual({ balances: { TPL: 1 } });
      expect(await h.ok('s-staff', 'reminders.subscribe', { templateIds: ['TPL'] })).toEqual({ balances: { TPL: 2 } });
    } finally {
      await h.close();
    }
  });
});

describe('the expected-days helper', () => {
  it('reminds weekly while overdue', () => {
    const days = expectedDays('2026-03-01', '2026-04-01');
    expect([...days].filter(([, kind]) => kind === 'overdue').map(([day]) => daysBetween('2026-03-01', day))).toEqual([
      1, 8, 15, 22, 29,
    ]);
  });
});
