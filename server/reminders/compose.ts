import type { CatalogItem } from '../../src/core/catalog/types';
import { daysBetween, type IsoDate } from '../../src/core/dates';
import type { Instant, ReminderRecord, TaskRecord } from '../../src/core/model';
import type { ReminderKind } from '../../src/core/reminders';

function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** What a reminder says, in the words a township clerk reads on the phone. */
export function reminderMessage(kind: ReminderKind, task: TaskRecord, date: IsoDate, extra?: string | null): string {
  const due = monthDay(task.dueDate);
  const overdueDays = daysBetween(task.dueDate, date);
  switch (kind) {
    case 'due-7':
      return `7天后到期（${due}），请及时报送`;
    case 'due-3':
      return `3天后到期（${due}），请及时报送`;
    case 'due-1':
      return `明天到期（${due}），请抓紧报送`;
    case 'due-0':
      return `今天到期（${due}），请今天报送`;
    case 'overdue':
      return `已逾期${overdueDays}天（应于${due}前报送），请尽快报送`;
    case 'returned':
      return `被退回，请按审核意见修改后重新报送${extra ? `：${extra}` : ''}`;
    case 'urge':
      return `${extra ?? '区领导'}催办：${overdueDays > 0 ? `已逾期${overdueDays}天，` : ''}请尽快报送`;
  }
}

/** One reminder for one person about one task; its id makes raising it twice keep one. */
export function composeReminder(input: {
  kind: ReminderKind;
  task: TaskRecord;
  item: CatalogItem;
  recipientOpenid: string;
  date: IsoDate;
  at: Instant;
  /** Distinguishes reminders of the same kind on the same day (a second return). */
  occasion?: string;
  extra?: string | null;
}): ReminderRecord {
  const { kind, task, recipientOpenid, date } = input;
  return {
    id: [kind, task.id, input.occasion ?? date, recipientOpenid].join('|'),
    districtId: task.districtId,
    recipientOpenid,
    unitId: task.unitId,
    taskId: task.id,
    kind,
    title: `第${task.itemNo}项 ${input.item.title}`,
    message: reminderMessage(kind, task, date, input.extra),
    dueDate: task.dueDate,
    date,
    createdAt: input.at,
    readAt: null,
  };
}
