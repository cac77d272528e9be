import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { ledItemNos, loadDistrictContext, unitName } from '../districtContext';
import { memberHandler } from '../handler';
import { instructionView, LIST_INSTRUCTIONS } from '../instructions';
import { listYearTasks, taskSummary, todayOf } from '../tasks';
import { id, year } from '../validation';

const schema = z.object({ year: year.optional(), unitId: id.optional() }).strict();

export default memberHandler('tasks.list', schema, async (input, { api, actor }) => {
  const context = await loadDistrictContext(api.store, actor.districtId);
  const today = todayOf(api);
  const unitId = input.unitId ?? actor.unitId;
  if (!context.unitsById.has(unitId)) throw new DomainError('NOT_FOUND', '找不到该单位');
  const targetYear = input.year ?? yearOf(today);
  const yearList = context.forYear(targetYear);
  const assigned = new Set((yearList.assignmentsByUnit.get(unitId) ?? []).map((assignment) => assignment.itemNo));
  const led = ledItemNos(context, targetYear, actor.unitId).filter((no) => assigned.has(no));
  authorize(actor, { kind: 'unit.tasks', unitId, unitLedItems: led.length });
  const onlyLedItems = actor.role === 'reviewer' && unitId !== actor.unitId;

  const [tasks, instructions] = await Promise.all([
    listYearTasks(api, context, {
      unitId,
      year: targetYear,
      ...(onlyLedItems ? { itemNos: led } : {}),
    }),
    api.store.listInstructions(actor.districtId, { unitId, limit: LIST_INSTRUCTIONS }),
  ]);
  return {
    unitId,
    unitName: unitName(context, unitId),
    year: targetYear,
    today,
    tasks: tasks.map((task) => taskSummary(task, context, today)),
    instructions: instructions.map((instruction) => instructionView(instruction, context)),
  };
});
