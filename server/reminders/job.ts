import { addDays, shanghaiDate, yearOf, type IsoDate } from '../../src/core/dates';
import { scheduledReminder } from '../../src/core/reminders';
import type { ApiContext } from '../context';
import { itemOf, loadDistrictContext } from '../districtContext';
import { ensureYearTasks } from '../tasks';
import { composeReminder } from './compose';
import { raiseReminders, unitRecipients } from './raise';

export interface ReminderJobResult {
  date: IsoDate;
  raised: number;
}

/**
 * The daily reminder run for every district: each open task due in 7, 3 or 1 days, due today, or
 * overdue by a whole number of weeks plus a day reminds its unit's people. Running it twice on
 * the same day raises and sends nothing new.
 */
export async function runReminderJob(
  api: ApiContext,
  date: IsoDate = shanghaiDate(api.now()),
): Promise<ReminderJobResult> {
  let raised = 0;
  const at = api.now().toISOString();
  for (const district of await api.store.listDistricts()) {
    const context = await loadDistrictContext(api.store, district.id);
    const year = yearOf(date);
    await ensureYearTasks(api, context, year);
    // From December, next year's January deadlines are near enough to remind about.
    if (date.slice(5, 7) === '12') await ensureYearTasks(api, context, year + 1);
    // Only tasks due within the week ahead (or overdue) can be reminded today.
    const open = await api.store.listTasks(district.id, {
      statuses: ['pending', 'returned'],
      dueBefore: addDays(date, 8),
    });
    const recipientsByUnit = new Map<string, Awaited<ReturnType<typeof unitRecipients>>>();
    for (const task of open) {
      const kind = scheduledReminder(task, date);
      if (!kind) continue;
      if (!recipientsByUnit.has(task.unitId)) recipientsByUnit.set(task.unitId, await unitRecipients(api, task));
      const item = itemOf(context, task.itemNo);
      const reminders = (recipientsByUnit.get(task.unitId) ?? []).map((user) =>
        composeReminder({ kind, task, item, recipientOpenid: user.openid, date, at }),
      );
      raised += (await raiseReminders(api, reminders)).length;
    }
  }
  return { date, raised };
}
