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
 * Who decides a unit's 延期 and 不涉及 requests, and hears of them: the active reviewers of the
 * item's lead units other than the unit itself; where it leads the item alone, the district's leaders.
 */
export async function requestDeciders(
  api: ApiContext,
  task: Pick<TaskRecord, 'districtId' | 'unitId'>,
  leadUnitIds: string[],
): Promise<UserRecord[]> {
  const others = leadUnitIds.filter((unitId) => unitId !== task.unitId);
  const users =
    others.length > 0
      ? (
          await Promise.all(others.map((unitId) => api.store.listUsers(task.districtId, { unitId, role: 'reviewer' })))
        ).flat()
      : await api.store.listUsers(task.districtId, { role: 'leader' });
  return users.filter((user) => !user.disabled);
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
