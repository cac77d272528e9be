/**
 * Failed attempts counted per key in a sliding window, in memory. It slows a guesser down to a
 * handful of tries per window per caller; a function instance keeps its own count (WeChat may run
 * a few at once), which is still far below what guessing a code would need.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => nowMs - at < this.windowMs);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Whether `key` may try again now. */
  allows(key: string, nowMs: number): boolean {
    return this.recent(key, nowMs).length < this.maxFailures;
  }

  fail(key: string, nowMs: number): void {
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }
}
