import Taro from '@tarojs/taro';
import { functionOf, type ActionName, type Payload, type Reply } from '../contract/actions';
import type { Envelope, ErrorCode } from '../contract/envelope';
import { demoOpenid } from './identity';
import { IS_WEAPP } from './platform';

/** A refusal or failure, with the server's Chinese message, fit to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again as it is: the network, not the request, failed. */
  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'INTERNAL';
  }
}

declare const CLOUD_ENV: string;
const NETWORK_MESSAGE = '网络不稳定，请检查网络后重试';
let cloudReady = false;

async function send<T>(action: ActionName, payload: unknown): Promise<Envelope<T>> {
  if (IS_WEAPP) {
    if (!cloudReady) {
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
      cloudReady = true;
    }
    const result = await Taro.cloud.callFunction({ name: functionOf(action), data: { action, payload } });
    return result.result as Envelope<T>;
  }
  const openid = demoOpenid();
  const response = await Taro.request<Envelope<T>>({
    url: `/api/${action}`,
    method: 'POST',
    data: JSON.stringify(payload ?? {}),
    header: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    timeout: 15000,
  });
  if (typeof response.data !== 'object' || response.data === null) throw new Error('no envelope');
  return response.data;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls one action of the `api` function. A dropped connection is retried (twice, with a pause)
 * when the call is safe to repeat: reads, and writes that carry a request id.
 */
export async function callApi<A extends ActionName>(
  action: A,
  payload: Payload<A>,
  options: { retry?: boolean } = {},
): Promise<Reply<A>> {
  type T = Reply<A>;
  const attempts = options.retry === false ? 1 : 3;
  for (let attempt = 1; ; attempt += 1) {
    let envelope: Envelope<T>;
    try {
      envelope = await send<T>(action, payload);
    } catch {
      if (attempt < attempts) {
        await pause(600 * attempt);
        continue;
      }
      throw new ApiError('NETWORK', NETWORK_MESSAGE);
    }
    if (envelope.ok) return envelope.data;
    throw new ApiError(envelope.error.code, envelope.error.message);
  }
}

/** A request id for writes that must happen once even when sent twice. */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
