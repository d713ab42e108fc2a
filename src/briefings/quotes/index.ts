// Direct quotations and who said them. One pass over the article in order: quote marks are
// paired, each quote's cue and speaker phrase are read from its sentence, and the phrase is
// resolved against the people the article names (pronouns go to the speaker in play).
import type { Person, Quote } from '../types';
import { tokenize, type Token } from '../text/names';
import { QUOTE_TOKEN } from './attribution';
import { DEFAULT_QUOTE_BUDGET, Spend, type QuoteBudget } from './budget';
import { Discourse } from './discourse';
import { fallbackSpeaker } from './fallbacks';
import { findQuoteSpans, type QuoteSpan } from './marks';
import type { QuoteContext } from './quote-context';
import { Registry, type Entity } from './registry';
import { maskedTokens, sentenceRanges } from './sentence-context';
import { applySignatures } from './signature';
import { cuedSpeaker } from './speaker';
import { firstNonSpace, isPartial, isStatement } from './statement';

export { DEFAULT_QUOTE_BUDGET, type QuoteBudget } from './budget';

export interface ArticleText {
  title: string;
  standfirst: string | null;
  paragraphs: string[];
}

/** A quotation with its character spans, for evaluation and highlighting. */
export interface Quotation {
  /** One span per paragraph the quote runs through (offsets into that paragraph). */
  spans: { paragraph: number; start: number; end: number }[];
  text: string;
  speaker: string | null;
  role: string | null;
  speakerKind: Person['kind'] | null;
  /** False for scare quotes and quoted terms ("break", a Title-Case name): not a statement. */
  statement: boolean;
  partial: boolean;
}

interface Working {
  span: QuoteSpan;
  text: string;
  entity: Entity | null;
  role: string | null;
  /** The role is what the cue called the speaker ("the Florida senator"): shown with this quote. */
  described: boolean;
  statement: boolean;
  partial: boolean;
  attributed: boolean;
}

const MAX_PARAGRAPH = 200_000;

export interface QuoteAnalysis {
  quotations: Quotation[];
  /** False when the budget ran out and later quotes were left without a speaker. */
  complete: boolean;
}

/** Every quoted span, statements and terms alike, with its speaker. */
export function findQuotations(input: ArticleText): Quotation[] {
  return analyseQuotations(input).quotations;
}

/** The article's paragraphs, its quote spans by paragraph, and everyone it names. */
function prepare(input: ArticleText) {
  const paragraphs = (input.paragraphs ?? []).map((p) => (typeof p === 'string' ? p.slice(0, MAX_PARAGRAPH) : ''));
  const context = [input.title ?? '', input.standfirst ?? ''].filter((t) => typeof t === 'string' && t);
  const byParagraph: QuoteSpan[][] = paragraphs.map(() => []);
  const spans = findQuoteSpans(paragraphs);
  for (const s of spans) byParagraph[s.paragraph].push(s);
  // Nothing after the last quote's paragraph can change who said it: reading stops there.
  const lastQuoted = spans.length ? spans[spans.length - 1].paragraph : -1;
  // An article without quotes needs no registry of names at all.
  if (lastQuoted < 0) return { paragraphs: [], all: paragraphs, paragraphTokens: [], registry: null, byParagraph };
  const paragraphTokens = paragraphs.map((p) => tokenize(p));
  const registry = new Registry([...context, ...paragraphs], context.length, [...context.map((c) => tokenize(c)), ...paragraphTokens]);
  return { paragraphs: paragraphs.slice(0, lastQuoted + 1), all: paragraphs, paragraphTokens, registry, byParagraph };
}

/**
 * Like findQuotations, and says whether every quote was attributed within the budget. The
 * article is read in order, sentence by sentence: a sentence without quotes only updates who
 * is in play; each quote gets the speaker its cue names, else the first fallback rule that applies.
 */
export function analyseQuotations(input: ArticleText, limits: QuoteBudget = DEFAULT_QUOTE_BUDGET): QuoteAnalysis {
  const budget = new Spend(limits);
  const { paragraphs, all, paragraphTokens, registry, byParagraph } = prepare(input);
  if (!registry) return { quotations: [], complete: true };
  const discourse = new Discourse(registry);
  const work: Working[] = [];
  paragraphs.forEach((text, p) => {
    const spans = byParagraph[p];
    discourse.startParagraph();
    const introducedByColon = p > 0 && /:\s*$/.test(paragraphs[p - 1].slice(-64));
    const firstWord = firstNonSpace(text, 0);
    for (const sentence of sentencesOf(text, spans, paragraphTokens[p])) {
      if (sentence.spans.length === 0) {
        discourse.readTo(p, sentence.start);
        discourse.readUnquotedSentence(sentence.tokens);
        continue;
      }
      discourse.startSentence();
      const quoteTokens = sentence.tokens.flatMap((t, k) => (t.text === QUOTE_TOKEN ? [k] : []));
      const firstWordToken = sentence.tokens.findIndex((t) => t.text !== QUOTE_TOKEN && /[\p{L}\p{N}]/u.test(t.text));
      sentence.spans.forEach((span, i) => {
        if (budget.spent()) {
          // Over budget: the quote is kept, its speaker left unknown, and the caller is told.
          work.push(unattributed(span, text));
          return;
        }
        const q = quoteTokens[i] ?? -1;
        discourse.readTo(p, span.open);
        const quote: QuoteContext = {
          span,
          text,
          paragraph: p,
          quoteText: text.slice(span.start, span.end).trim(),
          tokens: sentence.tokens,
          q,
          sentenceEnd: sentence.end,
          opensSentence: firstWordToken > q || q === 0,
          opensParagraph: !span.continued && span.open <= firstWord,
          introducedByColon,
        };
        work.push(attribute(quote, discourse, paragraphs[p - 1] ?? '', byParagraph[p - 1] ?? []));
      });
      discourse.endQuotedSentence(sentence.tokens);
    }
    const last = work[work.length - 1];
    discourse.endParagraph(p, spans.length > 0, last && last.span.paragraph === p ? last.entity : null);
  });
  backfillFromNextQuote(work, paragraphs);
  applySignatures(work, all, discourse);
  return { quotations: mergeContinuations(work), complete: !budget.exhausted };
}

/** One quote's speaker (from its cue, else the fallback rules) and what kind of quote it is. */
function attribute(quote: QuoteContext, discourse: Discourse, previous: string, previousSpans: readonly QuoteSpan[]): Working {
  const cued = cuedSpeaker(quote, discourse, previous, previousSpans);
  const attributed = !!cued.cue;
  const fallback = attributed ? null : fallbackSpeaker(quote, discourse);
  const entity = fallback ? fallback.entity : cued.entity;
  if (entity) discourse.quoted(entity);
  return {
    span: quote.span,
    text: quote.quoteText,
    entity,
    role: fallback?.role ?? cued.role,
    described: !!cued.described && entity === cued.entity,
    statement: isStatement(quote, cued.cue, !!entity),
    partial: isPartial(quote, attributed),
    attributed,
  };
}

interface Sentence {
  start: number;
  end: number;
  spans: QuoteSpan[];
  /** The sentence's tokens, each quote masked as one placeholder. */
  tokens: Token[];
}

/** The paragraph's sentences with their quotes; spans and tokens are walked once, in order. */
function* sentencesOf(text: string, spans: QuoteSpan[], tokens: readonly Token[]): Generator<Sentence> {
  let cursor = 0;
  let spanCursor = 0;
  for (const [start, end] of sentenceRanges(text, spans)) {
    while (spanCursor < spans.length && spans[spanCursor].open < start) spanCursor++;
    let spanStop = spanCursor;
    while (spanStop < spans.length && spans[spanStop].open < end) spanStop++;
    const inSentence = spans.slice(spanCursor, spanStop);
    while (cursor < tokens.length && tokens[cursor].start < start) cursor++;
    let stop = cursor;
    while (stop < tokens.length && tokens[stop].start < end) stop++;
    yield { start, end, spans: inSentence, tokens: maskedTokens(tokens.slice(cursor, stop), inSentence, text.length) };
  }
}

/** A quote found after the attribution budget ran out: kept, speaker unknown. */
function unattributed(span: QuoteSpan, text: string): Working {
  const quoteText = text.slice(span.start, span.end).trim();
  return {
    span,
    text: quoteText,
    entity: null,
    role: null,
    described: false,
    statement: span.continued || span.continues || quoteText.split(/\s+/).length >= 4,
    partial: false,
    attributed: false,
  };
}

/** "“A.” “B,” he said." — a quote with no cue takes the speaker of the quote right after it. */
function backfillFromNextQuote(work: Working[], paragraphs: string[]): void {
  for (let i = work.length - 2; i >= 0; i--) {
    const a = work[i];
    const b = work[i + 1];
    if (a.entity || a.attributed || !b.entity || a.span.paragraph !== b.span.paragraph || a.span.close < 0) continue;
    const gap = paragraphs[a.span.paragraph].slice(a.span.close + 1, b.span.open);
    if (gap.trim() === '') a.entity = b.entity;
  }
}

/** Joins the paragraph-by-paragraph pieces of a multi-paragraph quote into one quotation. */
/** A courtesy title alone ("Sir", "Mrs") says nothing about what the person does: not a role. */
const HONORIFIC_ONLY = /^(sir|dame|lord|lady|mr|mrs|ms|mx|miss|dr|prof)\.?$/i;
function meaningfulRole(role: string | null): string | null {
  return role && !HONORIFIC_ONLY.test(role.trim()) ? role : null;
}

function mergeContinuations(work: Working[]): Quotation[] {
  const out: Quotation[] = [];
  let chain: Working[] = [];
  const flush = () => {
    if (!chain.length) return;
    const speakerPart = chain.find((w) => w.entity) ?? null;
    const entity = speakerPart?.entity ?? null;
    out.push({
      spans: chain.map((w) => ({ paragraph: w.span.paragraph, start: w.span.start, end: w.span.end })),
      text: chain
        .map((w) => w.text)
        .join(' ')
        .replace(/[,\s]+$/, ''),
      speaker: entity ? entity.name : null,
      role: meaningfulRole(speakerPart?.described ? speakerPart.role : (entity?.role ?? speakerPart?.role ?? chain[0].role)),
      speakerKind: entity ? (entity.kind === 'organisation' ? 'organisation' : 'person') : null,
      statement: chain.some((w) => w.statement),
      partial: chain[0].partial && chain.length === 1,
    });
    chain = [];
  };
  for (const w of work) {
    if (!(w.span.continued && chain.length && chain[chain.length - 1].span.continues)) flush();
    chain.push(w);
  }
  flush();
  return out;
}

/** The quotations the library shows (statements only) and the people and organisations quoted. */
export function extractQuotes(
  input: ArticleText,
  limits: QuoteBudget = DEFAULT_QUOTE_BUDGET,
): { quotes: Array<Omit<Quote, 'articleId'>>; people: Person[]; complete: boolean } {
  let quotations: Quotation[];
  let complete: boolean;
  try {
    ({ quotations, complete } = analyseQuotations(input, limits));
  } catch {
    // A malformed article must not stop the library; it simply yields no quotes.
    return { quotes: [], people: [], complete: false };
  }
  const quotes: Array<Omit<Quote, 'articleId'>> = [];
  const people = new Map<string, Person>();
  for (const q of quotations) {
    if (!q.statement || !q.text) continue;
    quotes.push({ text: q.text, speaker: q.speaker, role: q.role, paragraph: q.spans[0].paragraph, partial: q.partial });
    if (q.speaker && !people.has(q.speaker)) {
      people.set(q.speaker, { name: q.speaker, role: q.speakerKind === 'organisation' ? null : q.role, kind: q.speakerKind ?? 'person' });
    }
  }
  return { quotes, people: [...people.values()], complete };
}
