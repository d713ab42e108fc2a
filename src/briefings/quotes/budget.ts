// Limits on the work spent attributing one article. Every stage is linear in the text, but a
// hostile file can hold tens of thousands of quotes: past these limits quotes are still found,
// with their speaker left unknown, and the analysis says it is incomplete.

export interface QuoteBudget {
  /** Quotes attributed per article (PolNeAR articles hold at most a few dozen). */
  maxAttributed: number;
  /** Wall-clock milliseconds spent attributing one article. */
  maxMs: number;
}

export const DEFAULT_QUOTE_BUDGET: QuoteBudget = { maxAttributed: 5_000, maxMs: 2_000 };

export class Spend {
  private used = 0;
  private readonly deadline: number;
  exhausted = false;

  constructor(private readonly limits: QuoteBudget) {
    this.deadline = performance.now() + limits.maxMs;
  }

  /** Counts one quote; true once the budget is gone. The clock is read every 64 quotes. */
  spent(): boolean {
    if (this.exhausted) return true;
    this.used++;
    if (this.used > this.limits.maxAttributed || ((this.used & 63) === 0 && performance.now() > this.deadline)) this.exhausted = true;
    return this.exhausted;
  }
}
