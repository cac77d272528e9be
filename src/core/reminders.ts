import { daysBetween, type IsoDate } from './dates';
import type { TaskStatus } from './status';

/**
 * When staff hear about a task: 7, 3 and 1 days before it is due, on the day, and once a week
 * while it is overdue (the day after, then every 7 days) — only while it still needs a report.
 * Returns and approvals, urges, requests (to the lead unit's reviewers), their decisions (to the unit) and
 * leaders' instructions are reminded when they happen.
 */
export type ReminderKind =
  | 'due-7'
  | 'due-3'
  | 'due-1'
  | 'due-0'
  | 'overdue'
  | 'returned'
  | 'approved'
  | 'urge'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-refused'
  | 'exemption-requested'
  | 'exemption-approved'
  | 'exemption-refused'
  | 'exemption-revoked'
  | 'instruction';

export const REMINDER_LABEL: Record<ReminderKind, string> = {
  'due-7': '7天后到期',
  'due-3': '3天后到期',
  'due-1': '明天到期',
  'due-0': '今天到期',
  overdue: '已逾期',
  returned: '被退回',
  approved: '审核通过',
  urge: '催办',
  'extension-requested': '延期申请',
  'extension-approved': '延期已同意',
  'extension-refused': '延期未同意',
  'exemption-requested': '不涉及申请',
  'exemption-approved': '不涉及已同意',
  'exemption-refused': '不涉及未同意',
  'exemption-revoked': '不涉及已撤销',
  instruction: '领导批示',
};

const BEFORE_DUE: Array<[number, ReminderKind]> = [
  [7, 'due-7'],
  [3, 'due-3'],
  [1, 'due-1'],
  [0, 'due-0'],
];

/** Pending or returned: an exempt task (不涉及), a submitted or an approved one needs nothing. */
export function needsReport(status: TaskStatus): boolean {
  return status === 'pending' || status === 'returned';
}

/** The scheduled reminder a task gets on `today`, if any. */
export function scheduledReminder(task: { dueDate: IsoDate; status: TaskStatus }, today: IsoDate): ReminderKind | null {
  if (!needsReport(task.status)) return null;
  const daysLeft = daysBetween(today, task.dueDate);
  const before = BEFORE_DUE.find(([days]) => days === daysLeft);
  if (before) return before[1];
  if (daysLeft < 0 && (-daysLeft - 1) % 7 === 0) return 'overdue';
  return null;
}

/** WeChat subscribe-message field limits, by the field's type (its key without the number). */
export const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  name: 10,
  car_number: 8,
  amount: 32,
  time: 40,
  date: 40,
};

/** Cuts a value to what WeChat accepts for the field (`thing1` → 20 characters, `phrase3` → 5 …). */
export function fitField(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const limit = FIELD_LIMITS[type] ?? 20;
  let text = value.replace(/[\r\n\t]+/g, ' ').trim();
  if (type === 'phrase') text = text.replace(/[^\u4e00-\u9fa5]/g, '');
  if (type === 'character_string' || type === 'letter') text = text.replace(/[^\x20-\x7e]/g, '');
  if (type === 'number') text = text.replace(/[^\d.]/g, '');
  const characters = [...text];
  if (characters.length <= limit) return text || '—';
  return type === 'thing' || type === 'name'
    ? `${characters.slice(0, limit - 1).join('')}…`
    : characters.slice(0, limit).join('');
}
