import { daysBetween, type IsoDate } from './dates';

/**
 * pending → submitted → approved | returned → submitted …; a submitted report may be withdrawn
 * (back to what it was). `exempt` (不涉及): the lead unit agreed the item does not apply to the unit
 * this year; it is left out of every total and rate.
 */
export type TaskStatus = 'pending' | 'submitted' | 'approved' | 'returned' | 'exempt';
export type Light = 'green' | 'blue' | 'yellow' | 'red' | 'grey';

export const STATUS_LABEL: Record<TaskStatus, string> = {
  pending: '待报送',
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
  exempt: '不涉及',
};

export const LIGHT_LABEL: Record<Light, string> = {
  green: '已完成',
  blue: '待审核',
  yellow: '临期或退回',
  red: '逾期',
  grey: '未到期',
};

/** Days before the due date from which a task shows yellow. */
export const DUE_SOON_DAYS = 7;

export interface TaskTiming {
  dueDate: IsoDate;
  status: TaskStatus;
}

/**
 * green approved · blue submitted · yellow due within 7 days, or returned · red past due and not
 * submitted (a returned task past due too) · grey not yet near, or exempt.
 */
export function lightOf(task: TaskTiming, today: IsoDate): Light {
  if (task.status === 'exempt') return 'grey';
  if (task.status === 'approved') return 'green';
  if (task.status === 'submitted') return 'blue';
  const daysLeft = daysBetween(today, task.dueDate);
  if (daysLeft < 0) return 'red';
  if (task.status === 'returned' || daysLeft <= DUE_SOON_DAYS) return 'yellow';
  return 'grey';
}

export function isOverdue(task: TaskTiming, today: IsoDate): boolean {
  return (task.status === 'pending' || task.status === 'returned') && task.dueDate < today;
}
