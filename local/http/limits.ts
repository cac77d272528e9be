/**
 * The local cloud's limits on what one client can make it do: binding attempts per address
 * (invite codes are not to be guessed), uploads in flight per caller.
 */

/** Too many at once or too many in a while: the reply is 429 with this (Chinese) message. */
export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    /** For the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

export { AttemptLimiter } from '../../server/attemptLimiter';

/** At most `limit` at a time per key: `acquire` gives a release function, or null when full. */
export class ConcurrencyLimiter {
  private readonly counts = new Map<string, number>();

  constructor(readonly limit: number) {}

  acquire(key: string): (() => void) | null {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return null;
    this.counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }
}

/** 尝试次数过多，请X分钟后再试 — X rounded up, at least 1. */
export function tooManyAttemptsMessage(retryAfterMs: number): string {
  return `尝试次数过多，请${Math.max(1, Math.ceil(retryAfterMs / 60_000))}分钟后再试`;
}
