import { APPROVED_IN, bucketOf, FIRST_REPORTED_IN } from '../src/core/counters';
import { daysBetween } from '../src/core/dates';
import type { CounterRecord, TaskRecord } from '../src/core/model';
import { ratesFromBuckets, type RateBucket, type Rates } from '../src/core/rates';
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

const byName = new Intl.Collator('zh-CN');

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
      (a, b) => b.completionRate - a.completionRate || b.reportRate - a.reportRate || byName.compare(a.name, b.name),
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

/** A phone shows the most overdue first; the count of all of them comes from the counters. */
export const OVERDUE_LIST_LIMIT = 100;

export function overdueList(tasks: TaskRecord[], context: DistrictContext, asOf: string) {
  return tasks
    .slice(0, OVERDUE_LIST_LIMIT)
    .map((task) => ({ ...taskSummary(task, context, asOf), daysOverdue: daysBetween(task.dueDate, asOf) }));
}

/** Month by month, how much of the year's work had been reported and approved by each month's end. */
export function monthlyTrend(counters: CounterRecord[], year: number, asOf: string, total: number) {
  const lastMonth =
    asOf.slice(0, 4) > String(year) ? 12 : asOf.slice(0, 4) < String(year) ? 0 : Number(asOf.slice(5, 7));
  const sumUpTo = (scope: string, month: string, field: 'approved' | 'submitted') =>
    counters
      .filter((counter) => counter.scope === scope && counter.dueDate.slice(0, 7) <= month)
      .reduce((sum, counter) => sum + counter[field], 0);
  return Array.from({ length: lastMonth }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, '0')}`;
    const approved = sumUpTo(APPROVED_IN, month, 'approved');
    const reported = sumUpTo(FIRST_REPORTED_IN, month, 'submitted');
    return {
      month,
      completionRate: total === 0 ? 0 : Math.round((approved / total) * 10000) / 10000,
      reportRate: total === 0 ? 0 : Math.round((reported / total) * 10000) / 10000,
    };
  });
}

/**
 * The district summary from counters and the most overdue tasks. The same builder serves the
 * recomputation from every task (recomputeDistrictSummary), so the two can be compared.
 */
export function buildDistrictSummary(input: {
  context: DistrictContext;
  counters: CounterRecord[];
  overdueTasks: TaskRecord[];
  year: number;
  asOf: string;
}) {
  const { context, counters, year, asOf } = input;
  const byScope = bucketsByScope(counters);
  const totals = rounded(ratesFromBuckets(byScope.get('district') ?? [], asOf));
  return {
    year,
    asOf,
    totals,
    units: unitRanking(context, byScope, asOf),
    indicators: indicatorRates(context, byScope, asOf),
    overdue: overdueList(input.overdueTasks, context, asOf),
    overdueCount: totals.overdue,
    trend: monthlyTrend(counters, year, asOf, totals.total),
  };
}
