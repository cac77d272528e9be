import { shanghaiDate } from '../src/core/dates';
import type { ReminderRecord } from '../src/core/model';
import type { ApiContext } from '../server/context';
import { runReminderJob } from '../server/reminders/job';
import type { Delivery, ReminderSender } from '../src/core/ports/ReminderSender';

/** The local cloud has no WeChat to send through: each delivery is written to the outbox only. */
export class LocalOutboxSender implements ReminderSender {
  async deliver(reminder: ReminderRecord): Promise<Delivery> {
    return {
      channel: 'local',
      templateId: null,
      status: 'sent',
      detail: '本地云：已写入应用内提醒',
      payload: { title: reminder.title, message: reminder.message, dueDate: reminder.dueDate },
    };
  }
}

/** Beijing clock time as HH:MM. */
function beijingClock(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/**
 * Runs the reminder job once a day at 07:30 Beijing time inside the local cloud (checked every
 * minute; the job itself is idempotent, so a restart the same day sends nothing twice).
 */
export function scheduleDailyReminders(api: ApiContext, log: (line: string) => void, time = '07:30'): () => void {
  let lastRun = '';
  const tick = () => {
    const now = api.now();
    const today = shanghaiDate(now);
    if (lastRun === today || beijingClock(now) < time) return;
    lastRun = today;
    runReminderJob(api, today)
      .then((result) => log(`${result.date} 提醒：新增 ${result.raised} 条`))
      .catch((error: unknown) => api.log?.('reminder job failed', error));
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
