// The words of a speaker phrase: what may stand inside one, what ends one, and what kind of phrase
// the words read make (a pronoun, a name with its role, or a description). Shared by the readers
// that go back from a reporting verb (phrases.ts) and forward from it (phrase-after.ts).
import { isCapitalised, isOfficeWord, isOrganisationWord, stripPossessive, type Token } from '../text/names';
import { DETERMINERS, NOT_NAMES, ROLE_MODIFIERS } from '../text/name-lexicon';
import { KIN_HEADS, ORG_HEADS, PRONOUNS, REPORTING_PARTICIPLES, REPORTING_VERBS, WRITING_HEADS } from './lexicon';

export type SpeakerPhrase =
  | { kind: 'pronoun'; word: string }
  | { kind: 'name'; words: string[]; appositive: string | null }
  | { kind: 'description'; words: string[]; qualifier?: string };

/** Words that end a noun phrase when reading it. */
export const STOP = new Set(
  `
  in on at to for with by from that which who whom whose and but or nor as than if when while
  after before because since though although where whether not no so about into over under
  against between through during without within upon via per like told is was are were be been
  being has have had do does did will would can could should may might must shall
`
    .trim()
    .split(/\s+/),
);

export const DAYS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|week|month|year|night|morning|afternoon|evening)$/i;

export const lc = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
export const isPunct = (t: Token): boolean => !/[\p{L}\p{N}]/u.test(t.text);

/** Lower-case words allowed inside a speaker phrase without a determiner to vouch for them. */
const phraseWordCache = new Map<string, boolean>();
export function isPhraseWord(w: string): boolean {
  let v = phraseWordCache.get(w);
  if (v === undefined) {
    const l = stripPossessive(w).toLowerCase();
    // Ordinals belong to ranks ("Air Force 1st Lt. Tyler Livingston").
    v =
      ROLE_MODIFIERS.has(l) ||
      isOfficeWord(w) ||
      ORG_HEADS.has(l) ||
      KIN_HEADS.has(l) ||
      /-(?:run|backed|based|in-law|elect|owned)$/.test(l) ||
      /^\d+(?:st|nd|rd|th)$/.test(l);
    if (phraseWordCache.size > 20_000) phraseWordCache.clear();
    phraseWordCache.set(w, v);
  }
  return v;
}

/** A noun that heads a speaker phrase: an office, an institution or a writing ("senator", "group", "email"). */
export const isHeadNoun = (w: string): boolean =>
  !isCapitalised(w) && (isOfficeWord(w) || ORG_HEADS.has(w.toLowerCase()) || WRITING_HEADS.has(w.toLowerCase()));

/** The pronoun a token is, contractions included ("He’s predicting", "she'd"), else null. */
export function pronounOf(t: Token | undefined): string | null {
  const l = lc(t).replace(/[’'](?:s|d|ll|re|ve)$/, '');
  return PRONOUNS.has(l) ? l : null;
}

export const isNameLike = (w: string): boolean => isCapitalised(w) && !NOT_NAMES.has(stripPossessive(w).toLowerCase()) && /\p{L}/u.test(w);

export function classify(words: string[]): SpeakerPhrase {
  // "Elijah Cummings of Maryland", "Mr. Morgan of the Sierra Club": the person, with the rest as role.
  const of = words.indexOf('of');
  if (of > 0) {
    const head = words.slice(0, of).filter((w) => !DETERMINERS.has(w.toLowerCase()));
    const last = head[head.length - 1] ?? '';
    if (head.length && isNameLike(last) && !isOfficeWord(last) && !head.some((w) => isOrganisationWord(w))) {
      return { kind: 'name', words: words.slice(0, of), appositive: words.slice(of).join(' ') };
    }
  }
  const last = words[words.length - 1];
  if (isCapitalised(last) && !NOT_NAMES.has(last.toLowerCase())) return { kind: 'name', words, appositive: null };
  return { kind: 'description', words };
}

// Capitals first: a capitalised word is never one, and is then not lower-cased at all.
export const isReportingVerb = (t: Token | undefined): boolean => !!t && !isCapitalised(t.text) && REPORTING_VERBS.has(t.text.toLowerCase());
export const isReportingParticiple = (t: Token | undefined): boolean =>
  !!t && !isCapitalised(t.text) && REPORTING_PARTICIPLES.has(t.text.toLowerCase());
