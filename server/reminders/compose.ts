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
    case 'approved':
      return `已审核通过${extra ? `：${extra}` : ''}`;
    case 'urge':
      return `${extra ?? '区领导'}催办：${overdueDays > 0 ? `已逾期${overdueDays}天，` : ''}请尽快报送`;
    case 'extension-requested': {
      const asked = task.extension ? monthDay(task.extension.dueDate) : '';
      const late = task.extension?.late ? '（已逾期后申请）' : '';
      return `${extra ?? '责任单位'}申请延期至${asked}${late}，请审批`;
    }
    case 'exemption-requested':
      return `${extra ?? '责任单位'}申请“不涉及”，请审批`;
    case 'extension-approved':
      return `延期申请已同意，截止日期改为${due}`;
    case 'extension-refused':
      return `延期申请未同意，截止日期仍为${due}${extra ? `：${extra}` : ''}`;
    case 'exemption-approved':
      return '“不涉及”申请已同意，这项任务今年无需报送';
    case 'exemption-refused':
      return `“不涉及”申请未同意，请按时报送${extra ? `：${extra}` : ''}`;
    case 'exemption-revoked':
      return `“不涉及”已撤销，请按时报送${extra ? `：${extra}` : ''}`;
    case 'instruction':
      return `领导批示：${extra ?? ''}`;
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
