// Scores every candidate sentence by blending where it sits with how central it is.
//
// News puts its point first (Lead-3 is hard to beat on CNN), but some sets reward sentences
// that restate the article's main subject wherever they sit (TextRank wins on BBC). The blend
// keeps both: a position prior, TextRank centrality, overlap with the headline and with the
// whole article, and a preference for full-length sentences over fragments.
import { centrality, cosine, termVector, type TermVector } from './centrality';

export interface ScoreWeights {
  /** Weight of 1 / (1 + position) among the candidates. */
  position: number;
  /** Extra weight for the very first candidate (the lede). */
  lede: number;
  /** Weight of TextRank centrality (scaled to 0..1). */
  centrality: number;
  /** Weight of the share of headline terms the sentence contains. */
  title: number;
  /** Weight of cosine similarity to the whole article. */
  document: number;
  /** Weight of sentence length, min(words, lengthCap) / lengthCap. */
  length: number;
  lengthCap: number;
  /** Penalty for a sentence that opens with a quotation mark. */
  quote: number;
  /** Penalty for a question. */
  question: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  position: 1,
  lede: 0.3,
  centrality: 0.5,
  title: 0.3,
  document: 0.5,
  length: 0.2,
  lengthCap: 30,
  quote: 0.2,
  question: 0.2,
};

export interface Candidate {
  text: string;
  /** Order among the candidates (article order). */
  position: number;
  words: number;
  terms: string[];
  vector: TermVector;
}

export function scoreCandidates(candidates: Candidate[], titleTerms: string[], w: ScoreWeights): number[] {
  const n = candidates.length;
  if (n === 0) return [];
  const vectors = candidates.map((c) => c.vector);
  const central = w.centrality !== 0 && n > 2 ? centrality(vectors) : new Array<number>(n).fill(0);
  const whole = termVector(candidates.flatMap((c) => c.terms));
  const titleSet = new Set(titleTerms);
  return candidates.map((c, i) => {
    let titleShare = 0;
    if (titleSet.size > 0) {
      let hit = 0;
      for (const t of titleSet) if (c.vector.has(t)) hit++;
      titleShare = hit / titleSet.size;
    }
    const text = c.text.trim();
    return (
      w.position / (1 + c.position) +
      (c.position === 0 ? w.lede : 0) +
      w.centrality * central[i] +
      w.title * titleShare +
      w.document * cosine(c.vector, whole) +
      w.length * (Math.min(c.words, w.lengthCap) / w.lengthCap) -
      (/^["“‘]/.test(text) ? w.quote : 0) -
      (/\?["”’]?$/.test(text) ? w.question : 0)
    );
  });
}
