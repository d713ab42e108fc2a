// Picks the summary: standfirst first when there is one, then the best-scoring body sentences,
// skipping any that repeat a word trigram already chosen, returned in article order.
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

function trigrams(text: string): string[] {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function sharesTrigram(text: string, seen: Set<string>): boolean {
  return trigrams(text).some((t) => seen.has(t));
}

function remember(text: string, seen: Set<string>): void {
  for (const t of trigrams(text)) seen.add(t);
}

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
  if (standfirst !== '' && isFurniture(standfirst, normTitle)) standfirst = '';
  if (standfirst !== '') seenTexts.add(normaliseText(standfirst));

  const candidates: Candidate[] = [];
  const sentences = Array.isArray(article.sentences) ? article.sentences : [];
  for (const s of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!s || typeof s.text !== 'string') continue;
    // The standfirst's own sentences are already covered by the standfirst itself.
    if (standfirst !== '' && s.paragraph < 0) continue;
    const text = s.text.trim();
    const norm = normaliseText(text);
    if (seenTexts.has(norm) || isFurniture(text, normTitle, norm)) continue;
    seenTexts.add(norm);
    const terms = contentTerms(text);
    const words = norm === '' ? 0 : norm.split(' ').length;
    candidates.push({ text, position: candidates.length, paragraph: s.paragraph, words, terms, vector: termVector(terms) });
  }
  return { standfirst: standfirst || null, candidates, titleTerms: contentTerms(title) };
}

/** Best-scoring candidates first, skipping trigram repeats; the result is in article order. */
export function pick(prepared: Prepared, scores: number[], limit: number): string[] {
  const seenTrigrams = new Set<string>();
  const out: string[] = [];
  if (prepared.standfirst !== null) {
    out.push(prepared.standfirst);
    remember(prepared.standfirst, seenTrigrams);
  }
  const { candidates } = prepared;
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const picked: number[] = [];
  for (const i of order) {
    if (out.length + picked.length >= limit) break;
    const text = candidates[i].text;
    if (sharesTrigram(text, seenTrigrams)) continue;
    remember(text, seenTrigrams);
    picked.push(i);
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
