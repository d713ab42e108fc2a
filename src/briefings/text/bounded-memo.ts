// A memo for a pure function of a word or a run of words: news vocabulary repeats, so most calls are answered from
// the memo. Cleared whole when full, which bounds it without an LRU's bookkeeping (a worker thread lives for a
// whole import).

const asKey = (word: string): string => word;

/** `compute`, remembered by `keyOf(arg)` (the word itself by default) for up to `limit` keys at a time. */
export function boundedMemo<V, A = string>(
  limit: number,
  compute: (arg: A) => V,
  keyOf: (arg: A) => string = asKey as (arg: A) => string,
): (arg: A) => V {
  const memo = new Map<string, V>();
  return (arg) => {
    const key = keyOf(arg);
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(arg);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
