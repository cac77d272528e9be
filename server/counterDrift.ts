import { COUNTER_FIELDS, countersFromTasks, type CounterField } from '../src/core/counters';
import type { CounterRecord } from '../src/core/model';
import type { Store } from '../src/core/ports/Store';

export interface CounterDrift {
  scope: string;
  dueDate: string;
  field: CounterField;
  kept: number;
  recomputed: number;
}

/** Recomputes a district's counters for a year from its tasks and lists every difference. */
export async function counterDrift(store: Store, districtId: string, year: number): Promise<CounterDrift[]> {
  const [tasks, kept] = await Promise.all([
    store.listTasks(districtId, { year }),
    store.listCounters(districtId, year),
  ]);
  const key = (counter: Pick<CounterRecord, 'scope' | 'dueDate'>) => `${counter.scope}|${counter.dueDate}`;
  const recomputed = new Map(countersFromTasks(tasks).map((counter) => [key(counter), counter]));
  const keptByKey = new Map(kept.map((counter) => [key(counter), counter]));
  const drift: CounterDrift[] = [];
  for (const id of new Set([...recomputed.keys(), ...keptByKey.keys()])) {
    const [scope, dueDate] = id.split('|');
    for (const field of COUNTER_FIELDS) {
      const keptValue = keptByKey.get(id)?.[field] ?? 0;
      const recomputedValue = recomputed.get(id)?.[field] ?? 0;
      if (keptValue !== recomputedValue)
        drift.push({ scope, dueDate, field, kept: keptValue, recomputed: recomputedValue });
    }
  }
  return drift;
}
