import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { HolidayDataError, validateHolidayData, type HolidayCalendarData } from '../../src/core/calendar';
import { yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { parseHolidayNotice, type HolidayYearEntry } from '../../src/core/holidayNotice';
import defaultHolidays from '../../data/holidays.json';
import { calendarWithYear, calendarYearView, entryFromDates, moveTasksToCalendar } from '../calendarUpdate';
import { memberHandler } from '../handler';
import { isoDate, year } from '../validation';

export const NOTICE_MAX_CHARS = 20_000;

const dates = z.array(isoDate).max(80, '日期太多');
const schema = z
  .object({
    year,
    noticeText: z.string().max(NOTICE_MAX_CHARS, `不能超过${NOTICE_MAX_CHARS}个字`).optional(),
    holidays: dates.optional(),
    workdays: dates.optional(),
  })
  .strict()
  .refine(
    (input) => (input.noticeText !== undefined) !== (input.holidays !== undefined || input.workdays !== undefined),
    '请粘贴通知正文，或填写放假日期和调休上班日期（二者选一）',
  );

/** Where the notice or the dates cannot be kept as they are: what to fix, in a few lines. */
function refuse(problems: Array<{ where: string; message: string }>): never {
  const shown = problems.slice(0, 3).map((problem) => `${problem.where}：${problem.message}`);
  const more = problems.length > 3 ? `（另有${problems.length - 3}处）` : '';
  throw new DomainError('FAILED_PRECONDITION', `没有保存：${shown.join('；')}${more}`);
}

/**
 * A year of the national holiday calendar, from the 国务院办公厅 notice as pasted (or from dates):
 * deadlines counted in working days through that year become exact, and stored tasks whose due
 * date moved say so in their history. What the notice says that does not add up is refused.
 */
export default memberHandler('calendar.set', schema, async (input, { api, actor, user }) => {
  authorize(actor, { kind: 'admin' });
  let entry: HolidayYearEntry;
  let otherYears = {};
  if (input.noticeText !== undefined) {
    const parsed = parseHolidayNotice(input.year, input.noticeText);
    if (parsed.problems.length > 0) refuse(parsed.problems);
    if (parsed.holidays.length === 0) refuse([{ where: '全文', message: '没有读出放假日期，请粘贴通知的正文' }]);
    entry = parsed.entry;
    otherYears = parsed.otherYears;
  } else {
    const holidays = input.holidays ?? [];
    const workdays = input.workdays ?? [];
    const outside = [...holidays, ...workdays].filter((date) => yearOf(date) !== input.year);
    if (outside.length > 0) refuse([{ where: '日期', message: `${outside[0]}不在${input.year}年内` }]);
    if (holidays.length === 0) refuse([{ where: '放假日期', message: '请至少填写一天放假日期' }]);
    const both = workdays.find((date) => holidays.includes(date));
    if (both) refuse([{ where: '日期', message: `${both}既是放假日又是上班日` }]);
    entry = entryFromDates(input.year, holidays, workdays);
  }
  const kept = (await api.store.getCalendar()) ?? (defaultHolidays as HolidayCalendarData);
  const next = calendarWithYear(kept, input.year, entry, otherYears);
  try {
    validateHolidayData(next.calendar);
  } catch (error) {
    if (error instanceof HolidayDataError) refuse([{ where: `${input.year}年`, message: error.message }]);
    throw error;
  }
  await api.store.saveCalendar(next.calendar);
  const moved = await moveTasksToCalendar(api, next.calendar, next.years, actor, user.name);
  return {
    calendar: calendarYearView(input.year, entry),
    problems: next.notes.map((message) => ({ where: '全文', message })),
    moved,
    years: Object.keys(next.calendar.years)
      .map(Number)
      .sort((a, b) => a - b),
  };
});
