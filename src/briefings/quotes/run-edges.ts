// The edges of a run of capitalised words: where it stops being one name ("Professor Sarah Green of Leeds University"
// is a person and a place; "Said Dorothy Poynter" is a speech verb before a name), and the role set off after it.
import { isGivenName } from '../text/gender';
import { isCapitalised, isOfficeWord, isPossessive, normaliseName, type Token } from '../text/names';

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

/** "Yuri Ushakov, top presidential aide, …": the role between commas right after a name. */
export function appositiveRole(tokens: readonly Token[], end: number): string | null {
  if (tokens[end]?.text !== ',') return null;
  const words: string[] = [];
  for (let k = end + 1; k < tokens.length && k - end <= 10; k++) {
    const t = tokens[k].text;
    if (t === ',' || t === '.' || t === ';' || t === ')') {
      if (words.length === 0 || /^(who|which|whose|where|when)$/i.test(words[0])) return null;
      if (!words.some((w) => isOfficeWord(w))) return null;
      if (isCapitalised(words[0]) && !isOfficeWord(words[0]) && !/^(The|A|An)$/.test(words[0]) && !isPossessive(words[0])) return null;
      return normaliseName(words.filter((w, i) => i > 0 || !/^(the|a|an)$/i.test(w)).join(' '));
    }
    words.push(t);
  }
  return null;
}
