// Sentences that cannot open a summary or stand where the sentence before them is missing: the
// middle of a quotation ('It was awful," he said.'), a fragment starting in lower case, and a
// sentence whose subject is a pronoun pointing back to someone the summary has not named.

/** He, she, they and kin as the first word; "This/That/These/Those/It" only when a verb follows. */
const PERSONAL = /^(?:He|She|They|Him|His|Her|Hers|Their|Theirs|Them|Himself|Herself|Themselves)\b(?!-)/i;
const DEMONSTRATIVE =
  /^(?:It|This|That|These|Those)(?:['’]s\b|\s+(?:is|was|are|were|has|have|had|will|would|could|should|may|might|must|can|comes|came|means|meant|includes|included|follows|followed)\b)/i;
/** "But they're not real.", "And she said…": a connective only makes the pronoun lean harder. */
const CONNECTIVE = /^(?:But|And|Yet|Or|So|Still)\s+/;

/**
 * `articleStart`: the sentence opens the article, so nothing comes before it for "It" or "This"
 * to point back to; there they are expletive or point forward ("It's been 13 years since…",
 * "It's a striking image: a new baby…"), the way the writer chose to open. A "They" still needs
 * the sentences after it and is not taken.
 */
export function startsWithDanglingPronoun(text: string, articleStart = false): boolean {
  const t = text.trimStart();
  if (/^[A-Z]/.test(t) && (PERSONAL.test(t) || (!articleStart && DEMONSTRATIVE.test(t)))) return true;
  const rest = t.replace(CONNECTIVE, '');
  return rest !== t && (PERSONAL.test(rest) || DEMONSTRATIVE.test(rest));
}

/**
 * True when the sentence begins inside a quotation: its first quote mark closes one (a curly
 * closing mark, or a straight one right after punctuation or a word and before a space).
 */
export function startsMidQuote(text: string): boolean {
  const t = text.trim();
  if (/^[a-z][a-z]/.test(t)) return true;
  const firstCurly = t.search(/[“”]/);
  if (firstCurly >= 0 && t[firstCurly] === '”') return true;
  const straight = t.indexOf('"');
  if (straight > 0 && /[\w.,!?]/.test(t[straight - 1]) && (straight === t.length - 1 || /\s/.test(t[straight + 1]))) return true;
  // Single quotes (Daily Mail style): 'It was awful,' he said.
  if (!/^['‘]/.test(t) && /[\w.,!?]['’]\s+(?:he|she|they|said|says|added|told)\b/.test(t) && !/(?:^|\s)['‘]\w/.test(t)) return true;
  return false;
}
