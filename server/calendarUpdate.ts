import { createWorkingCalendar, type HolidayCalendarData } from '../src/core/calendar';
import type { Actor } from '../src/core/authorization';
import type { HolidayYearEntry, ParsedHolidayNotice } from '../src/core/holidayNotice';
import { moveByCalendar } from '../src/core/listChanges';
import { dueAfterEvent } from '../src/core/schedule/tasks';
import type { Step } from '../src/core/workflow';
import type { CalendarYearView } from '../src/contract/replies';
import { addDays, daysBetween, yearOf, type IsoDate } from '../src/core/dates';
import type { ApiContext } from './context';
import { findItem, forgetDistrictContext, loadDistrictContext } from './districtContext';
import { applyToStoredTask } from './systemChanges';

/** One year of the calendar as the admin checks it. */
export function calendarYearView(year: number, entry: HolidayYearEntry): CalendarYearView {
  return {
    year,
    notice: entry.notice,
    holidays: entry.holidays.map((holiday) => ({ ...holiday, days: daysBetween(holiday.from, holiday.to) + 1 })),
    workdays: entry.workdays,
  };
}

/** Dates typed one by one, as the calendar keeps them: consecutive days off make one range. */
export function entryFromDates(year: number, holidays: IsoDate[], workdays: IsoDate[]): HolidayYearEntry {
  const ranges: HolidayYearEntry['holidays'] = [];
  for (const day of [...new Set(holidays)].sort()) {
    const last = ranges[ranges.length - 1];
    if (last && addDays(last.to, 1) === day) last.to = day;
    else ranges.push({ name: '放假', from: day, to: day });
  }
  return {
    notice: `${year}年节假日安排（管理员录入）`,
    holidays: ranges,
    workdays: [...new Set(workdays)].sort().map((date) => ({ name: '调休上班', date })),
  };
}

/**
 * The calendar with a year set, and the days the notice gives in a neighbouring year (元旦 from
 * 12月31日) added to that year where the calendar keeps it. Returns notes on those days.
 */
export function calendarWithYear(
  calendar: HolidayCalendarData,
  year: number,
  entry: HolidayYearEntry,
  otherYears: ParsedHolidayNotice['otherYears'] = {},
): { calendar: HolidayCalendarData; notes: string[]; years: number[] } {
  const years: HolidayCalendarData['years'] = { ...calendar.years, [String(year)]: entry };
  const notes: string[] = [];
  const changed = [year];
  for (const [key, days] of Object.entries(otherYears)) {
    const kept = years[key];
    const count = days.holidays.length + days.workdays.length;
    if (!kept) {
      notes.push(`通知中有${count}天属于${key}年，日历中还没有${key}年，未记入`);
      continue;
    }
    const covered = (day: IsoDate) => kept.holidays.some((holiday) => holiday.from <= day && day <= holiday.to);
    const holidays = days.holidays.filter((day) => !covered(day));
    const workdays = days.workdays.filter((day) => !kept.workdays.some((workday) => workday.date === day));
    if (holidays.length + workdays.length === 0) continue;
    years[key] = {
      ...kept,
      holidays: [...kept.holidays, ...holidays.map((day) => ({ name: `${year}年通知所列`, from: day, to: day }))],
      workdays: [...kept.workdays, ...workdays.map((date) => ({ name: `${year}年通知所列`, date }))],
    };
    notes.push(`通知中有${holidays.length + workdays.length}天属于${key}年，已一并记入${key}年的日历`);
    changed.push(Number(key));
  }
  return { calendar: { ...calendar, years }, notes, years: changed };
}

/**
 * After a year of the calendar was set: every stored task whose deadline counts working days
 * through a changed year gets its due date recomputed (and loses 预估), with a history entry that
 * says so. Tasks never stored follow by themselves (they are derived from the calendar).
 */
export async function moveTasksToCalendar(
  api: ApiContext,
  calendar: HolidayCalendarData,
  changedYears: number[],
  actor: Actor,
  actorName: string,
): Promise<number> {
  forgetDistrictContext();
  const working = createWorkingCalendar(calendar);
  const step: Step = {
    at: api.now().toISOString(),
    actor: { openid: actor.openid, name: actorName, role: actor.role, unitId: actor.unitId },
  };
  // A deadline counted from an event late in one year may fall due in the next.
  const taskYears = [...new Set(changedYears.flatMap((year) => [year, year + 1]))];
  let moved = 0;
  // The calendar is national: every district the deployment serves follows it.
  for (const district of await api.store.listDistricts()) {
    const context = await loadDistrictContext(api.store, district.id);
    for (const year of taskYears) {
      const stored = await api.store.listTasks(district.id, { year });
      for (const task of stored) {
        if (task.kind !== 'event' || !task.eventDate) continue;
        const item = findItem(context, yearOf(task.eventDate), task.itemNo)?.item;
        const rule = item?.schedule.events.find((event) => task.key.startsWith(`${event.key}-`));
        if (!rule || rule.unit !== 'workingDays') continue;
        const due = dueAfterEvent(rule, task.eventDate, working);
        const changedYear = changedYears.find((candidate) => candidate === yearOf(due.date)) ?? changedYears[0];
        const done = await applyToStoredTask(api, task, (current) => moveByCalendar(current, step, due, changedYear));
        if (done) moved += 1;
      }
    }
  }
  forgetDistrictContext();
  return moved;
}
