/**
 * Calendar dates as `YYYY-MM-DD` strings in Asia/Shanghai.
 *
 * Arithmetic goes through UTC midnights so the host's zone never matters: cloud functions run in
 * UTC while every deadline in the task list is a Beijing date.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function toUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Beijing calendar date of an instant (China keeps no daylight saving time). */
export function shanghaiDate(instant: Date | number): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return fromUtcMs(ms + SHANGHAI_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return date;
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return fromUtcMs(Date.UTC(year, month, 1) - DAY_MS);
}

/** `MM-DD` in a given year; 02-29 falls back to 02-28 in common years. */
export function monthDayIn(year: number, monthDay: string): IsoDate {
  const [month, day] = monthDay.split('-').map(Number);
  if (month === 2 && day === 29 && !isIsoDate(`${year}-02-29`)) return makeDate(year, 2, 28);
  return makeDate(year, month, day);
}

export function isMonthDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2}-\d{2}$/.test(value) && isIsoDate(`2024-${value}`);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
