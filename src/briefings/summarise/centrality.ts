// How central each sentence is to its article: weighted PageRank over the cosine-similarity
// graph of the sentences' term vectors (TextRank with cosine edges).

export type TermVector = Map<string, number>;

export function termVector(terms: string[]): TermVector {
  const v: TermVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function norm(v: TermVector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: TermVector, b: TermVector, normA = norm(a), normB = norm(b)): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot / (normA * normB);
}

/** PageRank scores (summing to 1) of a symmetric weighted graph given as a dense matrix. */
// Only the order of the ranks matters here, so a loose tolerance is enough.
export function pageRank(weights: Float64Array[], damping = 0.85, iterations = 40, tolerance = 1e-4, teleport?: number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const jump = teleport ?? new Array<number>(n).fill(1 / n);
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = (1 - damping) * jump[i];
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) {
        dangling += rank[j];
        continue;
      }
      const share = (damping * rank[j]) / outSum[j];
      const row = weights[j];
      for (let i = 0; i < n; i++) if (row[i] !== 0) next[i] += share * row[i];
    }
    // Rank held by sentences that share nothing is spread evenly, so the total stays 1.
    if (dangling > 0) for (let i = 0; i < n; i++) next[i] += damping * dangling * jump[i];
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i] - rank[i]);
    rank = next;
    if (delta < tolerance) break;
  }
  return Array.from(rank);
}

/** Cosine similarity of every pair, built from term postings so unrelated pairs cost nothing. */
export function similarityMatrix(vectors: TermVector[]): Float64Array[] {
  const n = vectors.length;
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const [t, x] of v) {
      const list = postings.get(t);
      if (list) list.push(i, x);
      else postings.set(t, [i, x]);
    }
  });
  const weights = vectors.map(() => new Float64Array(n));
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a += 2) {
      const row = weights[list[a]];
      for (let b = a + 2; b < list.length; b += 2) row[list[b]] += list[a + 1] * list[b + 1];
    }
  }
  const norms = vectors.map(norm);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = norms[i] > 0 && norms[j] > 0 ? weights[i][j] / (norms[i] * norms[j]) : 0;
      weights[i][j] = d;
      weights[j][i] = d;
    }
  }
  return weights;
}

const scaled = (rank: number[]) => {
  const max = Math.max(0, ...rank);
  return max > 0 ? rank.map((r) => r / max) : rank.map(() => 0);
};

/** TextRank centrality of each vector, scaled so the most central sentence scores 1. */
export function centrality(vectors: TermVector[]): number[] {
  return scaled(pageRank(similarityMatrix(vectors)));
}

/**
 * Centrality and lead-biased centrality (the random surfer restarts at sentence i with weight
 * 1/(1+i), as PositionRank does): sentences central to the story's opening, not to its tail.
 */
export function centralities(vectors: TermVector[]): { plain: number[]; lead: number[] } {
  const graph = similarityMatrix(vectors);
  const bias = vectors.map((_, i) => 1 / (1 + i));
  const total = bias.reduce((a, b) => a + b, 0);
  return {
    plain: scaled(pageRank(graph)),
    lead: scaled(
      pageRank(
        graph,
        0.85,
        40,
        1e-4,
        bias.map((b) => b / total),
      ),
    ),
  };
}
