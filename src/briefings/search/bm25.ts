// Okapi BM25 pieces. Field boosts are folded into the term frequency before saturation (BM25F).

export const K1 = 1.2;
export const B = 0.75;

/** Weight of a title word against a body word, standfirst and headings in between. */
export const FIELD_WEIGHT = { title: 4, standfirst: 2, heading: 2, body: 1 } as const;

export function idf(documents: number, withTerm: number): number {
  const df = Math.min(withTerm, documents);
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Saturated term frequency for a document of `length` where documents average `average`. */
export function saturate(tf: number, length: number, average: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
}
