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

const MAX_TRACKED_KEYS = 10_000;

/** At most `limit` attempts per key in any `windowMs` (a sliding window); refused ones do not count. */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt and returns null, or returns how many ms until the key may try again. */
  take(key: string): number | null {
    const now = this.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return recent[0] + this.windowMs - now;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_TRACKED_KEYS) this.sweep(now);
    return null;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times[times.length - 1] <= now - this.windowMs) this.attempts.delete(key);
    }
  }
}

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
