// Picks the summary: the standfirst first when there is one, then the lede (the first real news
// sentence after furniture), then the best-scoring sentences that do not repeat what is already
// chosen, returned in article order.
import { termVector } from './centrality';
import { isFurniture, isShortQuoteOnly, normaliseText, withoutLeadIn } from './furniture';
import { startsMidQuote, startsWithDanglingPronoun } from './openers';
import { scoreCandidates, type Candidate, type ScoreWeights } from './score';
import { contentTerms } from './terms';
import { sentenceUnits } from './units';
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
// Up to this share of a sentence's word trigrams may repeat a stock phrase already chosen ("Time
// Warner said", "the prime minister's office") in the first pass: blocking every shared trigram
// (as BertSumExt does) threw away the article's central sentences, which name its subject the
// way the lede does (BBC dev halves: R1 +0.9, R2 +1.2; CNN R2 +0.1, R1 −0.1).
const STOCK_PHRASE = 0.1;

export interface Prepared {
  /** The standfirst, when usable: always the summary's first sentence. */
  standfirst: string | null;
  candidates: Candidate[];
  titleTerms: string[];
}

/** `articleStart`: no sentence of the story comes before it (furniture aside). */
function candidateOf(text: string, position: number, paragraph: number, norm: string, articleStart: boolean): Candidate {
  const terms = contentTerms(text);
  const words = norm === '' ? 0 : norm.split(' ').length;
  const midQuote = startsMidQuote(text);
  const pronoun = startsWithDanglingPronoun(text, articleStart);
  return {
    text,
    norm,
    position,
    paragraph,
    words,
    terms,
    vector: termVector(terms),
    canOpen: !midQuote && !pronoun,
    needsPrevious: midQuote || pronoun,
  };
}

/** The standfirst and the body sentences that may enter a summary (no furniture, no repeats). */
export function prepare(article: SummaryInput): Prepared {
  const title = typeof article.title === 'string' ? article.title : '';
  const normTitle = normaliseText(title);
  let standfirst = typeof article.standfirst === 'string' ? article.standfirst.trim() : '';
  const hadStandfirst = standfirst !== '';
  if (standfirst !== '' && isFurniture(standfirst, normTitle)) standfirst = '';

  const seenTexts = new Set<string>();
  const candidates: Candidate[] = [];
  // A bare short quotation ('"A picture of horror."') is left out, but it is the story's opening:
  // the "That's how the minister described…" after it points back to it.
  let storyBegun = false;
  const sentences = Array.isArray(article.sentences) ? article.sentences : [];
  for (const s of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!s || typeof s.text !== 'string') continue;
    // The standfirst's own sentences are covered by the standfirst itself, or are furniture like it.
    if (hadStandfirst && s.paragraph < 0) continue;
    for (const piece of sentenceUnits(s.text)) {
      const text = withoutLeadIn(piece);
      const norm = normaliseText(text);
      if (seenTexts.has(norm) || isFurniture(text, normTitle, norm)) {
        storyBegun ||= isShortQuoteOnly(text);
        continue;
      }
      seenTexts.add(norm);
      candidates.push(candidateOf(text, candidates.length, s.paragraph, norm, !storyBegun));
      storyBegun = true;
    }
  }
  // A standfirst repeating a body sentence yields to it, so no candidate repeats a kept standfirst.
  if (standfirst !== '' && copiesBodySentence(normaliseText(standfirst), candidates)) standfirst = '';
  return { standfirst: standfirst || null, candidates, titleTerms: contentTerms(title) };
}

/**
 * A standfirst that is a copy (often cut short) of one body sentence is a key point pulled from
 * the story (Arab News' "•" bullets), not an editor's summary: it may be the background
 * paragraph, so it does not get to open the summary; the body sentence competes like any other.
 */
function copiesBodySentence(norm: string, candidates: Candidate[]): boolean {
  const grams = trigrams(norm);
  return candidates.some((c) => {
    if (c.norm === norm) return true;
    if (grams.length === 0) return false;
    const body = new Set(trigrams(c.norm));
    return grams.filter((t) => body.has(t)).length / grams.length >= NEAR_COPY;
  });
}

/** The lede: the first candidate that can open a summary (null when none can). */
export function ledeIndex(candidates: Candidate[]): number | null {
  const i = candidates.findIndex((c) => c.canOpen);
  return i >= 0 ? i : null;
}

/**
 * Best-scoring candidates after the lede. The first pass skips any sentence repeating more than a
 * stock phrase of one already chosen (a tenth of its word trigrams); if that leaves the summary
 * short, a second pass admits sentences that share more, but never near-copies. A sentence that
 * leans on the one before it (a pronoun subject, the rest of a quotation) comes only with it.
 */
function fill(candidates: Candidate[], scores: number[], taken: Set<number>, seen: Set<string>, room: number): void {
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  for (const tolerance of [STOCK_PHRASE, NEAR_COPY]) {
    let added = true;
    while (added && room > 0) {
      added = false;
      for (const i of order) {
        if (taken.has(i) || (candidates[i].needsPrevious && !taken.has(i - 1))) continue;
        const share = repeatedShare(candidates[i].norm, seen);
        if (tolerance === NEAR_COPY ? share >= tolerance : share > tolerance) continue;
        remember(candidates[i].norm, seen);
        taken.add(i);
        room--;
        added = true;
        break;
      }
    }
  }
}

/** The summary, in article order, standfirst and lede first. */
export function pick(prepared: Prepared, scores: number[], limit: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  if (prepared.standfirst !== null) {
    out.push(prepared.standfirst);
    remember(normaliseText(prepared.standfirst), seen);
  }
  const { candidates } = prepared;
  const taken = new Set<number>();
  // The lede is the best single sentence of most news; after a standfirst it is what the page's
  // editors put next, unless it merely repeats the standfirst.
  const lede = ledeIndex(candidates);
  if (lede !== null && out.length < limit && repeatedShare(candidates[lede].norm, seen) < NEAR_COPY) {
    remember(candidates[lede].norm, seen);
    taken.add(lede);
  }
  if (lede !== null) fill(candidates, scores, taken, seen, limit - out.length - taken.size);
  const picked = [...taken].sort((a, b) => a - b);
  return [...out, ...picked.map((i) => candidates[i].text)].slice(0, limit);
}

/** `weights` replaces the tuned weighting (for evaluation). */
export function summariseWith(article: SummaryInput, count: number, weights?: ScoreWeights): string[] {
  const limit = Number.isFinite(count) ? Math.floor(count) : 0;
  if (limit < 1 || article == null) return [];
  const prepared = prepare(article);
  return pick(prepared, scoreCandidates(prepared.candidates, prepared.titleTerms, weights), limit);
}
