import type { OverdueTask, TaskSummary } from '../../contract/replies';

/** What the leaders' pages compute from the summaries: pure functions, tested without Taro. */

export type TaskGroupKey = 'overdue' | 'returned' | 'submitted' | 'pending' | 'approved' | 'exempt';

export interface TaskGroup {
  key: TaskGroupKey;
  title: string;
  tasks: TaskSummary[];
}

const GROUP_TITLE: Record<TaskGroupKey, string> = {
  overdue: '已逾期',
  returned: '已退回，待修改',
  submitted: '已报送，待审核',
  pending: '待报送',
  approved: '已通过',
  exempt: '不涉及',
};

/** What needs attention first: overdue, then returned, waiting for review, not yet reported, done. */
const GROUP_ORDER: TaskGroupKey[] = ['overdue', 'returned', 'submitted', 'pending', 'approved', 'exempt'];

export function groupKeyOf(task: Pick<TaskSummary, 'status' | 'light'>): TaskGroupKey {
  if ((task.status === 'pending' || task.status === 'returned') && task.light === 'red') return 'overdue';
  return task.status;
}

/** A unit's tasks by status, most urgent group first, each group by due date then item number. */
export function groupTasksByStatus(tasks: TaskSummary[]): TaskGroup[] {
  const byKey = new Map<TaskGroupKey, TaskSummary[]>();
  for (const task of tasks) {
    const key = groupKeyOf(task);
    byKey.set(key, [...(byKey.get(key) ?? []), task]);
  }
  return GROUP_ORDER.filter((key) => byKey.has(key)).map((key) => ({
    key,
    title: GROUP_TITLE[key],
    tasks: [...(byKey.get(key) ?? [])].sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.itemNo - b.itemNo || a.label.localeCompare(b.label),
    ),
  }));
}

export interface OverdueUnit {
  unitId: string;
  unitName: string;
  maxDays: number;
  tasks: OverdueTask[];
}

/** The overdue list by unit: the units with most overdue first, each unit's longest-overdue first. */
export function overdueByUnit(overdue: OverdueTask[]): OverdueUnit[] {
  const byUnit = new Map<string, OverdueUnit>();
  for (const task of overdue) {
    const unit = byUnit.get(task.unitId) ?? { unitId: task.unitId, unitName: task.unitName, maxDays: 0, tasks: [] };
    unit.tasks.push(task);
    unit.maxDays = Math.max(unit.maxDays, task.daysOverdue);
    byUnit.set(task.unitId, unit);
  }
  return [...byUnit.values()]
    .map((unit) => ({ ...unit, tasks: [...unit.tasks].sort((a, b) => b.daysOverdue - a.daysOverdue) }))
    .sort(
      (a, b) => b.tasks.length - a.tasks.length || b.maxDays - a.maxDays || a.unitName.localeCompare(b.unitName, 'zh'),
    );
}

/** The first year of the task list (昌府办字〔2024〕45号). */
export const FIRST_YEAR = 2024;

/**
 * The years a leader can switch between: this year and the one before (the back end keeps the tasks of
 * the year at hand and its neighbours), newest first, never before the list began.
 */
export function yearChoices(currentYear: number, firstYear = FIRST_YEAR): number[] {
  const years: number[] = [];
  for (let year = currentYear; year >= Math.max(firstYear, currentYear - 1); year -= 1) years.push(year);
  return years.length > 0 ? years : [currentYear];
}

/** A year from a page query (?year=2025), or the fallback when it is missing or not a year. */
export function yearFromQuery(value: string | undefined, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}
