import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { cachedSummary } from '../summaryCache';
import { buildDistrictSummary, OVERDUE_LIST_LIMIT } from '../summaries';
import { districtYears, listYearTasks, todayOf, yearCounters } from '../tasks';
import { isoDate, year } from '../validation';

const schema = z.object({ year: year.optional(), asOf: isoDate.optional() }).strict();

/** The district at a glance, read from the counters (and the most overdue tasks), not every task. */
export default memberHandler('summary.district', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'summary.district' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const asOf = input.asOf ?? todayOf(api);
  const targetYear = input.year ?? yearOf(asOf);
  return cachedSummary(
    api.store,
    actor.districtId,
    `district|${targetYear}|${asOf}|${context.fingerprint}|${todayOf(api).slice(0, 4)}`,
    async () => {
      const [counters, overdueTasks] = await Promise.all([
        yearCounters(api, context, targetYear),
        listYearTasks(api, context, {
          year: targetYear,
          statuses: ['pending', 'returned'],
          dueBefore: asOf,
          limit: OVERDUE_LIST_LIMIT,
        }),
      ]);
      const years = districtYears(context, todayOf(api));
      return buildDistrictSummary({ context, counters, overdueTasks, year: targetYear, asOf, years });
    },
  );
});
