import { bucketOf } from '../../../src/core/counters';
import { daysBetween } from '../../../src/core/dates';
import type { CounterRecord, TaskRecord } from '../../../src/core/model';
import { ratesFromBuckets, type RateBucket, type Rates } from '../../../src/core/rates';
import type { DistrictContext } from './districtContext';
import { taskSummary } from './tasks';

export function bucketsByScope(counters: CounterRecord[]): Map<string, RateBucket[]> {
  const byScope = new Map<string, RateBucket[]>();
  for (const counter of counters) {
    const list = byScope.get(counter.scope) ?? [];
    list.push(bucketOf(counter));
    byScope.set(counter.scope, list);
  }
  return byScope;
}

export function rounded(rates: Rates): Rates {
  const round = (value: number) => Math.round(value * 10000) / 10000;
  return {
    ...rates,
    completionRate: round(rates.completionRate),
    reportRate: round(rates.reportRate),
    onTimeRate: round(rates.onTimeRate),
  };
}

/** Units ranked by completion, then by reporting, for the leaders' view. */
export function unitRanking(context: DistrictContext, byScope: Map<string, RateBucket[]>, asOf: string) {
  return context.units
    .map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      kind: unit.kind,
      ...rounded(ratesFromBuckets(byScope.get(`unit:${unit.id}`) ?? [], asOf)),
    }))
    .filter((unit) => unit.total > 0)
    .sort(
      (a, b) =>
        b.completionRate - a.completionRate || b.reportRate - a.reportRate || a.name.localeCompare(b.name, 'zh'),
    );
}

export function indicatorRates(context: DistrictContext, byScope: Map<string, RateBucket[]>, asOf: string) {
  return context.district.catalog.indicators.map((level1) => ({
    no: level1.no,
    name: level1.name,
    ...rounded(ratesFromBuckets(byScope.get(`l1:${level1.no}`) ?? [], asOf)),
    children: level1.children.map((level2) => ({
      no: level2.no,
      name: level2.name,
      ...rounded(ratesFromBuckets(byScope.get(`l2:${level2.no}`) ?? [], asOf)),
    })),
  }));
}

export const OVERDUE_LIST_LIMIT = 200;

export function overdueList(tasks: TaskRecord[], context: DistrictContext, asOf: string) {
  return tasks
    .slice(0, OVERDUE_LIST_LIMIT)
    .map((task) => ({ ...taskSummary(task, context, asOf), daysOverdue: daysBetween(task.dueDate, asOf) }));
}
