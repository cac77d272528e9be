import { COMMENT_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { decideExemption } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { remindUnit } from '../requests';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, text } from '../validation';

const schema = z
  .object({ taskId: id, decision: z.enum(['approve', 'refuse']), comment: text(COMMENT_MAX_CHARS).optional() })
  .strict();

/**
 * A lead unit's reviewer (or a leader) decides a 不涉及 request: approved, the task is exempt
 * (grey, in no total and no rate); refused, with a comment. The unit's people are told.
 */
export default memberHandler('exemption.decide', schema, async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'request.decide', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = decideExemption(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  await remindUnit(
    api,
    context,
    after,
    after.status === 'exempt' ? 'exemption-approved' : 'exemption-refused',
    step.at,
    after.exemption?.comment ?? null,
  );
  return { task: taskDetail(after, context, todayOf(api)) };
});
