import { z } from 'zod';
import { authorize } from '../../../../src/core/authorization';
import { yearOf } from '../../../../src/core/dates';
import { ratesFromBuckets } from '../../../../src/core/rates';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { bucketsByScope, indicatorRates, monthlyTrend, overdueList, rounded, unitRanking } from '../summaries';
import { ensureYearTasks, todayOf } from '../tasks';
import { isoDate, year } from '../validation';

const schema = z.object({ year: year.optional(), asOf: isoDate.optional() }).strict();

/** The district at a glance, read from the counters, not from every task. */
export default memberHandler(schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'summary.district' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const asOf = input.asOf ?? todayOf(api);
  const targetYear = input.year ?? yearOf(asOf);
  await ensureYearTasks(api, context, targetYear);
  const [counters, overdueTasks] = await Promise.all([
    api.store.listCounters(actor.districtId, targetYear),
    api.store.listTasks(actor.districtId, { year: targetYear, statuses: ['pending', 'returned'], dueBefore: asOf }),
  ]);
  const byScope = bucketsByScope(counters);
  const totals = rounded(ratesFromBuckets(byScope.get('district') ?? [], asOf));
  return {
    year: targetYear,
    asOf,
    totals,
    units: unitRanking(context, byScope, asOf),
    indicators: indicatorRates(context, byScope, asOf),
    overdue: overdueList(overdueTasks, context, asOf),
    overdueCount: overdueTasks.length,
    trend: monthlyTrend(counters, targetYear, asOf, totals.total),
  };
});
