// Picks the summary: the standfirst first when there is one, then the best-scoring body
// sentences that do not repeat what is already chosen, returned in article order.
import { termVector } from './centrality';
import { isFurniture, normaliseText } from './furniture';
import { scoreCandidates, type Candidate, type ScoreWeights } from './score';
import { contentTerms } from './terms';
import type { Sentence } from '../types';

export interface SummaryInput {
  title: string;
  standfirst: string | null;
  paragraphs: string[];
  sentences: Sentence[];
}

// Centrality is quadratic in sentences; beyond this many the tail cannot reach a summary anyway.
const MAX_CANDIDATES = 150;

/** Word trigrams of normalised text. */
function trigrams(norm: string): string[] {
  const words = norm === '' ? [] : norm.split(' ');
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Share of the sentence's word trigrams already in `seen` (0 for sentences under three words). */
function repeatedShare(norm: string, seen: Set<string>): number {
  const grams = trigrams(norm);
  if (grams.length === 0) return 0;
  return grams.filter((t) => seen.has(t)).length / grams.length;
}

function remember(norm: string, seen: Set<string>): void {
  for (const t of trigrams(norm)) seen.add(t);
}

// A sentence that repeats this much of what is already chosen is a near-copy, never taken.
const NEAR_COPY = 0.5;

export interface Prepared {
  /** The standfirst, when usable: always the summary's first sentence. */
  standfirst: string | null;
  candidates: Candidate[];
  titleTerms: string[];
}

/** The standfirst and the body sentences that may enter a summary (no furniture, no repeats). */
export function prepare(article: SummaryInput): Prepared {
  const title = typeof article.title === 'string' ? article.title : '';
  const normTitle = normaliseText(title);
  const seenTexts = new Set<string>();
  let standfirst = typeof article.standfirst === 'string' ? article.standfirst.trim() : '';
  const hadStandfirst = standfirst !== '';
  if (standfirst !== '' && isFurniture(standfirst, normTitle)) standfirst = '';
  if (standfirst !== '') seenTexts.add(normaliseText(standfirst));

  const candidates: Candidate[] = [];
  const sentences = Array.isArray(article.sentences) ? article.sentences : [];
  for (const s of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!s || typeof s.text !== 'string') continue;
    // The standfirst's own sentences are covered by the standfirst itself, or are furniture like it.
    if (hadStandfirst && s.paragraph < 0) continue;
    const text = s.text.trim();
    const norm = normaliseText(text);
    if (seenTexts.has(norm) || isFurniture(text, normTitle, norm)) continue;
    seenTexts.add(norm);
    const terms = contentTerms(text);
    const words = norm === '' ? 0 : norm.split(' ').length;
    candidates.push({ text, norm, position: candidates.length, paragraph: s.paragraph, words, terms, vector: termVector(terms) });
  }
  return { standfirst: standfirst || null, candidates, titleTerms: contentTerms(title) };
}

/**
 * Best-scoring candidates first. The first pass skips any sentence sharing a word trigram with
 * one already chosen (trigram blocking, as BertSumExt); if that leaves the summary short, a
 * second pass admits sentences that merely share a phrase, but never near-copies.
 * The result is in article order.
 */
export function pick(prepared: Prepared, scores: number[], limit: number): string[] {
  const seenTrigrams = new Set<string>();
  const out: string[] = [];
  if (prepared.standfirst !== null) {
    out.push(prepared.standfirst);
    remember(normaliseText(prepared.standfirst), seenTrigrams);
  }
  const { candidates } = prepared;
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const picked: number[] = [];
  const taken = new Set<number>();
  // A page with a standfirst is edited news: its editors' own summary is the standfirst plus the lede,
  // so the lede follows the standfirst unless it merely repeats it.
  const lede = candidates[0];
  if (prepared.standfirst !== null && lede && limit >= 2 && lede.paragraph >= 0 && lede.paragraph <= 1 && repeatedShare(lede.norm, seenTrigrams) < NEAR_COPY) {
    remember(lede.norm, seenTrigrams);
    taken.add(0);
    picked.push(0);
  }
  for (const tolerance of [0, NEAR_COPY]) {
    for (const i of order) {
      if (out.length + picked.length >= limit) break;
      if (taken.has(i)) continue;
      const { norm } = candidates[i];
      const share = repeatedShare(norm, seenTrigrams);
      if (tolerance === 0 ? share > 0 : share >= tolerance) continue;
      remember(norm, seenTrigrams);
      taken.add(i);
      picked.push(i);
    }
  }
  picked.sort((a, b) => a - b);
  return [...out, ...picked.map((i) => candidates[i].text)].slice(0, limit);
}

/** `weights` fixes the scoring; without it the profile follows the article's lead-heaviness. */
export function summariseWith(article: SummaryInput, count: number, weights?: ScoreWeights): string[] {
  const limit = Number.isFinite(count) ? Math.floor(count) : 0;
  if (limit < 1 || article == null) return [];
  const prepared = prepare(article);
  return pick(prepared, scoreCandidates(prepared.candidates, prepared.titleTerms, weights), limit);
}
