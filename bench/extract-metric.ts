// The article-extraction benchmark's metric, as its evaluate.py computes it (scrapinghub/article-extraction-benchmark):
// `\w+` tokens (Unicode letters, digits, underscore; case kept: the IGNORECASE flag there does not lower-case the
// tokens), taken as 4-word shingles; per page, tp/fp/fn of the shingle multisets, normalised to sum to 1 so long
// pages weigh no more than short ones; precision averaged over pages with tp+fp > 0, recall over pages with
// tp+fn > 0; F1 from the two averages. `lowerCase` gives the variant SOURCE.md describes (tokens lower-cased).

const TOKEN = /[\p{L}\p{N}_]+/gu;

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function shingles(text: string, n: number, lowerCase: boolean): Map<string, number> {
  const tokens = (lowerCase ? text.toLowerCase() : text).match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // Python's range(0, max(1, len - n + 1)) yields one short shingle when there are fewer than n tokens.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised tp/fp/fn of one page's prediction against its gold text. */
export function shingleMatch(gold: string, predicted: string, lowerCase = false, n = 4): PageCounts {
  const g = shingles(gold, n, lowerCase);
  const p = shingles(predicted, n, lowerCase);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const gc = g.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fp += Math.max(0, pc - gc);
  }
  for (const [key, gc] of g) fn += Math.max(0, gc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function scoresOf(pages: PageCounts[]): Scores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** One page's own F1 (for listing the worst pages; the benchmark's F1 comes from the averages). */
export function pageF1(c: PageCounts): number {
  const p = precisionOf(c);
  const r = recallOf(c);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
