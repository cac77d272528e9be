import type { IncomingMessage } from 'http';
import { DomainError } from '../../src/core/errors';

const MAX_OPENID_CHARS = 128;

/**
 * Who calls. In demo mode: the X-Openid header (trimmed; none means anonymous). Outside demo mode
 * the local cloud has no WeChat identity: calls are anonymous, and a request that claims one with
 * X-Openid is refused.
 */
export function requestOpenid(request: IncomingMessage, demoMode: boolean): string | null {
  const header = request.headers['x-openid'];
  if (header === undefined) return null;
  if (!demoMode) throw new DomainError('UNAUTHENTICATED', '非演示模式不接受 X-Openid');
  const openid = (Array.isArray(header) ? header.join(',') : header).trim();
  if (openid.length > MAX_OPENID_CHARS) throw new DomainError('UNAUTHENTICATED', 'X-Openid 太长，请重新选择演示身份');
  return openid || null;
}
