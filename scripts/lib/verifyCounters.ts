import { counterDrift } from '../../server/counterDrift';
import type { Store } from '../../src/core/ports/Store';

/**
 * Recomputes every district's counters from its stored tasks, for the years given (or every year
 * that has tasks), prints what differs, and returns how many counters drifted.
 */
export async function verifyCounters(
  store: Store,
  yearsOf: (districtId: string) => Promise<number[]>,
  print: (line: string) => void = console.log,
): Promise<number> {
  let drifted = 0;
  for (const district of await store.listDistricts()) {
    for (const year of await yearsOf(district.id)) {
      const drift = await counterDrift(store, district.id, year);
      drifted += drift.length;
      for (const item of drift) {
        print(
          `${district.name} ${year} ${item.scope} ${item.dueDate} ${item.field}: 计数 ${item.kept}，实际 ${item.recomputed}`,
        );
      }
      print(`${district.name} ${year}年：${drift.length === 0 ? '计数与任务一致' : `${drift.length} 处不一致`}`);
    }
  }
  return drifted;
}
