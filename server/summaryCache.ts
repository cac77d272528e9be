import type { Store } from '../src/core/ports/Store';

const LIMIT = 200;
const cache = new Map<string, { version: number; value: unknown }>();

/**
 * Remembers a summary until the district's data changes: stores that keep a change counter
 * (dataVersion) let a repeated look at the dashboard skip even the counters. Without one, every
 * call computes afresh.
 */
export async function cachedSummary<T>(
  store: Store,
  districtId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (!store.dataVersion) return compute();
  const version = await store.dataVersion(districtId);
  const fullKey = `${districtId}|${key}`;
  const hit = cache.get(fullKey);
  if (hit && hit.version === version) return structuredClone(hit.value) as T;
  const value = await compute();
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(fullKey, { version, value: structuredClone(value) });
  return value;
}
