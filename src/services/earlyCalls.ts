import type { ActionName, Payload, Reply } from '../contract/actions';
import type { Envelope } from '../contract/envelope';
import { ApiError, callApi } from './api';
import { demoOpenid } from './identity';

/**
 * Calls made before the first page's own code runs, so that on a weak signal the answer is on its
 * way while the scripts still download: in H5, index.html's inline script asks for the session (and
 * the task list when that is the page opened) before any script arrives; `callEarly` does the same
 * from the app's code. The page then takes the answer instead of asking again. Each answer is taken
 * once, only while fresh, and only for the identity it was asked as.
 */

const FRESH_MS = 60_000;
const early = new Map<string, { answer: Promise<unknown>; at: number }>();

interface PageEarlyCalls {
  at: number;
  openid: string;
  answers: Record<string, Promise<Envelope<unknown>>>;
}

const keyOf = (action: ActionName, payload: unknown) => `${action}:${JSON.stringify(payload)}`;

/** What index.html asked for, as answers (its envelopes opened). */
function fromPage(key: string): { answer: Promise<unknown>; at: number } | null {
  const calls =
    (typeof window === 'undefined' ? undefined : (window as { __earlyCalls?: PageEarlyCalls }).__earlyCalls) ?? null;
  const envelope = calls?.answers[key];
  if (!calls || !envelope || calls.openid !== demoOpenid()) return null;
  delete calls.answers[key];
  const answer = envelope.then((reply) => {
    if (reply && reply.ok) return reply.data;
    throw new ApiError(
      reply?.ok === false ? reply.error.code : 'INTERNAL',
      reply?.ok === false ? reply.error.message : '加载失败',
    );
  });
  return { answer, at: calls.at };
}

export function callEarly<A extends ActionName>(action: A, payload: Payload<A>): void {
  const key = keyOf(action, payload);
  const asked = fromPage(key);
  if (asked) {
    early.set(key, asked);
    return;
  }
  const answer = callApi(action, payload);
  // A failure here is not shown: the page asks again and shows its own.
  answer.catch(() => undefined);
  early.set(key, { answer, at: Date.now() });
}

/** The early call's answer for exactly this action and payload, if one was made and is fresh. */
export function takeEarly<A extends ActionName>(action: A, payload: Payload<A>): Promise<Reply<A>> | null {
  const key = keyOf(action, payload);
  const found = early.get(key) ?? fromPage(key);
  early.delete(key);
  if (!found || Date.now() - found.at > FRESH_MS) return null;
  return found.answer as Promise<Reply<A>>;
}
