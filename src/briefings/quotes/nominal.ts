// Cues that are not a reporting verb next to its subject: the words named as a noun ("her remark
// that “…”"), a statement issued, or "as X put it". A name in the possessive right before a quote
// ("Springsteen’s “American Skin”", "Clinton’s “work-related” emails") is not one: titles and others' terms.
import { isCapitalised, isPossessive, stripPossessive, type Token } from '../text/names';
import type { Cue } from './attribution';
import { phraseBefore, type SpeakerPhrase } from './phrases';

/** Nouns for what someone said or wrote. */
const SAID_NOUNS = new Set(
  'remark remarks comment comments statement words claim claims assertion warning tweet promise pledge vow message broadside speech email letter memo language response reply answer op-ed'.split(
    ' ',
  ),
);
const OWNER_PRONOUNS: Partial<Record<string, string>> = { his: 'he', her: 'she', its: 'it', their: 'they' };
/** Short words allowed between the noun and the quote ("broadside against “…”", "remark that “…”"). */
const LINKS = /^(that|:|,|against)$/i;

const cue = (phrase: SpeakerPhrase, at: number): Cue => ({ phrase, direct: false, mainSubject: false, at });

/** The owner a possessive names: "her" → she, "Trump’s" → Trump (the phrase read back from it). */
function possessor(tokens: readonly Token[], owner: number): Cue | null {
  const word = tokens[owner]?.text ?? '';
  const pronoun = OWNER_PRONOUNS[word.toLowerCase()];
  if (pronoun) return cue({ kind: 'pronoun', word: pronoun }, owner);
  if (!isPossessive(word) || !isCapitalised(word)) return null;
  const r = phraseBefore(tokens, owner + 1);
  if (!r || r.phrase.kind !== 'name') return null;
  const words = r.phrase.words.map((w, i, all) => (i === all.length - 1 ? stripPossessive(w) : w));
  return cue({ kind: 'name', words, appositive: null }, r.from);
}

/** "her remark that “…”", "Clinton’s broadside against “…”", "Trump’s latest comments: “…”". */
function ownedWords(tokens: readonly Token[], q: number): Cue | null {
  let k = q - 1;
  while (k > 0 && q - k <= 2 && LINKS.test(tokens[k].text)) k--;
  if (k < 1 || k === q - 1 || !SAID_NOUNS.has(tokens[k].text)) return null;
  // One or two modifiers may come between owner and noun ("her now-infamous remark").
  let owner = k - 1;
  while (owner > 0 && k - owner <= 2 && /^[a-z-]+$/.test(tokens[owner].text) && !OWNER_PRONOUNS[tokens[owner].text]) owner--;
  return possessor(tokens, owner);
}

/** "Trump issued a statement: “…”", "the ministry released a statement saying “…”" (the verb read elsewhere). */
function issuedStatement(tokens: readonly Token[], q: number): Cue | null {
  let k = q - 1;
  while (k > 0 && /^[,:]$/.test(tokens[k].text)) k--;
  if (k < 2 || k === q - 1 || tokens[k].text !== 'statement' || !/^(a|an)$/.test(tokens[k - 1].text)) return null;
  if (!/^(issued|released|sent|put|posted)$/.test(tokens[k - 2]?.text ?? '')) return null;
  const r = phraseBefore(tokens, k - 2);
  return r ? cue(r.phrase, r.from) : null;
}

/** "As Vulture put it, “…”", "as he puts it: “…”". */
function asXPutsIt(tokens: readonly Token[], q: number): Cue | null {
  let k = q - 1;
  while (k > 0 && /^[,:]$/.test(tokens[k].text)) k--;
  if (k < 3 || tokens[k].text !== 'it' || !/^puts?$/.test(tokens[k - 1].text)) return null;
  const r = phraseBefore(tokens, k - 1);
  return r && /^as$/i.test(tokens[r.from - 1]?.text ?? '') ? cue(r.phrase, r.from) : null;
}

/** A cue of one of these kinds right before the quote token at index `q`, or null. */
export function nominalCue(tokens: readonly Token[], q: number): Cue | null {
  return ownedWords(tokens, q) ?? issuedStatement(tokens, q) ?? asXPutsIt(tokens, q);
}
