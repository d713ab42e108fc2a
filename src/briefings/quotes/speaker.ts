// The speaker a quote's own cue names: read the cue after the quote or before it in the sentence,
// or in the paragraph before when that paragraph ends with a colon ("Cruz continued:").
import { cueAfter, cueBefore, LOOK_BACK, QUOTE_TOKEN, reportedSubject, sentenceSubject, type Cue } from './attribution';
import type { Discourse } from './discourse';
import { personGender } from './given-names';
import { phraseBefore } from './phrases';
import type { QuoteSpan } from './marks';
import type { QuoteContext } from './quote-context';
import type { Entity } from './registry';
import { resolve, resolveWithRole, type Resolved } from './resolve';
import { lastSentenceTokens } from './sentence-context';

export interface CuedSpeaker {
  cue: Cue | null;
  entity: Entity | null;
  role: string | null;
  /** The role is what the cue calls the speaker ("the Florida senator"), not the one they were introduced with. */
  described?: boolean;
}

const NOBODY = { entity: null, role: null };

/** The cue right after the quote, else the nearest before it in the same sentence. */
function cueOf({ tokens, q, quoteText }: QuoteContext): Cue | null {
  if (q < 0) return null;
  return cueAfter(tokens, q + 1, quoteText) ?? cueBefore(tokens, q);
}

/** The speaker the cue names; a cue without a phrase hands the quote to the sentence's speaker. */
function speakerOfCue(cue: Cue, { tokens, q }: QuoteContext, d: Discourse): Resolved {
  // "“…,” said Rep. Bobby Scott, adding that “…”": the sentence's speaker goes on.
  if (cue.mainSubject && d.sentenceSpeaker) return { entity: d.sentenceSpeaker, role: d.sentenceSpeaker.role };
  if (!cue.phrase) return NOBODY;
  const r = resolveWithRole(cue.phrase, d.registry, d.play);
  // "Clinton says she appreciated … what she calls a “war …”": the pronoun is the reporter's subject.
  if (cue.phrase.kind === 'pronoun' && cue.at !== undefined && cue.at > 0) {
    const outer = reportedSubject(tokens, cue.at, Math.max(0, cue.at - LOOK_BACK));
    const e = outer && outer.kind === 'name' ? resolve(outer, d.registry, d.play) : null;
    if (e && e.kind !== 'organisation') return { entity: e, role: e.role };
  }
  // "Ban Ki-moon condemned what he called a “brazen breach”", "Sen. Claire McCaskill scolded him: “…,” she
  // said": he or she is the named subject of the sentence the quote is in, when the gender fits.
  const at = cue.at ?? q;
  if (cue.phrase.kind === 'pronoun' && /^(he|she)$/.test(cue.phrase.word) && at > 0) {
    const own = subjectOfGender(tokens, at, cue.phrase.word === 'he' ? 'm' : 'f', d);
    if (own) return { entity: own, role: own.role };
  }
  // "The group seeks … what it calls “…”": "it" or "they" is the organisation the sentence is about.
  if (cue.phrase.kind === 'pronoun' && /^(it|they)$/.test(cue.phrase.word) && cue.at !== undefined && cue.at > 0) {
    const subject = sentenceSubject(tokens, cue.at);
    const e = subject && subject.kind !== 'pronoun' ? resolve(subject, d.registry, d.play) : null;
    if (e?.kind === 'organisation') return { entity: e, role: null };
  }
  return r;
}

/** The named person who is the subject of the sentence before token `end`, if their gender is `want` or unknown. */
function subjectOfGender(tokens: QuoteContext['tokens'], end: number, want: 'm' | 'f', d: Discourse): Entity | null {
  const subject = sentenceSubject(tokens, end);
  const e = subject && subject.kind === 'name' ? resolve(subject, d.registry, d.play) : null;
  return e && e.kind === 'person' && (personGender(e) === null || e.gender === want) ? e : null;
}

/** "Cruz continued:" ending the paragraph before introduces a quote that opens this one. */
function cueOfPreviousParagraph(previous: string, previousSpans: readonly QuoteSpan[]): Cue | null {
  const tokens = lastSentenceTokens(previous, previousSpans);
  tokens.push({ text: QUOTE_TOKEN, start: previous.length, end: previous.length });
  const cue = cueBefore(tokens, tokens.length - 1);
  if (cue) return cue;
  // "17-year-old Jared Potts echoed:": any past-tense verb right before the colon introduces the quote.
  const v = tokens.length - 3;
  if (v > 0 && tokens[v + 1].text === ':' && /^[a-z]+ed$/.test(tokens[v].text)) {
    const r = phraseBefore(tokens, v);
    if (r && r.phrase.kind === 'name') return { phrase: r.phrase, direct: true, mainSubject: false };
  }
  const subject = sentenceSubject(tokens);
  return subject ? { phrase: subject, direct: false, mainSubject: true } : null;
}

/** The quote's cue and the speaker it names (entity null when the cue names nobody known). */
export function cuedSpeaker(quote: QuoteContext, d: Discourse, previous: string, previousSpans: readonly QuoteSpan[]): CuedSpeaker {
  const cue = cueOf(quote);
  if (cue) return { cue, ...speakerOfCue(cue, quote, d) };
  if (quote.q < 0 || !quote.opensParagraph || !quote.introducedByColon) return { cue: null, ...NOBODY };
  const introduced = cueOfPreviousParagraph(previous, previousSpans);
  if (!introduced?.phrase) return { cue: introduced, ...NOBODY };
  return { cue: introduced, ...resolveWithRole(introduced.phrase, d.registry, d.play) };
}
