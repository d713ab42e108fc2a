// A made-up vocabulary of news-like words and misspellings of them, the same on every run (seeded), for tests
// that pin what typo correction answers. Words share syllables, so a misspelling has many look-alikes (often
// more than the 100 that are scored), and some words are numbers or carry digits.
import { Vocabulary } from '../../src/briefings/search/vocabulary';
import { seeded } from './seeded';

const SYLLABLES = (
  'ka ra in ne uk tr um ze len sky po kro vsk se cu ri ty gu ar an tee mi ni st er pre si dent ele ct ion ' +
  'war sh ip oil ga s ma rk et ba nk ing de al th re at ta lk co un cil ve to fo rce nor th ea so ut we'
).split(' ');

function madeUpWord(random: () => number): string {
  const r = random();
  if (r < 0.03) return String(Math.floor(random() * 100000));
  const parts = 1 + Math.floor(random() * 5);
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  if (r < 0.06) w += String(Math.floor(random() * 100));
  return w.slice(0, 32);
}

/** `count` distinct made-up terms, in the order they were made. */
export function madeUpTerms(count: number, seed: number): string[] {
  const random = seeded(seed);
  const seen = new Set<string>();
  while (seen.size < count) {
    const w = madeUpWord(random);
    if (w.length >= 2) seen.add(w);
  }
  return [...seen];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `word` with one random edit: a letter changed, dropped, added, or two neighbours swapped. */
function misspell(word: string, random: () => number): string {
  const at = Math.floor(random() * word.length);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)];
  const kind = random();
  if (kind < 0.3) return word.slice(0, at) + letter + word.slice(at + 1);
  if (kind < 0.55 && word.length > 3) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.8) return word.slice(0, at) + letter + word.slice(at);
  if (at + 1 < word.length) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word + letter;
}

/** `count` query words: terms with one to three edits, some terms as they are, some words made up afresh. */
export function misspeltWords(terms: string[], count: number, seed: number): string[] {
  const random = seeded(seed);
  const out: string[] = [];
  while (out.length < count) {
    const r = random();
    if (r < 0.05) {
      out.push(madeUpWord(random));
      continue;
    }
    let w = terms[Math.floor(random() * terms.length)];
    const edits = r < 0.1 ? 0 : r < 0.7 ? 1 : r < 0.92 ? 2 : 3;
    for (let e = 0; e < edits; e++) w = misspell(w, random);
    out.push(w.slice(0, 40));
  }
  return out;
}

/** A vocabulary of `sealed` terms sorted and indexed, then `pending` more added after (as a live index has). */
export function typoVocabulary(sealed: number, pending: number, seed: number): Vocabulary {
  const terms = madeUpTerms(sealed + pending, seed);
  const v = new Vocabulary();
  terms.slice(0, sealed).forEach((t) => v.intern(t));
  v.seal();
  terms.slice(sealed).forEach((t) => v.intern(t));
  return v;
}

/** One line per word: the word, then each correction as term and weight (to the last digit), best first. */
export function correctionLines(v: Vocabulary, words: string[], limit: number): string[] {
  return words.map((w) => [w, ...v.typos(w, limit).map((e) => `${v.term(e.term)}:${e.weight}`)].join(' '));
}
