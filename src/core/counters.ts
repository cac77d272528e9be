import type { CounterRecord, TaskRecord } from './model';
import { shanghaiDate } from './dates';
import { isOnTime, type RateBucket } from './rates';

export type CounterField = 'pending' | 'submitted' | 'approved' | 'returned' | 'onTime' | 'exempt';

export const COUNTER_FIELDS: readonly CounterField[] = [
  'pending',
  'submitted',
  'approved',
  'returned',
  'onTime',
  'exempt',
];

export interface CounterDelta {
  districtId: string;
  year: number;
  scope: string;
  dueDate: string;
  change: Partial<Record<CounterField, number>>;
}

type CountedTask = Pick<
  TaskRecord,
  | 'districtId'
  | 'year'
  | 'unitId'
  | 'level1'
  | 'level2'
  | 'itemNo'
  | 'dueDate'
  | 'status'
  | 'firstSubmittedOn'
  | 'submittedAt'
  | 'reviewedAt'
>;

/** The scopes a task counts in: the district, its unit, its two indicators and its item. */
export function scopesOf(task: Pick<TaskRecord, 'unitId' | 'level1' | 'level2' | 'itemNo'>): string[] {
  return ['district', `unit:${task.unitId}`, `l1:${task.level1}`, `l2:${task.level2}`, `item:${task.itemNo}`];
}

/**
 * Month scopes for the district's trend, counting what the rings count: the reports standing now
 * (submitted or approved: `submitted` here) by the month they were made, and approvals by the
 * month they were given (the counter's date is the first day of that month). Added up to a month,
 * they give that month's reportRate and completionRate numerators; up to today, today's.
 */
export const REPORTED_IN = 'reported-in';
export const APPROVED_IN = 'approved-in';

/** The Beijing date a standing report was made (its last submission). */
export function reportedOn(task: Pick<TaskRecord, 'status' | 'submittedAt' | 'firstSubmittedOn'>): string | null {
  if (task.status !== 'submitted' && task.status !== 'approved') return null;
  return task.submittedAt ? shanghaiDate(new Date(task.submittedAt)) : task.firstSubmittedOn;
}

interface Contribution {
  scope: string;
  dueDate: string;
  fields: Partial<Record<CounterField, number>>;
}

/** What a task adds to the counters: an exempt one counts only as exempt, in no month scope. */
function contributions(task: CountedTask): Contribution[] {
  const fields: Partial<Record<CounterField, number>> = { [task.status]: 1 };
  if (isOnTime(task)) fields.onTime = 1;
  const list: Contribution[] = scopesOf(task).map((scope) => ({ scope, dueDate: task.dueDate, fields }));
  const reported = reportedOn(task);
  if (reported) list.push({ scope: REPORTED_IN, dueDate: `${reported.slice(0, 7)}-01`, fields: { submitted: 1 } });
  if (task.status === 'approved' && task.reviewedAt) {
    const month = shanghaiDate(new Date(task.reviewedAt)).slice(0, 7);
    list.push({ scope: APPROVED_IN, dueDate: `${month}-01`, fields: { approved: 1 } });
  }
  return list;
}

/**
 * What a task change does to the counters: nothing when the status and on-time mark stay; the old
 * contribution taken out and the new one put in otherwise. `before` null is a new task.
 */
export function counterDeltas(before: CountedTask | null, after: CountedTask | null): CounterDelta[] {
  const byCounter = new Map<string, CounterDelta>();
  const apply = (task: CountedTask, sign: 1 | -1) => {
    for (const { scope, dueDate, fields } of contributions(task)) {
      const key = `${task.districtId}|${task.year}|${scope}|${dueDate}`;
      const delta = byCounter.get(key) ?? { districtId: task.districtId, year: task.year, scope, dueDate, change: {} };
      for (const [field, value] of Object.entries(fields) as Array<[CounterField, number]>) {
        delta.change[field] = (delta.change[field] ?? 0) + sign * value;
      }
      byCounter.set(key, delta);
    }
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);
  const deltas: CounterDelta[] = [];
  for (const delta of byCounter.values()) {
    const change = Object.fromEntries(Object.entries(delta.change).filter(([, value]) => value !== 0));
    if (Object.keys(change).length > 0) deltas.push({ ...delta, change });
  }
  return deltas;
}

export function bucketOf(counter: CounterRecord): RateBucket {
  const { dueDate, pending, submitted, approved, returned, onTime } = counter;
  return { dueDate, pending, submitted, approved, returned, onTime, exempt: counter.exempt ?? 0 };
}

/** Counters recomputed from tasks: what `stats:verify` compares the kept counters with. */
export function countersFromTasks(tasks: Iterable<CountedTask>): CounterRecord[] {
  const byKey = new Map<string, CounterRecord>();
  for (const task of tasks) {
    for (const delta of counterDeltas(null, task)) {
      const key = `${delta.districtId}|${delta.year}|${delta.scope}|${delta.dueDate}`;
      const counter = byKey.get(key) ?? {
        districtId: delta.districtId,
        year: delta.year,
        scope: delta.scope,
        dueDate: delta.dueDate,
        pending: 0,
        submitted: 0,
        approved: 0,
        returned: 0,
        onTime: 0,
        exempt: 0,
      };
      for (const [field, value] of Object.entries(delta.change) as Array<[CounterField, number]>)
        counter[field] += value;
      byKey.set(key, counter);
    }
  }
  return [...byKey.values()];
}
