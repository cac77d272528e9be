import { REASON_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { requestExtension } from '../../src/core/workflow';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { remindDeciders } from '../requests';
import { taskDetail, taskToWork, todayOf } from '../tasks';
import { id, isoDate, requiredText } from '../validation';

const schema = z.object({ taskId: id, dueDate: isoDate, reason: requiredText(REASON_MAX_CHARS, '理由') }).strict();

/**
 * 申请延期: the unit asks its lead unit for a later due date. The task keeps its due date until the
 * request is approved; a request after the due date is allowed and says it is late.
 */
export default memberHandler('extension.request', schema, async (input, call) => {
  const { api } = call;
  const { context, task } = await taskToWork(call, input.taskId);
  const step = stepOf(call);
  const { after, history } = requestExtension(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  await remindDeciders(api, context, after, 'extension-requested', step.at);
  return { task: taskDetail(after, context, todayOf(api)) };
});
