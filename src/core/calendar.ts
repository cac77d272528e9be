import { addDays, isIsoDate, weekday, yearOf, type IsoDate } from './dates';

/** The official holiday calendar as published each year by 国务院办公厅, kept as data. */
export interface HolidayCalendarData {
  source?: string;
  years: Record<
    string,
    {
      notice: string;
      holidays: Array<{ name: string; from: IsoDate; to: IsoDate }>;
      workdays: Array<{ name: string; date: IsoDate }>;
    }
  >;
}

export interface WorkingCalendar {
  /** Whether the official notice for that year is in the calendar. */
  knowsYear(year: number): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The date `count` working days after `start` (the start day itself not counted).
   * `estimated` is true when any day counted falls in a year the calendar lacks: those days are
   * judged by weekday alone.
   */
  addWorkingDays(start: IsoDate, count: number): { date: IsoDate; estimated: boolean };
}

export class HolidayDataError extends Error {}

/** Checks calendar data an admin edited; throws a message naming the bad entry. */
export function validateHolidayData(data: HolidayCalendarData): void {
  if (!data || typeof data !== 'object' || !data.years || typeof data.years !== 'object') {
    throw new HolidayDataError('节假日数据缺少 years');
  }
  for (const [yearKey, year] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(yearKey)) throw new HolidayDataError(`年份“${yearKey}”不是四位数字`);
    if (!Array.isArray(year.holidays) || !Array.isArray(year.workdays)) {
      throw new HolidayDataError(`${yearKey}年缺少 holidays 或 workdays`);
    }
    for (const holiday of year.holidays) {
      if (!isIsoDate(holiday.from) || !isIsoDate(holiday.to) || holiday.from > holiday.to) {
        throw new HolidayDataError(`${yearKey}年假期“${holiday.name}”的日期不正确`);
      }
      if (String(yearOf(holiday.from)) !== yearKey || String(yearOf(holiday.to)) !== yearKey) {
        throw new HolidayDataError(`${yearKey}年假期“${holiday.name}”的日期不在该年内`);
      }
    }
    for (const workday of year.workdays) {
      if (!isIsoDate(workday.date) || String(yearOf(workday.date)) !== yearKey) {
        throw new HolidayDataError(`${yearKey}年调休上班日“${workday.name}”的日期不正确`);
      }
    }
  }
}

export function createWorkingCalendar(data: HolidayCalendarData): WorkingCalendar {
  validateHolidayData(data);
  const knownYears = new Set(Object.keys(data.years).map(Number));
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const year of Object.values(data.years)) {
    for (const holiday of year.holidays) {
      for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) holidays.add(day);
    }
    for (const workday of year.workdays) workdays.add(workday.date);
  }

  const isWorkingDay = (date: IsoDate): boolean => {
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  };

  return {
    knowsYear: (year) => knownYears.has(year),
    isWorkingDay,
    addWorkingDays(start, count) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0`);
      let date = start;
      let estimated = false;
      for (let counted = 0; counted < count;) {
        date = addDays(date, 1);
        if (!knownYears.has(yearOf(date))) estimated = true;
        if (isWorkingDay(date)) counted += 1;
      }
      return { date, estimated };
    },
  };
}
