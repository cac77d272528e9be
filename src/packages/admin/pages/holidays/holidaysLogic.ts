import type { CalendarYearView } from '../../../../contract/replies';
import { daysBetween } from '../../../../core/dates';
import { parseHolidayNotice, type ParsedHolidayNotice } from '../../../../core/holidayNotice';

/** 管理 → 节假日, the parts that are not the screen (tested in Node). */

/** The notice as pasted, read as the server will read it (lines starting # are not the notice's). */
export function readNotice(year: number, text: string): ParsedHolidayNotice | null {
  return text.trim() === '' ? null : parseHolidayNotice(year, text);
}

/** What the parser read, as the page lists it. */
export function noticeView(parsed: ParsedHolidayNotice): Omit<CalendarYearView, 'notice'> {
  return {
    year: parsed.year,
    holidays: parsed.entry.holidays.map((holiday) => ({
      ...holiday,
      days: daysBetween(holiday.from, holiday.to) + 1,
    })),
    workdays: parsed.entry.workdays,
  };
}

/** The year to offer first: next year unless the calendar has it already, then this year. */
export function firstYear(today: string, known: readonly number[]): number {
  const year = Number(today.slice(0, 4));
  if (!known.includes(year + 1)) return year + 1;
  return known.includes(year) ? year + 1 : year;
}

/** 2月15日至23日（9天） */
export function rangeWords(holiday: { from: string; to: string; days: number }): string {
  const words = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return holiday.from === holiday.to
    ? `${words(holiday.from)}（1天）`
    : `${words(holiday.from)}至${words(holiday.to)}（${holiday.days}天）`;
}

export function dayWords(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Whether what was read may be saved: some days off, nothing that does not add up. */
export function canSave(parsed: ParsedHolidayNotice | null): boolean {
  return parsed !== null && parsed.holidays.length > 0 && parsed.problems.length === 0;
}
