import { APPROVED_IN, bucketOf, REPORTED_IN } from '../src/core/counters';
import { daysBetween, lastDayOfMonth } from '../src/core/dates';
import type { CounterRecord, TaskRecord } from '../src/core/model';
import { ratesFromBuckets, type RateBucket, type Rates } from '../src/core/rates';
import { indicatorsOf, type DistrictContext } from './districtContext';
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

/**
 * A unit needs this many tasks due to be ranked: 1 of 2 tasks is not a rate to rank a unit by.
 * The others are listed after the ranked ones, marked unranked, with their counts.
 */
export const MIN_DUE_TO_RANK = 3;

/** Units ranked by completion, then by reporting, for the leaders' view; too few due tasks: unranked, after. */
export function unitRanking(context: DistrictContext, byScope: Map<string, RateBucket[]>, asOf: string) {
  const rows = context.units
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
  const ranked = rows.filter((unit) => unit.due >= MIN_DUE_TO_RANK);
  const unranked = rows.filter((unit) => unit.due < MIN_DUE_TO_RANK);
  const rank = (position: number | null) => ({ ranked: position !== null, rank: position });
  return [
    ...ranked.map((unit, index) => ({ ...unit, ...rank(index + 1) })),
    ...unranked.map((unit) => ({ ...unit, ...rank(null) })),
  ];
}

/** The indicators of the year's list, each with its rates. */
export function indicatorRates(
  context: DistrictContext,
  year: number,
  byScope: Map<string, RateBucket[]>,
  asOf: string,
) {
  return indicatorsOf(context, year).map((level1) => ({
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

/**
 * Month by month, the rings' own figures: reportRate = reported / total and completionRate =
 * approved / total, counting the reports standing now by the month they were made and the
 * approvals by the month they were given, up to each point's `asOf` (its month's end; for the
 * month of the summary's date, that date, which takes in what was made after the year's end).
 * With the summary as of today, the last point is today's rings exactly.
 */
export function monthlyTrend(counters: CounterRecord[], year: number, asOf: string, total: number) {
  const lastMonth =
    asOf.slice(0, 4) > String(year) ? 12 : asOf.slice(0, 4) < String(year) ? 0 : Number(asOf.slice(5, 7));
  const sumUpTo = (scope: string, month: string, field: 'approved' | 'submitted') =>
    counters
      .filter((counter) => counter.scope === scope && counter.dueDate.slice(0, 7) <= month)
      .reduce((sum, counter) => sum + counter[field], 0);
  const rate = (count: number) => (total === 0 ? 0 : Math.round((count / total) * 10000) / 10000);
  return Array.from({ length: lastMonth }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, '0')}`;
    const last = index + 1 === lastMonth;
    const cutoff = last ? asOf.slice(0, 7) : month;
    const approved = sumUpTo(APPROVED_IN, cutoff, 'approved');
    const reported = sumUpTo(REPORTED_IN, cutoff, 'submitted');
    return {
      month,
      asOf: last ? asOf : lastDayOfMonth(year, index + 1),
      total,
      reported,
      approved,
      reportRate: rate(reported),
      completionRate: rate(approved),
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
  /** The years the district has tasks for. */
  years: number[];
}) {
  const { context, counters, year, asOf } = input;
  const byScope = bucketsByScope(counters);
  const totals = rounded(ratesFromBuckets(byScope.get('district') ?? [], asOf));
  return {
    year,
    asOf,
    totals,
    units: unitRanking(context, byScope, asOf),
    indicators: indicatorRates(context, year, byScope, asOf),
    overdue: overdueList(input.overdueTasks, context, asOf),
    overdueCount: totals.overdue,
    trend: monthlyTrend(counters, year, asOf, totals.total),
    years: input.years,
    minDueToRank: MIN_DUE_TO_RANK,
  };
}
