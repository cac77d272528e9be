const MAX_TRACKED_KEYS = 10_000;

/**
 * Attempts counted per key (a person, an address) in a sliding window, in memory: at most `limit`
 * in any `windowMs`. Used to slow down guessing invite codes. A cloud function instance keeps its
 * own count (WeChat may run a few at once), which is still far below what guessing would need.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length > 0) this.attempts.set(key, kept);
    else this.attempts.delete(key);
    return kept;
  }

  /** How many ms until `key` may try again; 0 when it may now. */
  waitMs(key: string): number {
    const now = this.now();
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[0] + this.windowMs - now;
  }

  /** Counts one attempt of `key`. */
  record(key: string): void {
    const now = this.now();
    this.attempts.set(key, [...this.recent(key, now), now]);
    if (this.attempts.size > MAX_TRACKED_KEYS) this.sweep(now);
  }

  /** Counts an attempt if one is allowed now: null; otherwise how many ms until one is. */
  take(key: string): number | null {
    const wait = this.waitMs(key);
    if (wait > 0) return wait;
    this.record(key);
    return null;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times[times.length - 1] <= now - this.windowMs) this.attempts.delete(key);
    }
  }
}
