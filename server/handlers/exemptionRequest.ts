import { REASON_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { requestExemption } from '../../src/core/workflow';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { remindDeciders } from '../requests';
import { taskDetail, taskToWork, todayOf } from '../tasks';
import { id, requiredText } from '../validation';

const schema = z.object({ taskId: id, reason: requiredText(REASON_MAX_CHARS, '理由') }).strict();

/** 申请不涉及: the unit says the item does not apply to it this year; its lead unit decides. */
export default memberHandler('exemption.request', schema, async (input, call) => {
  const { api } = call;
  const { context, task } = await taskToWork(call, input.taskId);
  const step = stepOf(call);
  const { after, history } = requestExemption(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  await remindDeciders(api, context, after, 'exemption-requested', step.at);
  return { task: taskDetail(after, context, todayOf(api)) };
});
