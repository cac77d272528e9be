import type { IsoDate } from './dates';
import type { TaskStatus } from './status';

/**
 * Counts of a scope's tasks in one year that share a due date. Rates as of any date come from
 * these alone, so the back end can keep them as counters instead of reading every task.
 */
export interface RateBucket {
  dueDate: IsoDate;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  /** Tasks first submitted no later than their due date. */
  onTime: number;
  /** 不涉及: kept apart, in no total and no rate. */
  exempt: number;
}

/**
 * Every rate with the counts it comes from: completionRate = approved / total, reportRate =
 * reported / total (reported = submitted + approved), onTimeRate = onTime / due. `total` =
 * pending + submitted + approved + returned; exempt tasks are counted apart and in none of them.
 */
export interface Rates {
  total: number;
  due: number;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  /** submitted + approved: what reportRate counts. */
  reported: number;
  overdue: number;
  onTime: number;
  /** 不涉及, not in `total`. */
  exempt: number;
  completionRate: number;
  reportRate: number;
  onTimeRate: number;
}

export interface RatedTask {
  dueDate: IsoDate;
  status: TaskStatus;
  /** Beijing date of the first submission, if any. */
  firstSubmittedOn?: IsoDate | null;
}

export function emptyBucket(dueDate: IsoDate): RateBucket {
  return { dueDate, pending: 0, submitted: 0, approved: 0, returned: 0, onTime: 0, exempt: 0 };
}

/** First submitted by the due date; an exempt task is never counted. */
export function isOnTime(task: RatedTask): boolean {
  return task.status !== 'exempt' && Boolean(task.firstSubmittedOn && task.firstSubmittedOn <= task.dueDate);
}

export function bucketsFromTasks(tasks: Iterable<RatedTask>): RateBucket[] {
  const byDate = new Map<IsoDate, RateBucket>();
  for (const task of tasks) {
    const bucket = byDate.get(task.dueDate) ?? emptyBucket(task.dueDate);
    bucket[task.status] += 1;
    if (isOnTime(task)) bucket.onTime += 1;
    byDate.set(task.dueDate, bucket);
  }
  return [...byDate.values()].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
}

function ratio(part: number, whole: number, whenEmpty: number): number {
  return whole === 0 ? whenEmpty : part / whole;
}

/**
 * completionRate = approved / total; reportRate = (submitted + approved) / total;
 * onTimeRate = due tasks first submitted by their due date / due (1 when nothing is due).
 * `due` counts tasks due on or before `asOf`. Overdue ones are past due (due before `asOf`) and neither
 * submitted nor approved: on its due day a task can still be reported on time, and shows yellow, not
 * red, so it is not counted overdue until the day after. Exempt tasks are in none of these: they
 * are counted apart (`exempt`).
 */
export function ratesFromBuckets(buckets: Iterable<RateBucket>, asOf: IsoDate): Rates {
  const rates = {
    total: 0,
    due: 0,
    pending: 0,
    submitted: 0,
    approved: 0,
    returned: 0,
    reported: 0,
    overdue: 0,
    onTime: 0,
    exempt: 0,
  };
  for (const bucket of buckets) {
    const count = bucket.pending + bucket.submitted + bucket.approved + bucket.returned;
    rates.total += count;
    rates.pending += bucket.pending;
    rates.submitted += bucket.submitted;
    rates.approved += bucket.approved;
    rates.returned += bucket.returned;
    rates.reported += bucket.submitted + bucket.approved;
    rates.exempt += bucket.exempt;
    if (bucket.dueDate <= asOf) {
      rates.due += count;
      rates.onTime += bucket.onTime;
    }
    if (bucket.dueDate < asOf) rates.overdue += bucket.pending + bucket.returned;
  }
  return {
    ...rates,
    completionRate: ratio(rates.approved, rates.total, 0),
    reportRate: ratio(rates.reported, rates.total, 0),
    onTimeRate: ratio(rates.onTime, rates.due, 1),
  };
}

export function ratesOf(tasks: Iterable<RatedTask>, asOf: IsoDate): Rates {
  return ratesFromBuckets(bucketsFromTasks(tasks), asOf);
}
