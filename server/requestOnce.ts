import type { ActionName, Reply } from '../src/contract/actions';
import { DomainError } from '../src/core/errors';
import { StoreConflictError, type TaskChange } from '../src/core/ports/Store';
import type { MemberCall } from './handler';

async function remembered<A extends ActionName>(call: MemberCall, action: A, requestId: string) {
  const { api, actor } = call;
  const request = await api.store.getRequest(actor.districtId, actor.openid, requestId);
  if (!request) return null;
  if (request.action !== action) throw new DomainError('INVALID_ARGUMENT', '请求编号已用于其他操作，请刷新后重试');
  return request.result as Reply<A>;
}

/**
 * A task change made at most once per request id: a phone that sends it again (the signal dropped
 * before the answer came) gets the first answer, even when both arrive at the same moment.
 */
export async function changeOnce<A extends ActionName>(
  call: MemberCall,
  action: A,
  requestId: string,
  prepare: () => Promise<{ change: Omit<TaskChange, 'request'>; result: Reply<A> }>,
): Promise<Reply<A>> {
  const first = await remembered(call, action, requestId);
  if (first) return first;
  const { change, result } = await prepare();
  const { actor, api } = call;
  try {
    await api.store.commitTaskChange({
      ...change,
      request: {
        districtId: actor.districtId,
        openid: actor.openid,
        requestId,
        action,
        result,
        createdAt: api.now().toISOString(),
      },
    });
  } catch (error) {
    const answered = error instanceof StoreConflictError ? await remembered(call, action, requestId) : null;
    if (answered) return answered;
    throw error;
  }
  return result;
}
