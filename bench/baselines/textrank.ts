// TextRank-N (Mihalcea & Tarau 2004): sentences are nodes, edges weighted by word overlap
// normalised by log lengths, weighted PageRank; the N best sentences, output in article order.
import type { Sentence } from '../../src/briefings';

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function overlapSimilarity(a: Set<string>, aLen: number, b: Set<string>, bLen: number): number {
  if (aLen < 2 || bLen < 2) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (Math.log(aLen) + Math.log(bLen));
}

export function pagerank(weights: number[][], damping = 0.85, iterations = 50, tolerance = 1e-6): number[] {
  const n = weights.length;
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(n, 1));
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) {
        // A sentence that shares nothing spreads its rank evenly, so rank keeps summing to 1.
        for (let i = 0; i < n; i++) next[i] += (damping * rank[j]) / n;
        continue;
      }
      for (let i = 0; i < n; i++) if (weights[j][i] > 0) next[i] += (damping * rank[j] * weights[j][i]) / outSum[j];
    }
    const delta = next.reduce((s, r, i) => s + Math.abs(r - rank[i]), 0);
    rank = next;
    if (delta < tolerance) break;
  }
  return rank;
}

export function textRankN(sentences: Sentence[], n: number): string[] {
  const usable = sentences.filter((s) => s.text.trim() !== '');
  const tokens = usable.map((s) => words(s.text));
  const sets = tokens.map((t) => new Set(t));
  const weights = usable.map((_, i) =>
    usable.map((__, j) => (i === j ? 0 : overlapSimilarity(sets[i], tokens[i].length, sets[j], tokens[j].length))),
  );
  const rank = pagerank(weights);
  const best = rank
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, n)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  return best.map((i) => usable[i].text);
}
