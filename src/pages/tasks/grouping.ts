import type { Light } from '../../core/status';
import type { TaskSummary } from '../../contract/replies';

/** The sections of 我的任务, most urgent first. */
export type GroupKey = 'overdue' | 'dueSoon' | 'returned' | 'submitted' | 'approved' | 'later' | 'exempt';

export interface TaskGroup {
  key: GroupKey;
  title: string;
  light: Light;
  tasks: TaskSummary[];
}

const GROUPS: Array<{ key: GroupKey; title: string; light: Light }> = [
  { key: 'overdue', title: '逾期', light: 'red' },
  { key: 'dueSoon', title: '7日内到期', light: 'yellow' },
  { key: 'returned', title: '已退回', light: 'yellow' },
  { key: 'submitted', title: '待审核', light: 'blue' },
  { key: 'approved', title: '已完成', light: 'green' },
  { key: 'later', title: '未到期', light: 'grey' },
  { key: 'exempt', title: '不涉及（不计入任务数）', light: 'grey' },
];

/**
 * Which section a task belongs to. A returned task past its due date is red and goes with the
 * overdue ones: it is the most urgent thing on the list (its row still shows the reviewer's comment).
 * An exempt task (不涉及) goes to its own grey group at the end, out of the counts.
 */
export function groupOf(task: Pick<TaskSummary, 'light' | 'status'>): GroupKey {
  if (task.status === 'exempt') return 'exempt';
  if (task.status === 'approved') return 'approved';
  if (task.status === 'submitted') return 'submitted';
  if (task.light === 'red') return 'overdue';
  if (task.status === 'returned') return 'returned';
  if (task.light === 'yellow') return 'dueSoon';
  return 'later';
}

function byDueDate(a: TaskSummary, b: TaskSummary): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.itemNo !== b.itemNo) return a.itemNo - b.itemNo;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The non-empty sections in their fixed order, each sorted by due date then item number. */
export function groupTasks(tasks: TaskSummary[]): TaskGroup[] {
  const buckets = new Map<GroupKey, TaskSummary[]>(GROUPS.map((group) => [group.key, []]));
  for (const task of tasks) buckets.get(groupOf(task))?.push(task);
  return GROUPS.map((group) => ({ ...group, tasks: [...(buckets.get(group.key) ?? [])].sort(byDueDate) })).filter(
    (group) => group.tasks.length > 0,
  );
}

export const LIGHT_ORDER: Light[] = ['red', 'yellow', 'blue', 'green', 'grey'];

/**
 * The words under each count in the header. Yellow is both "due within 7 days" and "returned"; on a
 * narrow phone its label breaks after the slash (a zero-width space), not inside a word.
 */
export const LIGHT_COUNT_LABEL: Record<Light, string> = {
  red: '逾期',
  yellow: '临期/\u200b退回',
  blue: '待审核',
  green: '已完成',
  grey: '未到期',
};

/** The header's counts by light; exempt tasks (不涉及) are no task of the unit's and count nowhere. */
export function countByLight(
  tasks: Array<Pick<TaskSummary, 'light'> & Partial<Pick<TaskSummary, 'status'>>>,
): Record<Light, number> {
  const counts: Record<Light, number> = { red: 0, yellow: 0, blue: 0, green: 0, grey: 0 };
  for (const task of tasks) if (task.status !== 'exempt') counts[task.light] += 1;
  return counts;
}

/**
 * Whether a task matches what was typed in the search box: a number (13, 第13项, 13项) finds that
 * item; anything else is looked for in the title, the label and the indicator.
 */
export function matchesQuery(task: Pick<TaskSummary, 'itemNo' | 'title' | 'label' | 'indicator'>, query: string) {
  const wanted = query.trim().replace(/\s+/g, '');
  if (!wanted) return true;
  const asNumber = /^第?(\d{1,3})项?$/.exec(wanted);
  if (asNumber && Number(asNumber[1]) <= 99) return task.itemNo === Number(asNumber[1]);
  const lower = wanted.toLowerCase();
  return [task.title, task.label, task.indicator].some((field) =>
    field.replace(/\s+/g, '').toLowerCase().includes(lower),
  );
}

/** The tasks that match the search and the chosen light (a light counts no exempt task, so shows none). */
export function filterTasks<
  T extends Pick<TaskSummary, 'itemNo' | 'title' | 'label' | 'indicator' | 'light' | 'status'>,
>(tasks: T[], query: string, light: Light | null): T[] {
  return tasks.filter(
    (task) => (light === null || (task.light === light && task.status !== 'exempt')) && matchesQuery(task, query),
  );
}

/**
 * The years one can switch between: those the server offers (from the year the district began to
 * next year); before it has said, this year and the next.
 */
export function yearRange(currentYear: number, offered: readonly number[] = []): { min: number; max: number } {
  if (offered.length === 0) return { min: currentYear, max: currentYear + 1 };
  return { min: Math.min(...offered), max: Math.max(...offered) };
}
