import { readFileSync } from 'fs';
import { join } from 'path';
import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { createWorkingCalendar } from '../../src/core/calendar';
import { addDays, weekday, type IsoDate } from '../../src/core/dates';
import { parseHolidayNotice } from '../../src/core/holidayNotice';
import { loadHolidays, ROOT } from '../support/fixtures';

/** A notice as the admin would paste it: the fixture without its `#` header lines. */
function notice(year: number): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'holidays', `${year}.txt`), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

function daysOf(year: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The independent source: the chinese-days package's holidays and 调休 working days. */
function chineseDays(year: number): { holidays: IsoDate[]; workdays: IsoDate[] } {
  return {
    holidays: getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false),
    workdays: daysOf(year).filter((day) => [0, 6].includes(weekday(day)) && isWorkday(day)),
  };
}

describe('parsing the 国务院办公厅 holiday notice', () => {
  const calendar = loadHolidays();

  describe.each([2024, 2025, 2026])('the notice for %i', (year) => {
    const parsed = parseHolidayNotice(year, notice(year));

    it('reads every line without a problem', () => {
      expect(parsed.problems).toEqual([]);
      expect(parsed.otherYears).toEqual({});
    });

    it('reproduces the year in data/holidays.json', () => {
      expect(parsed.entry).toEqual(calendar.years[String(year)]);
    });

    it('gives the same days off and make-up working days as the chinese-days package', () => {
      expect({ holidays: parsed.holidays, workdays: parsed.workdays }).toEqual(chineseDays(year));
    });

    it('is a year the working calendar accepts', () => {
      const working = createWorkingCalendar({ years: { [year]: parsed.entry } });
      expect(working.knowsYear(year)).toBe(true);
      for (const day of parsed.holidays) expect(working.isWorkingDay(day)).toBe(false);
      for (const day of parsed.workdays) expect(working.isWorkingDay(day)).toBe(true);
    });
  });

  it('reads ranges across months and several make-up working days (2025)', () => {
    const parsed = parseHolidayNotice(2025, notice(2025));
    expect(parsed.entry.holidays.find((holiday) => holiday.name === '春节')).toEqual({
      name: '春节',
      from: '2025-01-28',
      to: '2025-02-04',
    });
    expect(parsed.entry.holidays.find((holiday) => holiday.name === '端午节')).toEqual({
      name: '端午节',
      from: '2025-05-31',
      to: '2025-06-02',
    });
    expect(parsed.entry.workdays.filter((workday) => workday.name === '春节').map((workday) => workday.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
    ]);
  });

  it('does not take the 除夕 the 2024 notice only encourages as a day off', () => {
    expect(parseHolidayNotice(2024, notice(2024)).holidays).not.toContain('2024-02-09');
  });

  describe('元旦 running across the turn of the year', () => {
    it('puts 2022-12-31 of the 2023 notice with 2022, as chinese-days does', () => {
      const parsed = parseHolidayNotice(2023, notice(2023));
      expect(parsed.problems).toEqual([]);
      expect(parsed.entry.holidays[0]).toEqual({ name: '元旦', from: '2023-01-01', to: '2023-01-02' });
      expect(parsed.otherYears).toEqual({ '2022': { holidays: ['2022-12-31'], workdays: [] } });
      expect({ holidays: parsed.holidays, workdays: parsed.workdays }).toEqual(chineseDays(2023));
      expect(getHolidaysInRange('2022-12-31', '2022-12-31', false)).toEqual(['2022-12-31']);
    });

    it('reads a range written without years (12月31日至1月2日)', () => {
      const parsed = parseHolidayNotice(2015, '一、元旦：12月31日（周三）至1月2日（周五）放假调休，共3天。');
      expect(parsed.problems).toEqual([]);
      expect(parsed.holidays).toEqual(['2015-01-01', '2015-01-02']);
      expect(parsed.otherYears).toEqual({ '2014': { holidays: ['2014-12-31'], workdays: [] } });
    });

    it('reads a make-up working day in the year before (the 2019 notice)', () => {
      const parsed = parseHolidayNotice(
        2019,
        '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
      );
      expect(parsed.problems).toEqual([]);
      expect(parsed.entry).toEqual({
        notice: '国务院办公厅关于2019年部分节假日安排的通知',
        holidays: [{ name: '元旦', from: '2019-01-01', to: '2019-01-01' }],
        workdays: [],
      });
      expect(parsed.otherYears).toEqual({
        '2018': { holidays: ['2018-12-30', '2018-12-31'], workdays: ['2018-12-29'] },
      });
      expect(getHolidaysInRange('2018-12-30', '2018-12-31', false)).toEqual(['2018-12-30', '2018-12-31']);
      expect(isWorkday('2018-12-29')).toBe(true);
    });
  });

  it('copes with ASCII brackets and colons, spaces and line breaks as pasted', () => {
    const pasted = notice(2026).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ', ');
    const wrapped = pasted.replace('至23日', '至\n23日');
    const parsed = parseHolidayNotice(2026, wrapped);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entry).toEqual(calendar.years['2026']);
  });

  describe('says what it could not read', () => {
    it('a weekday that does not match the date', () => {
      const parsed = parseHolidayNotice(2026, notice(2026).replace('1月4日（周日）上班', '1月4日（周一）上班'));
      expect(parsed.problems).toEqual([{ where: '一、元旦', message: '1月4日注明是周一，但按日历是周日：请核对' }]);
      expect(parsed.workdays).toContain('2026-01-04');
    });

    it('a day count that does not match the range', () => {
      const parsed = parseHolidayNotice(2026, notice(2026).replace('共9天', '共8天'));
      expect(parsed.problems).toEqual([
        { where: '二、春节', message: '通知写的是共8天，但2026-02-15至2026-02-23是9天：请核对' },
      ]);
    });

    it('a line without dates', () => {
      const parsed = parseHolidayNotice(2026, notice(2026).replace(/三、清明节：[^。]+。/, '三、清明节：另行通知。'));
      expect(parsed.problems).toEqual([{ where: '三、清明节', message: '没有读出这一条的放假日期' }]);
      expect(parsed.entry.holidays.map((holiday) => holiday.name)).not.toContain('清明节');
    });

    it('a notice of another year', () => {
      expect(parseHolidayNotice(2026, notice(2025)).problems[0]).toEqual({
        where: '全文',
        message: '这是2025年的通知，不是2026年的：请核对年份',
      });
    });

    it('text that is not a notice at all', () => {
      const parsed = parseHolidayNotice(2027, '春节放假安排请见附件');
      expect(parsed.holidays).toEqual([]);
      expect(parsed.problems).toEqual([
        { where: '全文', message: '没有找到“一、元旦：1月1日……放假”这样的条目：请粘贴通知的正文' },
      ]);
    });

    it('a date that does not exist', () => {
      const parsed = parseHolidayNotice(2027, '一、元旦：1月1日放假。二、春节：2月30日至3月2日放假调休，共3天。');
      expect(parsed.problems).toEqual([
        { where: '二、春节', message: '“2月30日”不是有效的日期' },
        { where: '二、春节', message: '没有读出这一条的放假日期' },
      ]);
    });
  });
});
