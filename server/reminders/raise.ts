import type { ReminderRecord, TaskRecord, UserRecord } from '../../src/core/model';
import type { ApiContext } from '../context';

/** The people a unit's reminders go to: its active staff and reviewers (they work its tasks). */
export async function unitRecipients(
  api: ApiContext,
  task: Pick<TaskRecord, 'districtId' | 'unitId'>,
): Promise<UserRecord[]> {
  const users = await api.store.listUsers(task.districtId, { unitId: task.unitId });
  return users.filter((user) => !user.disabled && (user.role === 'staff' || user.role === 'reviewer'));
}

/**
 * Records reminders (those already raised are skipped) and delivers each new one once, writing
 * every delivery and its result to the outbox. Returns the reminders that were new.
 */
export async function raiseReminders(api: ApiContext, reminders: ReminderRecord[]): Promise<ReminderRecord[]> {
  const added = await api.store.addReminders(reminders);
  for (const reminder of added) {
    const delivery = api.sender
      ? await api.sender.deliver(reminder).catch((error: unknown) => ({
          channel: 'subscribe' as const,
          templateId: null,
          status: 'failed' as const,
          detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error',
          payload: null,
        }))
      : {
          channel: 'local' as const,
          templateId: null,
          status: 'skipped' as const,
          detail: '只在应用内提醒',
          payload: null,
        };
    await api.store.addOutbox({
      id: `${reminder.id}|${api.newId()}`,
      districtId: reminder.districtId,
      reminderId: reminder.id,
      recipientOpenid: reminder.recipientOpenid,
      at: api.now().toISOString(),
      ...delivery,
    });
  }
  return added;
}
