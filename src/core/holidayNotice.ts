import type { HolidayCalendarData } from './calendar';
import { addDays, daysBetween, isIsoDate, weekday, yearOf, type IsoDate } from './dates';

/** One year of the holiday calendar, as data/holidays.json keeps it. */
export type HolidayYearEntry = HolidayCalendarData['years'][string];

export interface NoticeProblem {
  /** `二、春节`, or `全文`. */
  where: string;
  message: string;
}

export interface ParsedHolidayNotice {
  year: number;
  /** Every day off the notice gives in `year`, in order. */
  holidays: IsoDate[];
  /** Every make-up working day (调休上班) in `year`, in order. */
  workdays: IsoDate[];
  /** The same as data/holidays.json keeps a year: named ranges and named working days. */
  entry: HolidayYearEntry;
  /**
   * Days the notice gives in another year (元旦 from 12月31日 of the year before): they belong to
   * that year's calendar, which the notice of that year does not list.
   */
  otherYears: Record<string, { holidays: IsoDate[]; workdays: IsoDate[] }>;
  /** What it could not read, or read but found inconsistent (a weekday that does not match). */
  problems: NoticeProblem[];
}

const WEEKDAY_NAMES: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_WORDS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const SECTION = /([一二三四五六七八九十]+)、([^：。；]{1,30}?)：/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?/g;

interface WrittenDate {
  year: number | null;
  month: number | null;
  day: number;
  note: string;
  written: string;
}

interface Section {
  where: string;
  name: string;
  body: string;
}

function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/[\s\u3000]+/g, '');
}

function sectionsOf(text: string): Section[] {
  const found = [...text.matchAll(SECTION)];
  return found.map((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[index + 1]?.index ?? text.length;
    return { where: `${match[1]}、${match[2]}`, name: match[2], body: text.slice(start, end) };
  });
}

function datesIn(text: string): WrittenDate[] {
  return [...text.matchAll(DATE)].map((match) => ({
    year: match[1] ? Number(match[1]) : null,
    month: match[2] ? Number(match[2]) : null,
    day: Number(match[3]),
    note: match[4] ?? '',
    written: match[0],
  }));
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(candidate) ? candidate : null;
}

/**
 * Parses the text of the 国务院办公厅 notice on a year's holidays (部分节假日安排的通知), as an admin
 * pastes it: `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。二、春节：…`.
 * Ranges may run within a month (4月4日至6日) or across months and years (12月31日至1月2日); make-up
 * working days may be several (1月26日（周日）、2月8日（周六）上班). Weekdays written in brackets and
 * `共N天` are checked against the calendar; what does not fit, or cannot be read, is in `problems`.
 */
export function parseHolidayNotice(year: number, text: string): ParsedHolidayNotice {
  const problems: NoticeProblem[] = [];
  const normalized = normalize(text);
  const titleMatch = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(normalized);
  if (titleMatch && Number(titleMatch[1]) !== year) {
    problems.push({ where: '全文', message: `这是${titleMatch[1]}年的通知，不是${year}年的：请核对年份` });
  }
  const entry: HolidayYearEntry = {
    notice: titleMatch?.[0] ?? `国务院办公厅关于${year}年部分节假日安排的通知`,
    holidays: [],
    workdays: [],
  };
  const otherYears: ParsedHolidayNotice['otherYears'] = {};
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const elsewhere = (date: IsoDate) => {
    const key = String(yearOf(date));
    otherYears[key] ??= { holidays: [], workdays: [] };
    return otherYears[key];
  };

  const sections = sectionsOf(normalized);
  if (sections.length === 0) {
    problems.push({ where: '全文', message: '没有找到“一、元旦：1月1日……放假”这样的条目：请粘贴通知的正文' });
  }

  for (const section of sections) {
    const problem = (message: string) => problems.push({ where: section.where, message });

    /** A written date as a calendar date; `month` and `year` carry over from the date before it. */
    const resolve = (date: WrittenDate, carried: { month: number | null; year: number | null }): IsoDate | null => {
      const month = date.month ?? carried.month;
      if (month === null) {
        problem(`“${date.written}”没有写月份，无法确定日期`);
        return null;
      }
      const dateYear = date.year ?? carried.year ?? (month === 12 && section.name.includes('元旦') ? year - 1 : year);
      const iso = isoOf(dateYear, month, date.day);
      if (!iso) {
        problem(`“${date.written}”不是有效的日期`);
        return null;
      }
      const noted = /(?:周|星期)([日天一二三四五六])/.exec(date.note);
      if (noted && WEEKDAY_NAMES[noted[1]] !== weekday(iso)) {
        problem(`${month}月${date.day}日注明是${noted[0]}，但按日历是${WEEKDAY_WORDS[weekday(iso)]}：请核对`);
      }
      carried.month = month;
      carried.year = dateYear;
      return iso;
    };

    let readHoliday = false;
    for (const sentence of section.body.split(/[。；]/)) {
      const offAt = sentence.indexOf('放假');
      const workAt = sentence.indexOf('上班');
      if (offAt >= 0) {
        const part = sentence.slice(0, offAt);
        const [fromPart, toPart] = part.split('至');
        const fromDates = datesIn(fromPart);
        const toDates = toPart !== undefined ? datesIn(toPart) : [];
        if (fromDates.length !== 1 || (toPart !== undefined && toDates.length !== 1)) {
          problem(`没有读懂放假日期“${part}”`);
          continue;
        }
        const from = fromDates[0];
        const to = toDates[0] ?? null;
        // 12月31日至1月2日: a range that runs into January starts the year before.
        const crossesYear = to !== null && to.month !== null && from.month !== null && from.month > to.month;
        const carried = { month: null as number | null, year: from.year ?? (crossesYear ? year - 1 : null) };
        const start = resolve(from, carried);
        if (start && to && to.year === null && crossesYear) carried.year = yearOf(start) + 1;
        const end = to ? resolve(to, carried) : start;
        if (!start || !end) continue;
        if (end < start) {
          problem(`放假的结束日早于开始日：“${part}”`);
          continue;
        }
        readHoliday = true;
        const length = daysBetween(start, end) + 1;
        const stated = /(?:共|放假)(\d+)天/.exec(sentence);
        if (stated && Number(stated[1]) !== length) {
          problem(`通知写的是共${stated[1]}天，但${start}至${end}是${length}天：请核对`);
        }
        let inYear: { from: IsoDate; to: IsoDate } | null = null;
        for (let day = start; day <= end; day = addDays(day, 1)) {
          if (yearOf(day) === year) {
            holidays.add(day);
            inYear = inYear ? { from: inYear.from, to: day } : { from: day, to: day };
          } else {
            elsewhere(day).holidays.push(day);
          }
        }
        if (inYear) entry.holidays.push({ name: section.name, ...inYear });
      }
      if (workAt >= 0) {
        const part = sentence.slice(offAt >= 0 && offAt < workAt ? offAt + 2 : 0, workAt);
        const dates = datesIn(part);
        if (dates.length === 0) {
          problem(`没有读懂调休上班的日期“${part}”`);
          continue;
        }
        const carried = { month: null as number | null, year: null as number | null };
        for (const written of dates) {
          const date = resolve(written, carried);
          if (!date) continue;
          carried.year = written.year;
          if (yearOf(date) === year) {
            workdays.add(date);
            entry.workdays.push({ name: section.name, date });
          } else {
            elsewhere(date).workdays.push(date);
          }
        }
      }
    }
    if (!readHoliday) problem('没有读出这一条的放假日期');
  }

  for (const date of workdays) {
    if (holidays.has(date)) problems.push({ where: '全文', message: `${date}既是放假日又是上班日：请核对` });
  }
  const sorted = (dates: Set<IsoDate>) => [...dates].sort();
  return { year, holidays: sorted(holidays), workdays: sorted(workdays), entry, otherYears, problems };
}
