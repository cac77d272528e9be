import { COMMENT_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { revokeExemption } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { remindUnit } from '../requests';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, requiredText } from '../validation';

const schema = z.object({ taskId: id, comment: requiredText(COMMENT_MAX_CHARS, '撤销理由') }).strict();

/** The lead unit takes back an approved 不涉及 (with a comment): the task is pending again. */
export default memberHandler('exemption.revoke', schema, async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'request.decide', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = revokeExemption(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  await remindUnit(api, context, after, 'exemption-revoked', step.at, after.exemption?.revokeComment ?? null);
  return { task: taskDetail(after, context, todayOf(api)) };
});
