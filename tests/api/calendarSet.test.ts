import { readFileSync } from 'fs';
import { join } from 'path';
import { counterDrift } from '../../server/counterDrift';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { ROOT } from '../support/fixtures';

const ADMIN = 'c-admin';
const STAFF = 'c-staff-xijiao';

function notice(name: string): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'holidays', name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

describe('calendar.set: the holiday calendar in the app', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-12-30T02:00:00.000Z' });
    await h.addUser(ADMIN, 'admin', 'sfj', '管理员');
    await h.addUser(STAFF, 'staff', 'xijiao', '西郊经办人');
  });

  afterEach(async () => h.close());

  it('makes a 预估 deadline exact from the 2027 notice, and the task’s history says it moved', async () => {
    // Item 13: 5 working days after a 权责清单 adjustment. On 2026-12-29 they run into 2027, which the
    // calendar lacks: counted on weekdays (元旦 counted as a working day) and marked 预估.
    const { task } = await h.ok(STAFF, 'events.record', { itemNo: 13, date: '2026-12-29' });
    expect(task).toMatchObject({ dueDate: '2027-01-05', estimated: true, year: 2027 });
    expect((await h.ok(STAFF, 'tasks.list', { year: 2027 })).tasks.find((t) => t.id === task.id)?.estimated).toBe(true);

    const reply = await h.ok(ADMIN, 'calendar.set', { year: 2027, noticeText: notice('2027-test.txt') });
    expect(reply.calendar.holidays.map((holiday) => [holiday.name, holiday.from, holiday.days])).toEqual([
      ['元旦', '2027-01-01', 3],
      ['春节', '2027-02-05', 8],
      ['清明节', '2027-04-03', 3],
      ['劳动节', '2027-05-01', 5],
    ]);
    expect(reply.calendar.workdays.map((workday) => workday.date)).toEqual([
      '2027-02-14',
      '2027-02-20',
      '2027-04-25',
      '2027-05-08',
    ]);
    expect(reply.moved).toBe(1);
    expect(reply.years).toContain(2027);

    const detail = await h.ok(STAFF, 'tasks.get', { id: task.id });
    expect(detail.task).toMatchObject({ dueDate: '2027-01-06', estimated: false });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'calendar.update',
      actionLabel: '按节假日安排调整',
      detail: expect.stringMatching(/2027-01-05（预估）改为2027-01-06/),
    });
    expect(await counterDrift(h.store, 'changjiang', 2027)).toEqual([]);
    // A new event after it is exact at once.
    const later = await h.ok(STAFF, 'events.record', { itemNo: 13, date: '2026-12-30' });
    expect(later.task).toMatchObject({ dueDate: '2027-01-07', estimated: false });
    expect((await h.ok(ADMIN, 'calendar.get', {})).years.map((year) => year.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('takes the dates typed one by one too', async () => {
    const reply = await h.ok(ADMIN, 'calendar.set', {
      year: 2027,
      holidays: ['2027-01-02', '2027-01-01', '2027-01-03', '2027-02-06'],
      workdays: ['2027-02-14'],
    });
    expect(reply.calendar.holidays.map((holiday) => [holiday.from, holiday.to])).toEqual([
      ['2027-01-01', '2027-01-03'],
      ['2027-02-06', '2027-02-06'],
    ]);
  });

  it('refuses a notice that does not add up, dates outside the year, and anyone but the admin; nothing changes', async () => {
    await h.ok(STAFF, 'events.record', { itemNo: 13, date: '2026-12-29' });
    const before = storeSnapshot(h.sqlite);
    // The 2026 notice for 2027: every weekday written in it is wrong for 2027.
    const wrongYear = await h.call(ADMIN, 'calendar.set', { year: 2027, noticeText: notice('2026.txt') });
    expect(wrongYear).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!wrongYear.ok && wrongYear.error.message).toContain('2026年的通知');
    expect(await h.call(ADMIN, 'calendar.set', { year: 2027, noticeText: '明天放假' })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    expect(await h.call(ADMIN, 'calendar.set', { year: 2027, holidays: ['2028-01-01'] })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    expect(
      await h.call(ADMIN, 'calendar.set', {
        year: 2027,
        holidays: ['2027-01-01'],
        noticeText: notice('2027-test.txt'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await h.call(STAFF, 'calendar.set', { year: 2027, noticeText: notice('2027-test.txt') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it('says where a notice gives days in a year the calendar does not keep (元旦 from 12月31日)', async () => {
    const reply = await h.ok(ADMIN, 'calendar.set', { year: 2023, noticeText: notice('2023.txt') });
    expect(reply.problems).toEqual([{ where: '全文', message: '通知中有1天属于2022年，日历中还没有2022年，未记入' }]);
    expect(reply.calendar.holidays[0]).toMatchObject({ name: '元旦', from: '2023-01-01', to: '2023-01-02' });
    expect(reply.years).toEqual([2023, 2024, 2025, 2026]);
  });
});
