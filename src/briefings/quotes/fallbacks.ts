// Who said a quote that has no cue of its own, as an ordered list of rules: the first rule that
// applies decides (even when what it finds is nobody).
import { cueLater, isTimePhrase, pronounSubjectBefore, sentenceSubject } from './attribution';
import type { Discourse } from './discourse';
import { PLACES, REPORTING_PARTICIPLES } from './lexicon';
import type { QuoteContext } from './quote-context';
import type { Entity } from './registry';
import { resolve, resolveWithRole } from './resolve';
import { wholeParagraphQuote } from './sentence-context';

/** A rule's verdict: undefined when it does not apply, else the speaker (null: nobody) and what the sentence calls them. */
type Verdict = { entity: Entity | null; role?: string | null } | undefined;
type FallbackRule = (quote: QuoteContext, discourse: Discourse) => Verdict;

const found = (entity: Entity | null | undefined): Verdict => (entity ? { entity } : undefined);
const isPerson = (e: Entity | null): e is Entity => e?.kind === 'person';

/** "“We’re extremely happy” about the decision, said RoseAnn DeMoro": a cue later in the sentence. */
const cueLaterInSentence: FallbackRule = ({ tokens, q }, d) => {
  const later = q >= 0 ? cueLater(tokens, q) : null;
  return found(later?.phrase ? resolve(later.phrase, d.registry, d.play) : null);
};

/** "“A,” he said, “and B.”": the sentence's speaker goes on. */
const sameSentence: FallbackRule = (_quote, d) => found(d.sentenceSpeaker);

/** A new sentence opening with a quote, in a paragraph whose earlier quote had a speaker. */
const sameParagraph: FallbackRule = ({ opensSentence }, d) => (opensSentence ? found(d.paragraphSpeaker) : undefined);

/** A bare quote paragraph right after a paragraph with a quote: the same speaker. */
const paragraphAfterQuote: FallbackRule = ({ opensParagraph, paragraph }, d) =>
  opensParagraph && d.lastQuoteParagraph === paragraph - 1 ? { entity: d.lastQuoteSpeaker } : undefined;

/** A whole-paragraph quote after a sentence about someone, or about an organisation that issued a statement. */
const wholeParagraphAfterSubject: FallbackRule = ({ opensParagraph, text, span }, d) => {
  const subject = d.play.prevSubject;
  const speaks = subject?.kind === 'person' || (subject?.kind === 'organisation' && d.prevAnnounced);
  return opensParagraph && wholeParagraphQuote(text, span) && speaks ? { entity: subject } : undefined;
};

/** "Clinton touted her credentials. “We need to find ways …”": a quote sentence after one about someone. */
const quoteSentenceAfterSubject: FallbackRule = ({ opensSentence, opensParagraph, q, tokens }, d) =>
  opensSentence && !opensParagraph && q === tokens.length - 1 && isPerson(d.play.prevSubject) ? { entity: d.play.prevSubject } : undefined;

/** A quoted phrase in a sentence about someone ("Clinton decried “systemic racism”"). */
const phraseInSentenceAbout: FallbackRule = ({ opensSentence, q, tokens }, d) => {
  if (opensSentence || q < 0) return undefined;
  const found = sentenceSubject(tokens, q);
  // "A few days ago in an interview with RT he blasted … “…”": a time is no subject; the pronoun after it is.
  // "Then he turned to “little” Marco Rubio": with no subject read, a he/she before the quote that a verb follows.
  const subject = !found || isTimePhrase(found) ? pronounSubjectBefore(tokens, q) : found;
  // "The commission recognized that … “…”", "Organizers called it a “lifeboat”": the description is kept.
  if (subject?.kind === 'description') {
    const r = resolveWithRole(subject, d.registry, d.play);
    return { entity: r.entity, role: r.role };
  }
  if (!subject || (subject.kind !== 'name' && subject.kind !== 'pronoun')) return { entity: null };
  const e = resolve(subject, d.registry, d.play);
  // A country is an organisation that speaks for itself ("Japan branded North Korea an “outlaw nation”").
  return { entity: e && (e.kind !== 'organisation' || PLACES.has(e.name.toLowerCase())) ? e : null };
};

/** "Maher said the report “wasn’t good.” Adding, “…”": a sentence opened by a participle goes on with the speaker in play. */
const openingParticiple: FallbackRule = ({ tokens, q }, d) => {
  const first = tokens[0]?.text.toLowerCase() ?? '';
  return q > 0 && q <= 3 && REPORTING_PARTICIPLES.has(first) && /^[,:]$/.test(tokens[q - 1].text) ? found(d.play.lastSpeaker) : undefined;
};

/** In order: the first rule that applies decides. */
export const FALLBACK_RULES: readonly FallbackRule[] = [
  cueLaterInSentence,
  sameSentence,
  sameParagraph,
  openingParticiple,
  paragraphAfterQuote,
  wholeParagraphAfterSubject,
  quoteSentenceAfterSubject,
  phraseInSentenceAbout,
];

/** The speaker of a quote with no cue (entity null when nobody), and the role the rule read, if any. */
export function fallbackSpeaker(quote: QuoteContext, discourse: Discourse): { entity: Entity | null; role: string | null } {
  for (const rule of FALLBACK_RULES) {
    const verdict = rule(quote, discourse);
    if (verdict) return { entity: verdict.entity, role: verdict.role ?? null };
  }
  return { entity: null, role: null };
}
