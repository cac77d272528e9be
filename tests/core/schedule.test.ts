import { execFileSync } from 'child_process';
import { join } from 'path';
import { createWorkingCalendar, HolidayDataError } from '../../src/core/calendar';
import { shanghaiDate } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { taskForEvent, tasksFor, type TaskSpec } from '../../src/core/schedule/tasks';
import type { Directory } from '../../src/core/units';
import { loadCatalog, loadDirectory, loadHolidays, ROOT, scheduleContext, unitByName } from '../support/fixtures';

const context = scheduleContext();
const township = unitByName(context.directory, '鲇鱼山镇');
const calendar = createWorkingCalendar(loadHolidays());

function dueDates(specs: TaskSpec[], itemNo: number): string[] {
  return specs.filter((spec) => spec.itemNo === itemNo).map((spec) => spec.dueDate);
}

describe('schedules derived from the official text', () => {
  const items = loadCatalog().items;
  const schedule = (no: number) => items[no - 1].schedule;

  it('item 1: report by 03-01 and publish by 04-01, for the previous year', () => {
    expect(schedule(1).deadlines.map((deadline) => [deadline.monthDay, deadline.covers])).toEqual([
      ['03-01', '上一年度'],
      ['04-01', '上一年度'],
    ]);
    expect(schedule(1).kinds).toEqual(['fixedAnnual']);
  });

  it('item 9: twice a year, 01-31 and 07-31', () => {
    expect(schedule(9).kinds).toEqual(['twiceYearly']);
    expect(schedule(9).deadlines.map((deadline) => [deadline.monthDay, deadline.covers])).toEqual([
      ['01-31', '上一年度'],
      ['07-31', '当年上半年'],
    ]);
  });

  it('items 16, 30 and 32 have target dates', () => {
    expect([16, 30, 32].map((no) => schedule(no).target?.date)).toEqual(['2025-12-31', '2024-12-31', '2025-12-31']);
  });

  it('item 13 counts 5 working days after a 权责清单 adjustment, item 25 15 calendar days after a judgment', () => {
    expect(schedule(13).events).toMatchObject([
      { trigger: '权责清单调整', within: 5, unit: 'workingDays', action: '向机构编制部门报备' },
    ]);
    expect(schedule(25).events).toMatchObject([{ trigger: '收到法院生效裁判文书', within: 15, unit: 'calendarDays' }]);
    expect(schedule(12).events).toEqual([]);
  });

  it('items 21, 33 and 36 are counted per year', () => {
    expect(
      schedule(21)
        .counts.filter((rule) => rule.appliesTo === 'department')
        .map((rule) => [rule.label, rule.min]),
    ).toEqual([
      ['专项监督', 1],
      ['案卷评查', 1],
    ]);
    expect(schedule(33).counts.map((rule) => [rule.appliesTo, rule.min])).toEqual([
      ['government', 1],
      ['department', 2],
    ]);
    expect(schedule(36).counts).toMatchObject([{ min: 60, unit: '学时', perPerson: true }]);
  });

  it('items 16, 24, 30 and 41 have percentage targets, item 32 head counts', () => {
    expect([16, 24, 30, 41].map((no) => schedule(no).measures.map((rule) => [rule.kind, rule.target]))).toEqual([
      [['percent', 100]],
      [['percent', 100]],
      [['percent', 100]],
      [['percent', 90]],
    ]);
    expect(schedule(32).measures.map((rule) => [rule.kind, rule.target, rule.label])).toEqual([
      ['headcount', 2, '每个乡镇（街道）专职人民调解员'],
      ['headcount', 1, '村（社区）专职人民调解员'],
    ]);
  });

  it('every other item is a default annual task', () => {
    const special = new Set([1, 9, 13, 15, 16, 21, 24, 25, 30, 32, 33, 34, 36, 41]);
    for (const item of items.filter((candidate) => !special.has(candidate.no))) {
      expect([item.no, item.schedule.kinds]).toEqual([item.no, ['defaultAnnual']]);
    }
  });
});

describe('tasksFor', () => {
  it('a township in 2027: item 1 due 03-01 and 04-01, item 9 01-31 and 07-31', () => {
    const specs = tasksFor(township, 2027, context);
    expect(dueDates(specs, 1)).toEqual(['2027-03-01', '2027-04-01']);
    expect(dueDates(specs, 9)).toEqual(['2027-01-31', '2027-07-31']);
    expect(specs.find((spec) => spec.itemNo === 1)?.label).toBe('报告（2026年度）');
    expect(specs.find((spec) => spec.key === 'd0731')?.label).toBe('提交（2027年上半年）');
  });

  it('gives every assigned item at least one task a year, all due in that year', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const specs = tasksFor(township, year, context);
      expect(new Set(specs.map((spec) => spec.itemNo)).size).toBe(41);
      expect(specs.every((spec) => spec.dueDate.startsWith(`${year}-`))).toBe(true);
      expect(specs).toHaveLength(43);
    }
  });

  it('item 30 was due 2024-12-31; afterwards it is a yearly task', () => {
    expect(tasksFor(township, 2024, context).filter((spec) => spec.itemNo === 30)).toMatchObject([
      { dueDate: '2024-12-31', kind: 'target', requirements: ['司法所规范化建设达成率达到100%'] },
    ]);
    expect(tasksFor(township, 2026, context).filter((spec) => spec.itemNo === 30)).toMatchObject([
      { dueDate: '2026-12-31', kind: 'annual' },
    ]);
  });

  it('uses the district default due date where the text gives none', () => {
    const directory: Directory = {
      ...context.directory,
      district: { ...context.directory.district, defaultDueDate: '11-30' },
    };
    const specs = tasksFor(township, 2026, { ...context, directory });
    expect(dueDates(specs, 2)).toEqual(['2026-11-30']);
    expect(dueDates(specs, 1)).toEqual(['2026-03-01', '2026-04-01']);
  });

  it('states the yearly counts that apply to the unit', () => {
    const townshipItem33 = tasksFor(township, 2026, context).find((spec) => spec.itemNo === 33);
    expect(townshipItem33?.requirements).toEqual(['学法不少于1次']);
    const department = unitByName(context.directory, '区卫健委');
    const departmentItem33 = tasksFor(department, 2026, context).find((spec) => spec.itemNo === 33);
    expect(departmentItem33?.requirements).toEqual(['集体学法不少于2次']);
    const item21 = tasksFor(department, 2026, context).find((spec) => spec.itemNo === 21);
    expect(item21?.requirements).toEqual(['专项监督不少于1次', '案卷评查不少于1次']);
  });

  it('marks the role on each task', () => {
    const justice = unitByName(context.directory, '区司法局');
    const specs = tasksFor(justice, 2026, context);
    expect(specs.find((spec) => spec.itemNo === 1)?.role).toBe('lead');
    expect(specs.find((spec) => spec.itemNo === 6)?.role).toBe('responsible');
  });
});

describe('taskForEvent', () => {
  it('item 13 recorded on 2026-09-30 is due 2026-10-13 (国庆 holidays, make-up day 10-10)', () => {
    expect(taskForEvent(township, 13, '2026-09-30', context)).toMatchObject({
      dueDate: '2026-10-13',
      estimated: false,
      kind: 'event',
      eventDate: '2026-09-30',
      year: 2026,
    });
  });

  it('item 25 recorded on 2026-11-20 is due 2026-12-05 (calendar days)', () => {
    expect(taskForEvent(township, 25, '2026-11-20', context)).toMatchObject({
      dueDate: '2026-12-05',
      estimated: false,
    });
  });

  it('a deadline in a year the calendar lacks is counted on weekdays and marked estimated', () => {
    const spec = taskForEvent(township, 13, '2030-09-30', context);
    expect(spec).toMatchObject({ dueDate: '2030-10-07', estimated: true });
  });

  it('a deadline that crosses into an unknown year is estimated too', () => {
    expect(taskForEvent(township, 13, '2026-12-29', context)).toMatchObject({ dueDate: '2027-01-05', estimated: true });
  });

  it('refuses items without an event rule and units not assigned', () => {
    expect(() => taskForEvent(township, 2, '2026-05-01', context)).toThrow(DomainError);
    const bianban = unitByName(context.directory, '区委编办');
    expect(() => taskForEvent(bianban, 25, '2026-05-01', context)).toThrow(/不承担第25项/);
    expect(() => taskForEvent(township, 13, '2026-02-30', context)).toThrow(/日期/);
  });
});

describe('the working calendar', () => {
  it('knows the holidays and make-up working days of the official notices', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-12')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false);
    expect([2024, 2025, 2026].every((year) => calendar.knowsYear(year))).toBe(true);
  });

  it('5 working days from before 春节 2026 skip the 9-day holiday and count the Saturday make-up day', () => {
    // 02-13 Fri → 02-14 Sat (make-up, 1) → 02-15…23 holiday → 02-24 (2) 25 (3) 26 (4) 27 (5)
    expect(calendar.addWorkingDays('2026-02-13', 5)).toEqual({ date: '2026-02-27', estimated: false });
  });

  it('refuses calendar data with a bad date, naming the entry', () => {
    const bad = {
      years: {
        '2027': { notice: 'x', holidays: [{ name: '春节', from: '2027-02-30', to: '2027-02-31' }], workdays: [] },
      },
    };
    expect(() => createWorkingCalendar(bad)).toThrow(HolidayDataError);
    expect(() => createWorkingCalendar(bad)).toThrow(/春节/);
  });
});

describe('dates in Asia/Shanghai whatever the host zone', () => {
  it('23:30 UTC is already the next day in Beijing', () => {
    expect(shanghaiDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  });

  it('computes the same tasks with TZ=UTC as with TZ=Asia/Shanghai or TZ=America/New_York', () => {
    const script = join(ROOT, 'tests', 'support', 'print-schedule.ts');
    const run = (tz: string) =>
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(JSON.parse(utc).today).toBe('2026-11-28');
    expect(JSON.parse(utc).item13).toBe('2026-10-13');
    expect(run('Asia/Shanghai')).toBe(utc);
    expect(run('America/New_York')).toBe(utc);
  });
});

describe('the directory data', () => {
  it('is loaded from data/units.json', () => {
    expect(loadDirectory().district).toMatchObject({ name: '昌江区', defaultDueDate: '12-31' });
  });
});
