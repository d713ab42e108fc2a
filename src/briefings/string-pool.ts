// One copy of each string that repeats across many rows (source names, feed URLs, outlets): rows keep its number.

/** Strings that repeat across rows, each kept once and named by its number (in the order first seen). */
export class StringPool {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.numbers.set(value, n);
    }
    return n;
  }
}
