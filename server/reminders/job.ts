import { addDays, shanghaiDate, yearOf, type IsoDate } from '../../src/core/dates';
import { scheduledReminder } from '../../src/core/reminders';
import type { ApiContext } from '../context';
import { itemOf, loadDistrictContext } from '../districtContext';
import { listYearTasks } from '../tasks';
import { composeReminder } from './compose';
import { raiseReminders, unitRecipients } from './raise';

/** How many units' reminders are raised at the same time. */
export const UNITS_AT_ONCE = 8;

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[(next += 1) - 1]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

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
    // Only tasks due within the week ahead (or overdue) can be reminded today: last year's that
    // are still open, this year's, and from December next year's January deadlines.
    const years = date.slice(5, 7) === '12' ? [year - 1, year, year + 1] : [year - 1, year];
    const open = (
      await Promise.all(
        years.map((one) =>
          listYearTasks(api, context, { year: one, statuses: ['pending', 'returned'], dueBefore: addDays(date, 8) }),
        ),
      )
    ).flat();
    const dueByUnit = new Map<string, typeof open>();
    for (const task of open) {
      if (scheduledReminder(task, date)) dueByUnit.set(task.unitId, [...(dueByUnit.get(task.unitId) ?? []), task]);
    }
    // Units side by side (each one's reminders in order): a busy December day stays well within
    // the function's 60 s on the cloud, where every request takes a few milliseconds.
    await inPool([...dueByUnit.values()], UNITS_AT_ONCE, async (tasks) => {
      const recipients = await unitRecipients(api, tasks[0]);
      if (recipients.length === 0) return;
      const reminders = tasks.flatMap((task) => {
        const kind = scheduledReminder(task, date);
        const item = itemOf(context, task.year, task.itemNo);
        return kind
          ? recipients.map((user) => composeReminder({ kind, task, item, recipientOpenid: user.openid, date, at }))
          : [];
      });
      const added = await raiseReminders(api, reminders);
      raised += added.length;
    });
  }
  return { date, raised };
}
