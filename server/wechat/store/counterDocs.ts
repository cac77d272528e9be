import type { CounterDelta, CounterField } from '../../../src/core/counters';
import type { CounterRecord } from '../../../src/core/model';
import type { CloudCommand, CloudTransaction } from './cloudDatabaseTypes';
import { COLLECTIONS, counterDocId } from './collections';
import { readDoc } from './documents';

const COUNTER_FIELDS: CounterField[] = ['pending', 'submitted', 'approved', 'returned', 'onTime'];

/** Deltas for the same counter document added up, so each document is written once. */
export function mergeCounterDeltas(deltas: Iterable<CounterDelta>): Map<string, CounterDelta> {
  const merged = new Map<string, CounterDelta>();
  for (const delta of deltas) {
    const id = counterDocId(delta);
    const entry = merged.get(id) ?? { ...delta, change: {} };
    for (const field of COUNTER_FIELDS) {
      const value = delta.change[field];
      if (value) entry.change[field] = (entry.change[field] ?? 0) + value;
    }
    merged.set(id, entry);
  }
  for (const [id, delta] of merged) {
    if (COUNTER_FIELDS.every((field) => !delta.change[field])) merged.delete(id);
  }
  return merged;
}

/** Applies counter deltas inside a transaction: a new document, or `command.inc` on the one there. */
export async function applyCounterDeltas(
  transaction: CloudTransaction,
  command: CloudCommand,
  deltas: Iterable<CounterDelta>,
): Promise<void> {
  for (const [id, delta] of mergeCounterDeltas(deltas)) {
    const ref = transaction.collection(COLLECTIONS.counters).doc(id);
    const existing = await readDoc(ref);
    if (existing) {
      const data: Record<string, unknown> = {};
      for (const field of COUNTER_FIELDS) {
        const amount = delta.change[field];
        if (amount) data[field] = command.inc(amount);
      }
      await ref.update({ data });
    } else {
      const counter: CounterRecord = {
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
      for (const field of COUNTER_FIELDS) counter[field] += delta.change[field] ?? 0;
      await ref.set({ data: { ...counter } });
    }
  }
}
