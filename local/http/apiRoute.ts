import type { IncomingMessage, ServerResponse } from 'http';
import type { ApiCall, ApiContext, Envelope } from '../../server/context';
import { DomainError } from '../../src/core/errors';
import { requestOpenid } from './identity';
import { tooManyAttemptsMessage, TooManyRequestsError, type AttemptLimiter } from './limits';
import { readBody } from './readBody';
import { sendEnvelope } from './sendJson';

export const API_BODY_LIMIT = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ApiRouteOptions {
  context: ApiContext;
  handleCall: (call: ApiCall, context: ApiContext) => Promise<Envelope>;
  demoMode: boolean;
  /** Binding attempts (`session.bind`) per client address; none: unlimited. */
  bindLimiter?: AttemptLimiter;
  /** A body that sends nothing for this long is cut. */
  idleTimeoutMs?: number;
}

/** Invite codes are not to be guessed: `session.bind` is limited per address, before anything is read. */
const LIMITED_ACTIONS = new Set(['session.bind']);

/** `POST /api/<action>`: the JSON body is the payload (empty means `{}`); the reply is the envelope. */
export async function apiRoute(
  request: IncomingMessage,
  response: ServerResponse,
  action: string,
  options: ApiRouteOptions,
): Promise<void> {
  if (request.method !== 'POST') throw new DomainError('INVALID_ARGUMENT', '请用 POST 调用接口');
  const openid = requestOpenid(request, options.demoMode);
  if (options.bindLimiter && LIMITED_ACTIONS.has(action)) {
    const retryAfterMs = options.bindLimiter.take(request.socket.remoteAddress ?? 'unknown');
    if (retryAfterMs !== null) {
      throw new TooManyRequestsError(tooManyAttemptsMessage(retryAfterMs), Math.ceil(retryAfterMs / 1000));
    }
  }
  const body = await readBody(request, API_BODY_LIMIT, '请求太大', options.idleTimeoutMs);
  const payload = parseJson(body);
  const envelope = await options.handleCall({ action, payload, openid }, options.context);
  if (!isEnvelope(envelope)) throw new Error(`handleCall returned no envelope for ${action}`);
  sendEnvelope(response, envelope);
}

function parseJson(body: Buffer): unknown {
  try {
    const text = utf8.decode(body).replace(/^\uFEFF/, '');
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new DomainError('INVALID_ARGUMENT', '请求内容不是有效的 JSON');
  }
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) return true;
  return (
    envelope.ok === false && typeof envelope.error?.code === 'string' && typeof envelope.error.message === 'string'
  );
}
