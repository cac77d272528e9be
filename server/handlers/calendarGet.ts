import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import type { HolidayCalendarData } from '../../src/core/calendar';
import defaultHolidays from '../../data/holidays.json';
import { calendarYearView } from '../calendarUpdate';
import { memberHandler } from '../handler';

/** The years of the holiday calendar, as kept (admin: 管理 → 节假日). */
export default memberHandler('calendar.get', z.object({}).strict(), async (_input, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const calendar = (await api.store.getCalendar()) ?? (defaultHolidays as HolidayCalendarData);
  return {
    years: Object.entries(calendar.years)
      .map(([year, entry]) => calendarYearView(Number(year), entry))
      .sort((a, b) => a.year - b.year),
  };
});
