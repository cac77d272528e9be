import type { Reply } from '../../src/contract/actions';
import { NOTE_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { StoreConflictError } from '../../src/core/ports/Store';
import { submit } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { text } from '../validation';

const schema = z
  .object({
    taskId: z.string().min(1).max(128),
    note: text(NOTE_MAX_CHARS).optional(),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '应为8到64位字母、数字、下划线或连字符'),
  })
  .strict();

/** Sends a task's report for review. The same request id twice makes one submission. */
export default memberHandler('report.submit', schema, async (input, call) => {
  const { api, actor } = call;
  const remembered = await api.store.getRequest(actor.districtId, actor.openid, input.requestId);
  if (remembered && remembered.action !== 'report.submit') {
    throw new DomainError('INVALID_ARGUMENT', '请求编号已用于其他操作，请刷新后重试');
  }
  if (remembered) return remembered.result as Reply<'report.submit'>;

  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = submit(task, step, { note: input.note });
  const result = { task: taskDetail(after, context, todayOf(api)) };
  try {
    await api.store.commitTaskChange({
      before: task,
      after,
      history,
      request: {
        districtId: actor.districtId,
        openid: actor.openid,
        requestId: input.requestId,
        action: 'report.submit',
        result,
        createdAt: step.at,
      },
    });
  } catch (error) {
    // The same request sent twice at once: the first one's result is the answer to both.
    const first =
      error instanceof StoreConflictError
        ? await api.store.getRequest(actor.districtId, actor.openid, input.requestId)
        : null;
    if (first) return first.result as Reply<'report.submit'>;
    throw error;
  }
  return result;
});
