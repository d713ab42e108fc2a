// Picks the summary: standfirst first when there is one, then the best-scoring body sentences,
// skipping any that repeat a word trigram already chosen, returned in article order.
import { termVector } from './centrality';
import { isFurniture, normaliseText, wordCount } from './furniture';
import { DEFAULT_WEIGHTS, scoreCandidates, type Candidate, type ScoreWeights } from './score';
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

export function summariseWith(article: SummaryInput, count: number, weights: ScoreWeights = DEFAULT_WEIGHTS): string[] {
  const limit = Number.isFinite(count) ? Math.floor(count) : 0;
  if (limit < 1 || article == null) return [];
  const title = typeof article.title === 'string' ? article.title : '';
  const normTitle = normaliseText(title);
  const seenTrigrams = new Set<string>();
  const seenTexts = new Set<string>();

  const chosenFirst: string[] = [];
  const standfirst = typeof article.standfirst === 'string' ? article.standfirst.trim() : '';
  if (standfirst !== '' && !isFurniture(standfirst, normTitle)) {
    chosenFirst.push(standfirst);
    remember(standfirst, seenTrigrams);
    seenTexts.add(normaliseText(standfirst));
  }

  const candidates: Candidate[] = [];
  const sentences = Array.isArray(article.sentences) ? article.sentences : [];
  for (const s of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!s || typeof s.text !== 'string') continue;
    // The standfirst's own sentences are already covered by the standfirst itself.
    if (standfirst !== '' && s.paragraph < 0) continue;
    const text = s.text.trim();
    const norm = normaliseText(text);
    if (seenTexts.has(norm) || isFurniture(text, normTitle)) continue;
    seenTexts.add(norm);
    const terms = contentTerms(text);
    candidates.push({ text, position: candidates.length, words: wordCount(text), terms, vector: termVector(terms) });
  }

  const scores = scoreCandidates(candidates, contentTerms(title), weights);
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const picked: number[] = [];
  for (const i of order) {
    if (chosenFirst.length + picked.length >= limit) break;
    const text = candidates[i].text;
    if (sharesTrigram(text, seenTrigrams)) continue;
    remember(text, seenTrigrams);
    picked.push(i);
  }
  picked.sort((a, b) => a - b);
  return [...chosenFirst, ...picked.map((i) => candidates[i].text)].slice(0, limit);
}
