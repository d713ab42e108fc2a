// The subject of a sentence's main clause, read from its start ("In his post, Zelensky …"), and the he/she a
// sentence is about when no subject is read: who a quote with no cue of its own, or the next "he said", belongs to.
import { isCapitalised, type Token } from '../text/names';
import { AUXILIARIES } from './lexicon';
import { isReportingVerb, phraseAfter, type SpeakerPhrase } from './phrases';

/** Placeholder token standing for a quoted span inside a sentence's token list. */
export const QUOTE_TOKEN = '\u00a7';

const LEADING_ADVERBIAL = new Set(
  'in on at after before during still however meanwhile but and yet asked speaking apart earlier later last despite since while when although though even for with without under over like unlike as also then now instead separately elsewhere again already once'.split(
    ' ',
  ),
);

const lc = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/**
 * The subject phrase that opens a sentence's main clause, after any leading adverbial ("In his
 * post, Zelensky …", "Speaking in Salem, New Hampshire, Trump went …"): the first phrase, at the
 * start or after a comma, that a verb-like word follows.
 */
export function sentenceSubject(tokens: readonly Token[], end = tokens.length): SpeakerPhrase | null {
  // Leading quotes and marks are skipped, but only so far: a "sentence" of bare quotes has no subject.
  let i = 0;
  while (i < end && i < 40 && (tokens[i].text === QUOTE_TOKEN || /^[^\p{L}\p{N}]$/u.test(tokens[i].text))) i++;
  const starts = [i];
  for (let k = i; k < end && k - i < 30; k++) {
    // "Washington (AFP) – Democrat Hillary Clinton has …": a dash early on ends a dateline.
    if (tokens[k].text === ',' || tokens[k].text === QUOTE_TOKEN || (k - i < 8 && /^[\u2014\u2013]$/.test(tokens[k].text))) starts.push(k + 1);
  }
  // "Horrified at the prospect …, Ramos believes": a participle opening the sentence is no subject.
  const leadingAdverbial =
    LEADING_ADVERBIAL.has(lc(tokenAt(tokens, end, i))) ||
    (/^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(tokenAt(tokens, end, i)?.text ?? '') &&
      /^(at|by|in|on|with|from|to|after|about|over)$/.test(lc(tokenAt(tokens, end, i + 1))));
  // "But Guardian, the first Republican mayor …, stopped short", "And he’s predicting": a conjunction before the subject.
  const afterConjunction = tokenAt(tokens, end, i + 1)?.text ?? '';
  if (/^(but|and|yet|so)$/.test(lc(tokenAt(tokens, end, i))) && (isCapitalised(afterConjunction) || PERSONAL.test(afterConjunction))) {
    starts.splice(1, 0, i + 1);
  }
  for (const [n, s] of starts.entries()) {
    if (n === 0 && leadingAdverbial) continue;
    const r = phraseAfter(tokens, s, end);
    if (!r || (n === 0 && starts.length > 1 && openingParticiple(r.phrase, tokenAt(tokens, end, r.to)))) continue;
    let to = r.to;
    if (tokenAt(tokens, end, to)?.text === '(') {
      // A bracket is a short aside ("(R-Texas)"); a longer one is not skipped.
      const limit = Math.min(end, to + 40);
      while (to < limit && tokens[to].text !== ')') to++;
      to++;
    }
    const next = tokenAt(tokens, end, to);
    if (next && /^[a-z]/.test(next.text) && !(TIME_AFTER.has(next.text) && tokenAt(tokens, end, to + 1)?.text === ',')) return r.phrase;
    // "Khan, who is Muslim, also decried …"; "But Guardian, the first Republican mayor …, stopped short"
    const opening = n === 0 || (n === 1 && s === i + 1);
    if (next?.text === ',' && r.phrase.kind === 'name' && (opening || /^(who|whose)$/i.test(tokenAt(tokens, end, to + 1)?.text ?? '')))
      return r.phrase;
    // "Kagan — who was a leading architect … — supports": a name, then an aside between two dashes (not a dateline's one dash).
    if (n === 0 && r.phrase.kind === 'name' && to === r.to && pairedDash(tokens, to, end)) return r.phrase;
  }
  return null;
}

/** "Flying home one night, she vented …": a capitalised -ing word opening the sentence, no speech verb after it, is a participle. */
const openingParticiple = (phrase: SpeakerPhrase, next: Token | undefined): boolean =>
  phrase.kind === 'name' &&
  phrase.words.length === 1 &&
  /^\p{Lu}\p{Ll}+ing$/u.test(phrase.words[0]) &&
  !!next &&
  /^[a-z]+$/.test(next.text) &&
  !isReportingVerb(next) &&
  !AUXILIARIES.has(next.text);

/** The token at `k` when it comes before `end` (a module function: sentenceSubject runs for every sentence). */
function tokenAt(tokens: readonly Token[], end: number, k: number): Token | undefined {
  return k < end ? tokens[k] : undefined;
}

/** "he", "she", "he’s", "she'd": a personal pronoun that can open a clause. */
const PERSONAL = /^(he|she)(?:[’'](?:s|d|ll))?$/i;

/** Time words that head an adverbial, never a speaker ("A few days ago", "Two weeks later"). */
const TIME_HEAD = /^(ago|later|earlier|days?|weeks?|months?|years?|hours?|minutes?|times?|nights?|mornings?|evenings?)$/i;

/** "A few days ago in an interview …": a subject found that is only a time. */
export const isTimePhrase = (phrase: SpeakerPhrase): boolean =>
  phrase.kind === 'description' && TIME_HEAD.test(phrase.words[phrase.words.length - 1] ?? '');

/**
 * The first "he" or "she" before `end` that a verb follows ("… in an interview with RT he blasted …"): for a
 * sentence whose subject the other readings miss. Quoted words are one token, so a pronoun inside a quote is skipped.
 */
export function pronounSubjectBefore(tokens: readonly Token[], end: number): SpeakerPhrase | null {
  for (let k = 0; k < end - 1 && k < 60; k++) {
    const w = lc(tokens[k]);
    if ((w === 'he' || w === 'she') && /^[a-z]+$/.test(tokens[k + 1].text) && !STOP_AFTER_PRONOUN.has(tokens[k + 1].text)) {
      return { kind: 'pronoun', word: w };
    }
  }
  return null;
}

/** Words after "he"/"she" that do not make it a subject of a verb ("as he and his wife"). */
const STOP_AFTER_PRONOUN = new Set(['and', 'or', 'who', 'that']);

/** A dash at `at` with another of the same kind later in the sentence. */
function pairedDash(tokens: readonly Token[], at: number, end: number): boolean {
  const dash = tokenAt(tokens, end, at)?.text ?? '';
  if (!/^[\u2014\u2013]$/.test(dash)) return false;
  for (let k = at + 1; k < end && k - at < 40; k++) if (tokens[k].text === dash) return true;
  return false;
}

const TIME_AFTER = new Set(['later', 'earlier', 'ago', 'after', 'before', 'of', 'and', 'or']);
