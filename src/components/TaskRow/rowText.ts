import type { TaskSummary } from '../../contract/replies';
import { formatDate, formatDue } from '../../utils/format';

/** What a row says of a request waiting for the lead unit, and of a due date a 延期 moved. */
export function requestMark(task: Pick<TaskSummary, 'openRequest' | 'originalDueDate' | 'status'>): string | null {
  if (task.openRequest === 'extension') return '延期申请中';
  if (task.openRequest === 'exemption') return '不涉及申请中';
  if (task.originalDueDate && task.status !== 'exempt') return '已延期';
  return null;
}

/**
 * The due date as a row shows it: how far off it is while the task is still to do, the plain date
 * once it is reported (a report in on time is not 逾期), and 预估 when the calendar lacked the year.
 */
export function dueText(task: Pick<TaskSummary, 'dueDate' | 'status' | 'estimated'>, today: string): string {
  if (task.status === 'exempt') return '无需报送';
  const done = task.status === 'submitted' || task.status === 'approved';
  const text = done ? `${formatDate(task.dueDate)}截止` : formatDue(task.dueDate, today);
  return task.estimated ? `${text}（预估）` : text;
}
