import { countersFromTasks } from '../src/core/counters';
import { isOverdue } from '../src/core/status';
import type { ApiContext } from './context';
import type { DistrictContext } from './districtContext';
import { buildDistrictSummary, OVERDUE_LIST_LIMIT } from './summaries';
import { districtYears, listYearTasks, todayOf } from './tasks';

/**
 * The district summary worked out from every task of the year instead of the counters: what the
 * counters save (benchmarked), and a check that they tell the truth (tested).
 */
export async function recomputeDistrictSummary(api: ApiContext, context: DistrictContext, year: number, asOf: string) {
  const tasks = await listYearTasks(api, context, { year });
  const overdueTasks = tasks.filter((task) => isOverdue(task, asOf)).slice(0, OVERDUE_LIST_LIMIT);
  return buildDistrictSummary({
    context,
    counters: countersFromTasks(tasks),
    overdueTasks,
    year,
    asOf,
    years: districtYears(context, todayOf(api)),
  });
}
