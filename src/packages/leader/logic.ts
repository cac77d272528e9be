import type { Stat } from '../../components/StatGrid';
import type { OverdueTask, RatesView as Rates, TaskSummary, UnitRates } from '../../contract/replies';
import { percent } from '../../utils/format';

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

/**
 * The years a leader can switch between: those the server offers (from the year the district began:
 * nothing was asked of anyone before), oldest first; before it has said, the year at hand.
 */
export function yearChoices(offered: readonly number[], current: number): number[] {
  const years = [...new Set(offered)].sort((a, b) => a - b);
  return years.length > 0 ? years : [current];
}

/** The year to open on: the one wanted if it is offered, else the offered year nearest to it. */
export function yearToShow(offered: readonly number[], wanted: number): number {
  if (offered.length === 0 || offered.includes(wanted)) return wanted;
  return [...offered].sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || b - a)[0];
}

/** What a ring shows: the rate, the counts it comes from, and a short line of what it counts. */
export interface RingView {
  key: 'completion' | 'report' | 'ontime';
  label: string;
  rate: number;
  counts: { part: number; whole: number };
  caption: string;
  colour: string;
}

/** The three rings of a scope, each with the counts it comes from (one formula per name). */
export function ringsOf(rates: Rates): RingView[] {
  return [
    {
      key: 'completion',
      label: '完成率',
      rate: rates.completionRate,
      counts: { part: rates.approved, whole: rates.total },
      caption: '已通过/全部',
      colour: '#b4282d',
    },
    {
      key: 'report',
      label: '报送率',
      rate: rates.reportRate,
      counts: { part: rates.reported, whole: rates.total },
      caption: '已报送（待审核+已通过）/全部',
      colour: '#2f7cf6',
    },
    {
      key: 'ontime',
      label: '按时报送率',
      rate: rates.onTimeRate,
      counts: { part: rates.onTime, whole: rates.due },
      caption: '按时报送/已到期',
      colour: '#2ba471',
    },
  ];
}

/**
 * The totals as a grid that adds up: 全部任务 = 待报送 + 已退回 + 待审核 + 已通过; then what is due,
 * what is overdue, and 不涉及 apart (in no total).
 */
export function totalsOf(rates: Rates): { sum: Stat & { note: string }; parts: Stat[]; apart: Stat[] } {
  return {
    sum: { key: 'total', label: '全部任务', value: rates.total, note: '＝ 下面四项相加（不含不涉及）' },
    parts: [
      { key: 'pending', label: '待报送', value: rates.pending },
      { key: 'returned', label: '已退回', value: rates.returned },
      { key: 'submitted', label: '待审核', value: rates.submitted },
      { key: 'approved', label: '已通过', value: rates.approved },
    ],
    apart: [
      { key: 'due', label: '已到期', value: rates.due, tone: 'muted' },
      { key: 'overdue', label: '逾期', value: rates.overdue, tone: rates.overdue ? 'red' : 'normal' },
      { key: 'exempt', label: '不涉及', value: rates.exempt, tone: 'muted' },
    ],
  };
}

/** The ranking: ranked units by rank, then those with too few due tasks, as the server listed them. */
export function rankingOrder<T extends Pick<UnitRates, 'ranked' | 'rank'>>(units: T[]): T[] {
  const ranked = units.filter((unit) => unit.ranked).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return [...ranked, ...units.filter((unit) => !unit.ranked)];
}

/** A unit's row: the counts first, then the rate; an unranked unit says why. */
export function unitRowNote(
  unit: Pick<UnitRates, 'approved' | 'total' | 'completionRate' | 'overdue' | 'ranked'>,
  minDueToRank: number,
  ranking: boolean,
): string {
  const parts = [`${unit.approved}/${unit.total}`, percent(unit.completionRate)];
  if (unit.overdue) parts.push(`逾期${unit.overdue}`);
  if (ranking && !unit.ranked) parts.push(`到期任务不足${minDueToRank}项，暂不排名`);
  return parts.join(' · ');
}

/** A year from a page query (?year=2025), or the fallback when it is missing or not a year. */
export function yearFromQuery(value: string | undefined, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}
