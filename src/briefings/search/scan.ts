// The two hot loops of ranking (rank.ts): one posting list into per-document best values, body or title.
import { B, B_TITLE, K1, saturate } from './bm25';

// Local copies: imported bindings are read through getters on every use once compiled to CommonJS.
const K1_VALUE = K1;
const B_VALUE = B;
const B_TITLE_VALUE = B_TITLE;
const saturateLocal = saturate;

/**
 * The hot loop: one posting list into the per-document best scores. A small top-level function
 * with plain arguments, so the engine compiles it once and keeps it fast. `docs` holds the list's
 * documents from index 0 (unpacked), `weights` is indexed by position in the lists, [start, end).
 */
export function scanList(
  docs: Int32Array,
  weights: Uint8Array,
  start: number,
  end: number,
  weight: number,
  packed: boolean,
  alive: Uint8Array,
  lengths: Int32Array,
  avg: number,
  best: Float64Array,
  bestTitle: Float64Array,
  touched: number[],
  accept: ((doc: number) => boolean) | undefined,
): void {
  const k1 = K1_VALUE;
  const b = B_VALUE;
  const norm0 = k1 * (1 - b);
  const norm1 = (k1 * b) / avg;
  const lift = weight * (k1 + 1);
  for (let i = start; i < end; i++) {
    const doc = docs[i - start];
    if (alive[doc] === 0) continue;
    if (accept !== undefined && !accept(doc)) continue;
    // Article postings pack the title frequency in the top bits: the body is the low six.
    const tf = packed ? weights[i] & 63 : weights[i];
    if (tf === 0) continue;
    const v = (lift * tf) / (tf + norm0 + norm1 * lengths[doc]);
    if (best[doc] === 0 && bestTitle[doc] === 0) touched.push(doc);
    if (v > best[doc]) best[doc] = v;
  }
}

/** scanList's twin for title lists (no weights: a title holds a word once as far as ranking goes). */
export function scanTitles(
  docs: Int32Array,
  count: number,
  weight: number,
  alive: Uint8Array,
  lengths: Int32Array,
  avg: number,
  best: Float64Array,
  bestTitle: Float64Array,
  touched: number[],
): void {
  for (let i = 0; i < count; i++) {
    const doc = docs[i];
    if (alive[doc] === 0) continue;
    const v = weight * saturateLocal(1, lengths[doc], avg, B_TITLE_VALUE);
    if (best[doc] === 0 && bestTitle[doc] === 0) touched.push(doc);
    if (v > bestTitle[doc]) bestTitle[doc] = v;
  }
}
