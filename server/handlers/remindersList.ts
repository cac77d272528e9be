import { z } from 'zod';
import { REMINDER_LABEL } from '../../src/core/reminders';
import { memberHandler } from '../handler';

/** The caller's reminders, newest first, with what is unread. */
export default memberHandler('reminders.list', z.object({}).strict(), async (_input, { api, actor }) => {
  const reminders = await api.store.listReminders(actor.districtId, actor.openid, 100);
  return {
    unread: reminders.filter((reminder) => !reminder.readAt).length,
    reminders: reminders.map((reminder) => ({
      id: reminder.id,
      kind: reminder.kind,
      kindLabel: REMINDER_LABEL[reminder.kind],
      title: reminder.title,
      message: reminder.message,
      taskId: reminder.taskId,
      dueDate: reminder.dueDate,
      date: reminder.date,
      createdAt: reminder.createdAt,
      read: reminder.readAt !== null,
    })),
  };
});
