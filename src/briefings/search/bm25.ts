// Okapi BM25 pieces. Articles are scored on two fields: the body (standfirst and headings weighted
// in) and the title, each with its own length normalisation and idf, summed with a title boost.

export const K1 = 1.2;
export const B = 0.75;

/** Weight of a word by where it stands outside the title. */
export const FIELD_WEIGHT = { title: 1, standfirst: 2, heading: 2, body: 1 } as const;

/** Length normalisation of the title field (titles vary less in length than bodies). */
export const B_TITLE = 0.5;

/** How much a title match counts against a body match (MiniSearch's setting here is 2). */
export const TITLE_BOOST = 2;

export function idf(documents: number, withTerm: number): number {
  const df = Math.min(withTerm, documents);
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Saturated term frequency for a field of `length` where that field averages `average`. */
export function saturate(tf: number, length: number, average: number, b = B): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - b + (b * length) / average));
}

/**
 * Posting weights of articles pack both fields in one byte: the body's (weighted) frequency in the
 * low six bits, the title's in the top two.
 */
export function packFields(body: number, title: number): number {
  return Math.min(63, body) | (Math.min(3, title) << 6);
}
