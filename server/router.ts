import { DomainError, type ErrorCode } from '../src/core/errors';
import { StoreConflictError } from '../src/core/ports/Store';
import type { ApiCall, ApiContext, Envelope } from './context';
import type { Handler, MemberCall, OpenCall } from './handler';
import { parsePayload } from './validation';

function refuse(code: ErrorCode, message: string): Envelope {
  return { ok: false, error: { code, message } };
}

/**
 * The one entry for every action: who calls, what they asked for, checked, then one handler of
 * `handlers` (each deployed function passes its own table).
 * Whatever goes wrong comes back as the envelope; no stack trace ever leaves.
 */
export async function handleCall(call: ApiCall, api: ApiContext, handlers: Record<string, Handler>): Promise<Envelope> {
  try {
    if (typeof call.action !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, call.action)) {
      return refuse('INVALID_ARGUMENT', '没有这项操作，请升级小程序后重试');
    }
    const handler = handlers[call.action];
    const openid = typeof call.openid === 'string' && call.openid.length > 0 ? call.openid : null;
    const user = openid ? await api.store.getUser(openid) : null;
    if (handler.access === 'open') {
      const input = parsePayload(handler.schema, call.payload);
      const context: OpenCall = { api, openid, user };
      return { ok: true, data: await handler.run(input as never, context) };
    }
    if (!openid) return refuse('UNAUTHENTICATED', '未能识别您的微信身份，请重新打开小程序');
    if (!user) return refuse('UNAUTHENTICATED', '您还没有绑定单位，请先用邀请码绑定');
    if (user.disabled) return refuse('FORBIDDEN', '您的账号已停用，如有疑问请联系管理员');
    const input = parsePayload(handler.schema, call.payload);
    const context: MemberCall = {
      api,
      user,
      actor: { openid: user.openid, role: user.role, unitId: user.unitId, districtId: user.districtId },
    };
    return { ok: true, data: await handler.run(input as never, context) };
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.code, error.message);
    if (error instanceof StoreConflictError) return refuse('CONFLICT', '这项任务刚被其他人修改，请刷新后再试');
    api.log?.('api call failed', { action: call.action, error });
    return refuse('INTERNAL', '系统繁忙，请稍后再试');
  }
}
