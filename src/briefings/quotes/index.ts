// Direct quotations and who said them. One pass over the article in order: quote marks are
// paired, each quote's cue and speaker phrase are read from its sentence, and the phrase is
// resolved against the people the article names (pronouns go to the speaker in play).
import type { Person, Quote } from '../types';
import { tokenize } from '../text/names';
import { cueAfter, cueBefore, cueLater, LOOK_BACK, QUOTE_TOKEN, reportedSubject, sentenceSubject, type Cue } from './attribution';
import { findQuoteSpans, type QuoteSpan } from './marks';
import { Registry, type Entity } from './registry';
import { resolve, resolveWithRole, type Play } from './resolve';
import { lastSentenceTokens, maskedTokens, sentenceRanges, wholeParagraphQuote } from './sentence-context';

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
  statement: boolean;
  partial: boolean;
  attributed: boolean;
}

const MAX_PARAGRAPH = 200_000;
/** Verbs that label rather than quote: "called Trump “a total stiff”" quotes a name for someone. */
const LABEL_VERBS = new Set(['called', 'calls', 'described', 'describes', 'dubbed', 'labeled', 'labelled', 'branded']);

/**
 * Limits on the work spent attributing one article. Every stage is linear in the text, but a
 * hostile file can hold tens of thousands of quotes: past these limits quotes are still found,
 * with their speaker left unknown, and the analysis says it is incomplete.
 */
export interface QuoteBudget {
  /** Quotes attributed per article (PolNeAR articles hold at most a few dozen). */
  maxAttributed: number;
  /** Wall-clock milliseconds spent attributing one article. */
  maxMs: number;
}
export const DEFAULT_QUOTE_BUDGET: QuoteBudget = { maxAttributed: 5_000, maxMs: 2_000 };

class Spend {
  private used = 0;
  private readonly deadline: number;
  exhausted = false;
  constructor(private readonly limits: QuoteBudget) {
    this.deadline = performance.now() + limits.maxMs;
  }
  /** Counts one quote; true once the budget is gone. */
  spent(): boolean {
    if (this.exhausted) return true;
    this.used++;
    if (this.used > this.limits.maxAttributed || ((this.used & 63) === 0 && performance.now() > this.deadline)) this.exhausted = true;
    return this.exhausted;
  }
}

export interface QuoteAnalysis {
  quotations: Quotation[];
  /** False when the budget ran out and later quotes were left without a speaker. */
  complete: boolean;
}

/** Every quoted span, statements and terms alike, with its speaker. */
export function findQuotations(input: ArticleText): Quotation[] {
  return analyseQuotations(input).quotations;
}

/** Like findQuotations, and says whether every quote was attributed within the budget. */
export function analyseQuotations(input: ArticleText, limits: QuoteBudget = DEFAULT_QUOTE_BUDGET): QuoteAnalysis {
  const budget = new Spend(limits);
  const paragraphs = (input.paragraphs ?? []).map((p) => (typeof p === 'string' ? p.slice(0, MAX_PARAGRAPH) : ''));
  const context = [input.title ?? '', input.standfirst ?? ''].filter((t) => typeof t === 'string' && t);
  const paragraphTokens = paragraphs.map((p) => tokenize(p));
  const registry = new Registry([...context, ...paragraphs], context.length, [...context.map((c) => tokenize(c)), ...paragraphTokens]);
  const spans = findQuoteSpans(paragraphs);
  const byParagraph = new Map<number, QuoteSpan[]>();
  for (const s of spans) {
    const list = byParagraph.get(s.paragraph);
    if (list) list.push(s);
    else byParagraph.set(s.paragraph, [s]);
  }

  const state: Play = { lastSpeaker: null, lastPerson: null, prevSubject: null };
  const work: Working[] = [];
  let lastQuoteParagraph = -2;
  let lastQuoteEntity: Entity | null = null;

  paragraphs.forEach((text, p) => {
    const pSpans = byParagraph.get(p) ?? [];
    let paragraphEntity: Entity | null = null;
    const pTokens = paragraphTokens[p];
    let cursor = 0;
    let spanCursor = 0;
    const firstWord = firstNonSpace(text, 0);
    const previousEndsInColon = p > 0 && /:\s*$/.test(paragraphs[p - 1].slice(-64));
    for (const [sStart, sEnd] of sentenceRanges(text, pSpans)) {
      while (spanCursor < pSpans.length && pSpans[spanCursor].open < sStart) spanCursor++;
      let spanStop = spanCursor;
      while (spanStop < pSpans.length && pSpans[spanStop].open < sEnd) spanStop++;
      const inSentence = pSpans.slice(spanCursor, spanStop);
      while (cursor < pTokens.length && pTokens[cursor].start < sStart) cursor++;
      let stop = cursor;
      while (stop < pTokens.length && pTokens[stop].start < sEnd) stop++;
      const tokens = maskedTokens(pTokens.slice(cursor, stop), inSentence, text.length);
      if (inSentence.length === 0) {
        const reported = reportedSubject(tokens);
        const entity = reported ? resolve(reported, registry, state) : null;
        if (entity) {
          state.lastSpeaker = entity;
          if (entity.kind !== 'organisation') state.lastPerson = entity;
          state.prevSubject = entity;
        } else {
          const subject = sentenceSubject(tokens);
          const e = subject && subject.kind === 'name' ? resolve(subject, registry, state) : null;
          state.prevSubject = e && e.kind !== 'unknown' ? e : null;
        }
        continue;
      }
      let sentenceEntity: Entity | null = null;
      const quoteTokenIndex = tokens.map((t, k) => (t.text === QUOTE_TOKEN ? k : -1)).filter((k) => k >= 0);
      const firstWordToken = tokens.findIndex((t) => t.text !== QUOTE_TOKEN && /[\p{L}\p{N}]/u.test(t.text));
      inSentence.forEach((span, qi) => {
        if (budget.spent()) {
          // Over budget: the quote is kept, its speaker left unknown, and the caller is told.
          work.push(unattributed(span, text));
          return;
        }
        const q = quoteTokenIndex[qi] ?? -1;
        const raw = text.slice(span.start, span.end);
        const quoteText = raw.trim();
        let cue: Cue | null = q >= 0 ? cueAfter(tokens, q + 1, quoteText) : null;
        if (!cue && q >= 0) cue = cueBefore(tokens, q);
        let entity: Entity | null = null;
        let role: string | null = null;
        if (cue && cue.mainSubject && sentenceEntity) {
          // "“…,” said Rep. Bobby Scott, adding that “…”": the sentence's speaker goes on.
          entity = sentenceEntity;
          role = sentenceEntity.role;
        } else if (cue && cue.phrase) {
          const r = resolveWithRole(cue.phrase, registry, state);
          entity = r.entity;
          role = r.role;
          // "Clinton says she appreciated … what she calls a “war …”": the pronoun is the reporter's subject.
          if (cue.phrase.kind === 'pronoun' && cue.at !== undefined && cue.at > 0) {
            const outer = reportedSubject(tokens, cue.at, Math.max(0, cue.at - LOOK_BACK));
            const e = outer && outer.kind === 'name' ? resolve(outer, registry, state) : null;
            if (e && e.kind !== 'organisation') {
              entity = e;
              role = e.role;
            }
          }
        }
        const opensParagraph = !span.continued && span.open <= firstWord;
        if (!cue && q >= 0 && opensParagraph && previousEndsInColon) {
          // "Cruz continued:" ending the paragraph before introduces this one.
          const prev = lastSentenceTokens(paragraphs[p - 1], byParagraph.get(p - 1) ?? []);
          prev.push({ text: QUOTE_TOKEN, start: paragraphs[p - 1].length, end: paragraphs[p - 1].length });
          cue = cueBefore(prev, prev.length - 1);
          if (!cue) {
            const subject = sentenceSubject(prev);
            if (subject) cue = { phrase: subject, direct: false, mainSubject: true };
          }
          if (cue && cue.phrase) {
            const r = resolveWithRole(cue.phrase, registry, state);
            entity = r.entity;
            role = r.role;
          }
        }
        const attributed = !!cue;
        if (!cue) {
          // No cue of its own: the quote before it in the sentence or paragraph speaks on, and a
          // bare quote paragraph right after a quote belongs to the same speaker.
          const opensSentence = firstWordToken > q || q === 0;
          const later = q >= 0 ? cueLater(tokens, q) : null;
          const laterEntity = later?.phrase ? resolve(later.phrase, registry, state) : null;
          if (laterEntity) entity = laterEntity;
          else if (sentenceEntity) entity = sentenceEntity;
          else if (paragraphEntity && opensSentence) entity = paragraphEntity;
          else if (opensParagraph && lastQuoteParagraph === p - 1) entity = lastQuoteEntity;
          else if (opensParagraph && wholeParagraphQuote(text, span) && state.prevSubject?.kind === 'person') entity = state.prevSubject;
          else if (opensSentence && !opensParagraph && q === tokens.length - 1 && state.prevSubject?.kind === 'person') {
            // "Clinton touted her credentials. “We need to find ways …”"
            entity = state.prevSubject;
          }
          else if (!opensSentence && q >= 0) {
            // A quoted phrase in a sentence about someone ("Clinton decried “systemic racism”").
            const subject = sentenceSubject(tokens, q);
            if (subject && (subject.kind === 'name' || subject.kind === 'pronoun')) {
              const e = resolve(subject, registry, state);
              if (e && e.kind !== 'organisation') entity = e;
            }
          }
        }
        if (entity) {
          sentenceEntity = entity;
          paragraphEntity = entity;
          state.lastSpeaker = entity;
          if (entity.kind !== 'organisation') state.lastPerson = entity;
        }
        const words = quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
        const capitals = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
        const titleCase = capitals >= 2 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
        const wholeParagraph = wholeParagraphQuote(text, span);
        const statement =
          (cue?.direct ?? false) ||
          span.continued ||
          span.continues ||
          wholeParagraph ||
          (words.length >= 4 && !titleCase) ||
          // A phrase of two or more words that the sentence attributes to a known speaker.
          (words.length >= 2 && !titleCase && !!entity && attributed && !LABEL_VERBS.has(cue?.verb ?? '')) ||
          /[.!?]\s+\p{Lu}/u.test(quoteText);
        const firstLetter = /\p{L}/u.exec(quoteText)?.[0] ?? '';
        const after = firstNonSpace(text, span.close < 0 ? span.end : span.close + 1);
        const partial =
          firstLetter !== '' && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase()
            ? true
            : after < sEnd && /[a-z]/.test(text[after]) && !attributed;
        work.push({ span, text: quoteText, entity, role, statement, partial, attributed });
      });
      if (sentenceEntity) state.prevSubject = sentenceEntity;
      else {
        const subject = sentenceSubject(tokens);
        const e = subject && subject.kind === 'name' ? resolve(subject, registry, state) : null;
        state.prevSubject = e && e.kind !== 'unknown' ? e : null;
      }
    }
    if (pSpans.length) {
      lastQuoteParagraph = p;
      const last = work.length && work[work.length - 1].span.paragraph === p ? work[work.length - 1] : null;
      lastQuoteEntity = last?.entity ?? paragraphEntity;
    }
  });

  backfillFromNextQuote(work, paragraphs);
  return { quotations: mergeContinuations(work), complete: !budget.exhausted };
}

/** Index of the first non-space character at or after `from` (text length when none). */
function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** A quote found after the attribution budget ran out: kept, speaker unknown. */
function unattributed(span: QuoteSpan, text: string): Working {
  const quoteText = text.slice(span.start, span.end).trim();
  return { span, text: quoteText, entity: null, role: null, statement: span.continued || span.continues || quoteText.split(/\s+/).length >= 4, partial: false, attributed: false };
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
      text: chain.map((w) => w.text).join(' ').replace(/[,\s]+$/, ''),
      speaker: entity ? entity.name : null,
      role: meaningfulRole(entity?.role ?? speakerPart?.role ?? chain[0].role),
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
