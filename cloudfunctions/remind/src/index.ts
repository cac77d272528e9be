/**
 * The `remind` cloud function: run daily by its timer trigger (config.json). It works out today's
 * reminders in Asia/Shanghai from the current instant — not from the trigger's clock — so it
 * raises the right day's reminders whenever it runs.
 */
import { runReminderJob } from '../../../server/reminders/job';
import { createCloudFunction } from '../../../server/wechat/entry';

const cloudFunction = createCloudFunction();

export async function main(event: { date?: string } = {}) {
  const date = typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  await cloudFunction.ready();
  return runReminderJob(cloudFunction.api, date);
}
