// A live subscription's filter: include words (any one must appear), exclude words (none may appear) and a
// topic in the search syntax (every searchable word must appear). Parsed once from what an admin typed,
// kept as plain data, shown back in one canonical line.
import { queryWords } from '../search/tokenize';
import { displayTerms, FilterInputError, filterWords, parseTerms, type FilterTerm } from './terms';

export interface SubscriptionFilter {
  include: FilterTerm[];
  exclude: FilterTerm[];
  /** The topic as typed (trimmed), or null. */
  topic: string | null;
  /** The topic's searchable words, as /search reads them. */
  topicWords: string[];
}

export interface FilterInput {
  include?: string | null;
  exclude?: string | null;
  topic?: string | null;
}

export const MAX_TOPIC_LENGTH = 200;
export const MAX_TOPIC_WORDS = 12;

export const NO_FILTER: SubscriptionFilter = Object.freeze({ include: [], exclude: [], topic: null, topicWords: [] }) as SubscriptionFilter;

function parseTopic(raw: string | null | undefined): { topic: string | null; topicWords: string[] } {
  const topic = raw?.replace(/\s+/g, ' ').trim() ?? '';
  if (!topic) return { topic: null, topicWords: [] };
  if (topic.length > MAX_TOPIC_LENGTH) {
    throw new FilterInputError(`topic is ${topic.length} characters long; keep it under ${MAX_TOPIC_LENGTH}.`);
  }
  // A trailing space: a stored topic is finished, its last word is not a prefix being typed.
  const words = queryWords(`${topic} `, MAX_TOPIC_WORDS + 1).map((w) => w.term);
  if (words.length === 0) throw new FilterInputError(`topic "${topic.slice(0, 40)}" has no words search can look for.`);
  if (words.length > MAX_TOPIC_WORDS) throw new FilterInputError(`topic may have at most ${MAX_TOPIC_WORDS} words.`);
  return { topic, topicWords: words };
}

/** Parses the three options of /sources add or /sources watch. Throws FilterInputError with a fix-it message. */
export function parseFilter(input: FilterInput): SubscriptionFilter {
  const include = parseTerms(input.include ?? '', 'include');
  const exclude = parseTerms(input.exclude ?? '', 'exclude');
  const clash = include.find((t) => exclude.some((x) => x.words.join(' ') === t.words.join(' ')));
  if (clash) throw new FilterInputError(`"${clash.words.join(' ')}" is both included and excluded; keep it in one list.`);
  return { include, exclude, ...parseTopic(input.topic) };
}

/** The strings that parse back to this filter (what to store, and what /sources list shows). */
export function filterInput(filter: SubscriptionFilter): { include: string; exclude: string; topic: string } {
  return { include: displayTerms(filter.include), exclude: displayTerms(filter.exclude), topic: filter.topic ?? '' };
}

export function isEmptyFilter(filter: SubscriptionFilter): boolean {
  return !filter.include.length && !filter.exclude.length && !filter.topic;
}

/** One line for /sources list: `include: ukraine, "peace talks" · exclude: sport · topic: election`, or "". */
export function describeFilter(filter: SubscriptionFilter): string {
  const parts: string[] = [];
  if (filter.include.length) parts.push(`include: ${displayTerms(filter.include)}`);
  if (filter.exclude.length) parts.push(`exclude: ${displayTerms(filter.exclude)}`);
  if (filter.topic) parts.push(`topic: ${filter.topic}`);
  return parts.join(' · ');
}

/** The text of an article a filter reads. */
export interface FilterableArticle {
  title: string;
  standfirst?: string | null;
  paragraphs?: readonly string[];
  tags?: readonly string[];
}

/** The article's words per block (title, standfirst, each paragraph, each tag): a phrase never spans two blocks. */
function blocksOf(article: FilterableArticle): string[][] {
  const texts = [article.title, article.standfirst ?? '', ...(article.paragraphs ?? []), ...(article.tags ?? [])];
  return texts.filter(Boolean).map(filterWords);
}

function containsRun(block: readonly string[], words: readonly string[]): boolean {
  outer: for (let i = 0; i + words.length <= block.length; i++) {
    for (let j = 0; j < words.length; j++) if (block[i + j] !== words[j]) continue outer;
    return true;
  }
  return false;
}

function hasTerm(blocks: readonly string[][], vocabulary: ReadonlySet<string>, term: FilterTerm): boolean {
  if (!term.words.every((w) => vocabulary.has(w))) return false;
  return term.words.length === 1 || blocks.some((b) => containsRun(b, term.words));
}

export type FilterVerdict = { pass: true } | { pass: false; reason: string };

/** Whether an article passes a filter, and if not, which rule stopped it (for logs and the ledger). */
export function applyFilter(filter: SubscriptionFilter, article: FilterableArticle): FilterVerdict {
  if (isEmptyFilter(filter)) return { pass: true };
  const blocks = blocksOf(article);
  const vocabulary = new Set(blocks.flat());
  const excluded = filter.exclude.find((t) => hasTerm(blocks, vocabulary, t));
  if (excluded) return { pass: false, reason: `excluded word ${displayTerms([excluded])}` };
  if (filter.include.length && !filter.include.some((t) => hasTerm(blocks, vocabulary, t))) {
    return { pass: false, reason: 'none of the included words' };
  }
  const missing = filter.topicWords.find((w) => !vocabulary.has(w));
  if (missing) return { pass: false, reason: `not about the topic (no "${missing}")` };
  return { pass: true };
}
