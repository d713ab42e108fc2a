// The words story matching compares: the title and the lede (standfirst or the feed's summary, then
// the opening paragraphs), folded like search terms and Porter-stemmed so "rates"/"rate" meet.
import { forEachTerm } from '../search/tokenize';
import type { StoryArticle, StoryHeader, StoryMember } from './types';
// The package ships no type declarations; its whole API is this one function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stemmer: (word: string) => string = require('stemmer');
import { boundedMemo } from '../text/bounded-memo';

/** How many words of the lede count: the opening says what happened; later paragraphs drift to background. */
export const LEDE_WORDS = 60;

const ASCII_WORD = /^[a-z]+$/;

/** Most words were seen before: the memo answers first, the checks run once per new word. */
const stemRemembered = boundedMemo(100_000, (word) => (ASCII_WORD.test(word) ? stemmer(word) : word));

export function stem(word: string): string {
  return word.length <= 3 ? word : stemRemembered(word);
}

/** Stemmed content terms of a text, in order, at most `limit` of them. */
export function storyTerms(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  if (!text) return out;
  forEachTerm(text, (t) => {
    if (out.length < limit) out.push(stem(t));
  });
  return out;
}

/** How many leading paragraphs may hold the lede (furniture such as photo credits may come first). */
export const LEDE_PARAGRAPHS = 6;

/** The article's paragraphs that are text (articles come from files and feeds: trust nothing). */
export function paragraphsOf(a: StoryArticle): string[] {
  return Array.isArray(a.paragraphs) ? a.paragraphs.filter((p): p is string => typeof p === 'string') : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The title, or empty when the article has none that is text. */
export function titleOf(a: Pick<StoryArticle, 'title'>): string {
  return text(a.title) ?? '';
}

/** The lede's paragraphs: standfirst (or the feed's summary) and the opening paragraphs. */
export function ledeParagraphs(a: StoryArticle): string[] {
  const parts: string[] = [];
  const lead = text(a.standfirst) ?? text(a.providedSummary);
  if (lead) parts.push(lead);
  // The first paragraphs that are text, without copying the whole body first (this runs on every article).
  const all: unknown[] = Array.isArray(a.paragraphs) ? a.paragraphs : [];
  for (let i = 0, taken = 0; i < all.length && taken < LEDE_PARAGRAPHS; i++) {
    const p = all[i];
    if (typeof p !== 'string') continue;
    parts.push(p);
    taken++;
  }
  return parts;
}

/** The outlet's name for "also reported by": the URL's host, else the first folder of the source path. */
export function outletOf(a: Pick<StoryArticle, 'url' | 'source'>): string {
  if (typeof a.url === 'string' && a.url) {
    try {
      return new URL(a.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL: fall back to the file path.
    }
  }
  const source = typeof a.source === 'string' ? a.source : '';
  const slash = source.indexOf('/');
  return slash > 0 ? source.slice(0, slash) : source;
}

/** Characters of body text: tells a full version from a teaser. */
export function bodyLength(a: StoryArticle): number {
  let length = 0;
  const all: unknown[] = Array.isArray(a.paragraphs) ? a.paragraphs : [];
  for (const p of all) if (typeof p === 'string') length += p.length;
  return length;
}

export function memberOf(a: StoryArticle): StoryMember {
  return headerMember(a, bodyLength(a));
}

/** A member from what a header holds, with its body length given (saved with the stories). */
export function headerMember(a: StoryHeader, length: number): StoryMember {
  const date = timeOf(a.date) === null ? null : a.date;
  return { id: a.id, title: titleOf(a), date, outlet: outletOf(a), url: typeof a.url === 'string' ? a.url : null, length };
}

/** Milliseconds since the epoch, or null for a missing or unreadable date. */
export function timeOf(date: string | null | undefined): number | null {
  if (typeof date !== 'string' || !date) return null;
  const t = Date.parse(date);
  return Number.isFinite(t) ? t : null;
}

const DAY_MS = 86_400_000;
/** Default rise of the threshold per day between two articles (chosen on the "tune" story pairs). */
export const PER_DAY = 0.1;
/** Default days assumed for an unknown date. */
export const UNKNOWN_DAYS = 3;

/** How far apart in time two articles are and how alike they must be to match. */
export interface TimeRule {
  /** Never the same story beyond this. */
  windowMs: number;
  /** The similarity two articles published together must reach. */
  threshold: number;
  /** What each day between them adds to the threshold: later articles on a topic are usually new events. */
  perDay: number;
  /** Days assumed between two articles when either date is unknown: then only close copies match. */
  unknownDays: number;
}

/** The similarity two articles must reach to match, or Infinity when they are too far apart in time. */
export function requiredSimilarity(a: number | null, b: number | null, rule: TimeRule): number {
  if (a !== null && b !== null && Math.abs(a - b) > rule.windowMs) return Infinity;
  const days = a === null || b === null ? rule.unknownDays : Math.abs(a - b) / DAY_MS;
  return rule.threshold + rule.perDay * days;
}
