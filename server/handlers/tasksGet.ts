import { z } from 'zod';
import { allowed, authorize } from '../../src/core/authorization';
import { openRequestOf } from '../../src/core/workflow';
import { indicatorOf, itemOf, loadDistrictContext, unitName } from '../districtContext';
import { taskGuidance } from '../catalog/views';
import { evidenceWithUrls } from '../evidence';
import { memberHandler } from '../handler';
import { changesSinceReturn, historyView } from '../history';
import { instructionView, TASK_INSTRUCTIONS } from '../instructions';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id } from '../validation';

export default memberHandler('tasks.get', z.object({ id }).strict(), async (input, { api, actor }) => {
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.id);
  const target = targetOf(task, context);
  authorize(actor, { kind: 'task.read', task: target });
  const item = itemOf(context, task.year, task.itemNo);
  const { level1, level2 } = indicatorOf(context, task.year, item);
  const [evidence, history, instructions, guidance] = await Promise.all([
    api.store.listEvidenceForTask(actor.districtId, task.id),
    api.store.listHistory(actor.districtId, task.id),
    api.store.listInstructions(actor.districtId, { unitId: task.unitId, taskId: task.id, limit: TASK_INSTRUCTIONS }),
    taskGuidance(api, context, task.year, task.itemNo),
  ]);
  const work = allowed(actor, { kind: 'task.work', task: target });
  const decides = allowed(actor, { kind: 'request.decide', task: target });
  const open = task.status === 'pending' || task.status === 'returned';
  const asking = work && open && openRequestOf(task) === null;
  return {
    task: taskDetail(task, context, todayOf(api)),
    item: {
      no: item.no,
      title: item.title,
      text: item.text,
      indicatorPath: [level1?.label ?? '', level2?.label ?? ''],
      leadUnits: item.leadUnits,
      responsibleUnits: item.responsibleUnits,
      schedule: item.schedule,
      guidance,
    },
    evidence: await evidenceWithUrls(api, evidence),
    history: history.map((entry) => historyView(entry, (unitId) => unitName(context, unitId))),
    instructions: instructions.map((instruction) => instructionView(instruction, context)),
    changesSinceReturn: task.status === 'submitted' || task.status === 'returned' ? changesSinceReturn(history) : null,
    can: {
      work,
      review: allowed(actor, { kind: 'task.review', task: target }),
      withdraw: work && task.status === 'submitted',
      requestExtension: asking,
      requestExemption: asking,
      decideRequest: decides && openRequestOf(task) !== null,
      // A task the list dropped is not the lead unit's to revoke.
      revokeExemption: decides && task.status === 'exempt' && !task.exemption?.catalogDrop,
      instruct: allowed(actor, { kind: 'instruction.add' }),
    },
  };
});
