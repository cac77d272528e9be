import { COUNTER_FIELDS, type CounterDelta, type CounterField } from '../../../src/core/counters';
import type { CounterRecord } from '../../../src/core/model';
import type { CloudCommand, CloudTransaction } from './cloudDatabaseTypes';
import { COLLECTIONS } from './collections';
import { readDoc, type StoredDoc } from './documents';

/**
 * The rate counters, sharded by unit: one document per unit and year holds every counter that the
 * unit's tasks move (`counts.<scope>@<due date>.<field>`). People of different units never write
 * the same document, so their submits do not collide; a summary reads the year's shards (one per
 * unit) and adds them up.
 */

export const counterShardId = (districtId: string, year: number, unitId: string) => `${districtId}|${year}|${unitId}`;

/** Field names may not hold dots: scopes are ids, which may. */
const escapeKey = (key: string) => key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');
const unescapeKey = (key: string) => key.replace(/%24/g, '$').replace(/%2E/g, '.').replace(/%25/g, '%');

const keyOf = (delta: Pick<CounterDelta, 'scope' | 'dueDate'>) => escapeKey(`${delta.scope}@${delta.dueDate}`);

type Counts = Partial<Record<CounterField, number>>;

/** Applies one task change's counter deltas (all of one unit) to that unit's shard, in the transaction. */
export async function applyCounterDeltas(
  transaction: CloudTransaction,
  command: CloudCommand,
  unitId: string,
  deltas: CounterDelta[],
): Promise<void> {
  if (deltas.length === 0) return;
  const { districtId, year } = deltas[0];
  const ref = transaction.collection(COLLECTIONS.counters).doc(counterShardId(districtId, year, unitId));
  const counts: Record<string, Counts> = {};
  for (const delta of deltas) {
    const entry = (counts[keyOf(delta)] ??= {});
    for (const field of COUNTER_FIELDS) entry[field] = (entry[field] ?? 0) + (delta.change[field] ?? 0);
  }
  const existing = await readDoc(ref);
  if (!existing) {
    await ref.set({ data: { districtId, year, unitId, counts } });
    return;
  }
  const data: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(counts)) {
    for (const field of COUNTER_FIELDS)
      if (entry[field]) data[`counts.${key}.${field}`] = command.inc(entry[field] ?? 0);
  }
  if (Object.keys(data).length > 0) await ref.update({ data });
}

/** The shards of a year added up, as one record per scope and due date. */
export function sumShards(districtId: string, year: number, shards: StoredDoc[]): CounterRecord[] {
  const byKey = new Map<string, CounterRecord>();
  for (const shard of shards) {
    for (const [key, counts] of Object.entries((shard.counts ?? {}) as Record<string, Counts>)) {
      const plain = unescapeKey(key);
      const at = plain.lastIndexOf('@');
      const record = byKey.get(plain) ?? {
        districtId,
        year,
        scope: plain.slice(0, at),
        dueDate: plain.slice(at + 1),
        pending: 0,
        submitted: 0,
        approved: 0,
        returned: 0,
        onTime: 0,
        exempt: 0,
      };
      for (const field of COUNTER_FIELDS) record[field] += counts[field] ?? 0;
      byKey.set(plain, record);
    }
  }
  const zero = (record: CounterRecord) => COUNTER_FIELDS.every((field) => record[field] === 0);
  return [...byKey.values()]
    .filter((record) => !zero(record))
    .sort((a, b) => (a.scope === b.scope ? a.dueDate.localeCompare(b.dueDate) : a.scope < b.scope ? -1 : 1));
}
