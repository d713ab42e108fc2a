// Where a run of capitalised words stops being one name: "Professor Sarah Green of Leeds University" is a person
// and a place, and "Said Dorothy Poynter" is a speech verb opening the sentence before a name.
import { isGivenName } from '../text/gender';
import { isCapitalised, isOfficeWord, type Token } from '../text/names';

/**
 * "Professor Sarah Green of Leeds University", "Sen. Bernie Sanders of Vermont": a given name and surname before "of"
 * are a person, and what follows "of" is where they are from, not more of their name ("Bank of England" has no given name).
 */
export function personThenOf(words: readonly string[], connector: string): boolean {
  const n = words.length;
  return connector === 'of' && n >= 2 && isCapitalised(words[n - 2]) && !isOfficeWord(words[n - 1]) && isGivenName(words[n - 2]);
}

/** Whether token `i` opens a sentence (the first token, or one after a sentence mark or opening quote). */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  return i === 0 || /^[.!?“”"]$/.test(tokens[i - 1].text);
}
