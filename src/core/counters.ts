import type { CounterRecord, TaskRecord } from './model';
import { isOnTime, type RateBucket } from './rates';

export type CounterField = 'pending' | 'submitted' | 'approved' | 'returned' | 'onTime';

export interface CounterDelta {
  districtId: string;
  year: number;
  scope: string;
  dueDate: string;
  change: Partial<Record<CounterField, number>>;
}

type CountedTask = Pick<
  TaskRecord,
  'districtId' | 'year' | 'unitId' | 'level1' | 'level2' | 'itemNo' | 'dueDate' | 'status' | 'firstSubmittedOn'
>;

/** The scopes a task counts in: the district, its unit, its two indicators and its item. */
export function scopesOf(task: Pick<TaskRecord, 'unitId' | 'level1' | 'level2' | 'itemNo'>): string[] {
  return ['district', `unit:${task.unitId}`, `l1:${task.level1}`, `l2:${task.level2}`, `item:${task.itemNo}`];
}

function contribution(task: CountedTask): Partial<Record<CounterField, number>> {
  const counted: Partial<Record<CounterField, number>> = { [task.status]: 1 };
  if (isOnTime(task)) counted.onTime = 1;
  return counted;
}

/**
 * What a task change does to the counters: nothing when the status and on-time mark stay; the old
 * contribution taken out and the new one put in otherwise. `before` null is a new task.
 */
export function counterDeltas(before: CountedTask | null, after: CountedTask | null): CounterDelta[] {
  const byBucket = new Map<string, { task: CountedTask; change: Partial<Record<CounterField, number>> }>();
  const apply = (task: CountedTask, sign: 1 | -1) => {
    const key = `${task.districtId}|${task.year}|${task.dueDate}|${scopesOf(task).join(',')}`;
    const entry = byBucket.get(key) ?? { task, change: {} };
    for (const [field, value] of Object.entries(contribution(task)) as Array<[CounterField, number]>) {
      entry.change[field] = (entry.change[field] ?? 0) + sign * value;
    }
    byBucket.set(key, entry);
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);

  const deltas: CounterDelta[] = [];
  for (const { task, change } of byBucket.values()) {
    const nonZero = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== 0));
    if (Object.keys(nonZero).length === 0) continue;
    for (const scope of scopesOf(task)) {
      deltas.push({ districtId: task.districtId, year: task.year, scope, dueDate: task.dueDate, change: nonZero });
    }
  }
  return deltas;
}

export function bucketOf(counter: CounterRecord): RateBucket {
  const { dueDate, pending, submitted, approved, returned, onTime } = counter;
  return { dueDate, pending, submitted, approved, returned, onTime };
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
      };
      for (const [field, value] of Object.entries(delta.change) as Array<[CounterField, number]>)
        counter[field] += value;
      byKey.set(key, counter);
    }
  }
  return [...byKey.values()];
}
