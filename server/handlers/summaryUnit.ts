import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { ratesOf } from '../../src/core/rates';
import { isOverdue } from '../../src/core/status';
import { indicatorsOf, ledItemNos, loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { overdueList, rounded } from '../summaries';
import { listYearTasks, taskSummary, todayOf } from '../tasks';
import { id, isoDate, year } from '../validation';

const schema = z.object({ unitId: id, year: year.optional(), asOf: isoDate.optional() }).strict();

export default memberHandler('summary.unit', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'summary.unit', unitId: input.unitId });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const unit = context.unitsById.get(input.unitId);
  if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
  const asOf = input.asOf ?? todayOf(api);
  const targetYear = input.year ?? yearOf(asOf);
  // A reviewer of another unit sees the items its own unit leads there, as tasks.list shows them.
  const onlyLedItems = actor.role === 'reviewer' && unit.id !== actor.unitId;
  const tasks = await listYearTasks(api, context, {
    unitId: unit.id,
    year: targetYear,
    ...(onlyLedItems ? { itemNos: ledItemNos(context, targetYear, actor.unitId) } : {}),
  });
  const totals = ratesOf(tasks, asOf);
  const indicators = indicatorsOf(context, targetYear).map((level1) => ({
    no: level1.no,
    name: level1.name,
    ...rounded(
      ratesOf(
        tasks.filter((task) => task.level1 === level1.no),
        asOf,
      ),
    ),
  }));
  return {
    year: targetYear,
    asOf,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    totals: rounded(totals),
    indicators,
    overdue: overdueList(
      tasks.filter((task) => isOverdue(task, asOf)),
      context,
      asOf,
    ),
    tasks: tasks.map((task) => taskSummary(task, context, asOf)),
  };
});
