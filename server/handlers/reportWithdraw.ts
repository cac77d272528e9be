import type { Reply } from '../../src/contract/actions';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { StoreConflictError } from '../../src/core/ports/Store';
import { withdraw } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler, type MemberCall } from '../handler';
import { stepOf } from '../history';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id } from '../validation';

const schema = z
  .object({
    taskId: id,
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '应为8到64位字母、数字、下划线或连字符'),
  })
  .strict();

async function remembered(call: MemberCall, requestId: string): Promise<Reply<'report.withdraw'> | null> {
  const { api, actor } = call;
  const request = await api.store.getRequest(actor.districtId, actor.openid, requestId);
  if (!request) return null;
  if (request.action !== 'report.withdraw') {
    throw new DomainError('INVALID_ARGUMENT', '请求编号已用于其他操作，请刷新后重试');
  }
  return request.result as Reply<'report.withdraw'>;
}

/** 撤回: the unit takes back a report before review. The same request id twice makes one withdrawal. */
export default memberHandler('report.withdraw', schema, async (input, call) => {
  const { api, actor } = call;
  const first = await remembered(call, input.requestId);
  if (first) return first;

  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = withdraw(task, step);
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
        action: 'report.withdraw',
        result,
        createdAt: step.at,
      },
    });
  } catch (error) {
    // The same request sent twice at once: the first one's result is the answer to both.
    const answered = error instanceof StoreConflictError ? await remembered(call, input.requestId) : null;
    if (answered) return answered;
    throw error;
  }
  return result;
});
