import { REASON_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { requestExtension } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { remindDeciders } from '../requests';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, isoDate, requiredText } from '../validation';

const schema = z.object({ taskId: id, dueDate: isoDate, reason: requiredText(REASON_MAX_CHARS, '理由') }).strict();

/**
 * 申请延期: the unit asks its lead unit for a later due date. The task keeps its due date until the
 * request is approved; a request after the due date is allowed and says it is late.
 */
export default memberHandler('extension.request', schema, async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = requestExtension(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  await remindDeciders(api, context, after, 'extension-requested', step.at);
  return { task: taskDetail(after, context, todayOf(api)) };
});
