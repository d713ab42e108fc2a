// Reads the speaker phrase that follows a reporting verb ("said Treasury spokesman John Smith",
// "said a spokeswoman for the Health Ministry").
import { isCapitalised, type Token } from '../text/names';
import { DETERMINERS } from '../text/name-lexicon';
import { AUXILIARIES, REPORTING_PARTICIPLES, REPORTING_VERBS, SPEAKS_FOR } from './lexicon';
import { DAYS, STOP, classify, isHeadNoun, isNameLike, isPhraseWord, isPunct, lc, pronounOf, type SpeakerPhrase } from './phrase-words';

/** "said a spokeswoman for the Health Ministry": the owner read after the role (one level only). */
function spokespersonAfter(tokens: readonly Token[], words: string[], i: number, end: number): { phrase: SpeakerPhrase; to: number } | null {
  if (!SPEAKS_FOR.has((words[words.length - 1] ?? '').toLowerCase()) || !/^(for|of|at)$/.test(lc(tokens[i])) || i + 1 >= end) return null;
  let k = i + 1;
  const owner: string[] = [];
  if (DETERMINERS.has(lc(tokens[k])) && lc(tokens[k]) !== 'that') owner.push(tokens[k++].text);
  while (
    k < end &&
    owner.length < 10 &&
    (isNameLike(tokens[k].text) || (/^(of|for)$/.test(lc(tokens[k])) && isNameLike(tokens[k + 1]?.text ?? '')) || isPhraseWord(tokens[k].text))
  )
    owner.push(tokens[k++].text);
  if (!owner.some((w) => isCapitalised(w) || isHeadNoun(w))) return null;
  return { phrase: { kind: 'description', words, qualifier: [tokens[i].text, ...owner].join(' ') }, to: k };
}

/** A speaker phrase that starts at `start` ("said Treasury spokesman John Smith, who …"). */
export function phraseAfter(tokens: readonly Token[], start: number, end = tokens.length): { phrase: SpeakerPhrase; to: number } | null {
  let i = start;
  // "said 43-year-old teacher Ann Lee", "said 9/11 widow Terry Strada": an age or a date before the role.
  while (i < end && i - start < 4 && /^(?:\d[\p{L}\d-]*|\/)$/u.test(tokens[i].text)) i++;
  // The role word after it is kept even when no list knows it ("widow"), if a name follows.
  const dated = i > start && /^[a-z]+$/.test(tokens[i]?.text ?? '') && i + 1 < end && isNameLike(tokens[i + 1].text);
  if (i > start && !dated && !isNameLike(tokens[i]?.text ?? '') && !isPhraseWord(tokens[i]?.text ?? '')) i = start;
  if (i >= end) return null;
  const pronoun = pronounOf(tokens[i]);
  if (pronoun) return { phrase: { kind: 'pronoun', word: pronoun }, to: i + 1 };
  const words: string[] = dated ? [tokens[i++].text] : [];
  let sawDeterminer = false;
  for (; i < end && words.length < 12; i++) {
    const w = tokens[i].text;
    const l = w.toLowerCase();
    if (isPunct(tokens[i])) break;
    if (words.length === 0 && DETERMINERS.has(l)) {
      words.push(w);
      sawDeterminer = true;
      continue;
    }
    if (isNameLike(w)) {
      words.push(w);
      continue;
    }
    if (l === 'of' && words.length && i + 1 < end && isCapitalised(tokens[i + 1].text)) {
      words.push(w);
      continue;
    }
    // "said a resident named Caroline": the name after "named" is the speaker, the description their role.
    if (
      /^(named|called)$/.test(l) &&
      sawDeterminer &&
      words.length > 1 &&
      isNameLike(tokens[i + 1]?.text ?? '') &&
      isCapitalised(tokens[i + 1].text)
    ) {
      words.shift();
      sawDeterminer = false;
      continue;
    }
    if (STOP.has(l) || AUXILIARIES.has(l) || REPORTING_VERBS.has(l) || REPORTING_PARTICIPLES.has(l) || DAYS.test(l)) break;
    if (isCapitalised(w)) break;
    // "the group seeks", "the senator sought": after a head noun, a word that is no role word is the verb.
    const afterHead = words.length > 1 && isHeadNoun(words[words.length - 1]);
    if (isPhraseWord(w) || (sawDeterminer && !afterHead && !/(?:ed|ing)$/.test(l))) {
      words.push(w);
      continue;
    }
    // "Blaze co-host Stu Burguiere": a compound role word between names.
    if (/^[a-z]+-[a-z-]+$/.test(w) && words.length && i + 1 < end && isNameLike(tokens[i + 1].text)) {
      words.push(w);
      continue;
    }
    break;
  }
  while (words.length && !isCapitalised(words[words.length - 1]) && !isPhraseWord(words[words.length - 1]) && !sawDeterminer) words.pop();
  if (words.length === 0 || (words.length === 1 && DETERMINERS.has(words[0].toLowerCase()))) return null;
  return spokespersonAfter(tokens, words, i, end) ?? { phrase: classify(words), to: i };
}
