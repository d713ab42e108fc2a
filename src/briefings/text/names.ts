// Names of people and organisations as news prose writes them: "US Secretary of State Marco
// Rubio" is the name "Marco Rubio" with the role "US Secretary of State".
import { NOT_NAMES, OFFICE_WORDS, ORG_WORDS, PLACE_FIRST_WORDS } from './name-lexicon';
import { isGivenName } from './gender';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose final period belongs to the word. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'rev',
  'prof',
  'jr',
  'sr',
  'st',
  'mt',
  'ft',
  'sens',
  'reps',
  'amb',
  'sec',
  'pres',
  'hon',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'cmdr',
  'maj',
  'gov-elect',
  'del',
]);

/** Words (with hyphens, apostrophes and internal periods kept) and single punctuation marks. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = charKind(text, i, c);
    if (kind === SPACE) {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? codePointLength(text, i) : 1;
      continue;
    }
    if (kind === OTHER) {
      const len = codePointLength(text, i);
      out.push({ text: text.slice(i, i + len), start: offset + i, end: offset + i + len });
      i += len;
      continue;
    }
    const start = i;
    let end = wordRunEnd(text, i);
    // (?:[’'.\-&][\p{L}\p{N}]+)*: a joiner counts only with a letter or digit after it.
    while (end < n && isJoiner(text.charCodeAt(end)) && end + 1 < n && charKind(text, end + 1, text.charCodeAt(end + 1)) === WORD) {
      end = wordRunEnd(text, end + 1);
    }
    if (end < n && text.charCodeAt(end) === 46) end++;
    let t = text.slice(start, end);
    if (t.length > 1 && t.endsWith('.')) {
      const bare = t.slice(0, -1);
      const keep = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || bare.includes('.');
      if (!keep) {
        t = bare;
        end--;
      }
    }
    out.push({ text: t, start: offset + start, end: offset + end });
    i = end;
  }
  return out;
}

// The tokenizer was one regex, /[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu; this scan
// gives the same tokens without a match array per token (issue 13). Characters are read by code point.
const WORD = 0;
const SPACE = 1;
const OTHER = 2;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;
/** Kinds of the BMP characters, filled on first sight (0 unknown, else kind + 1). */
const BMP_KINDS = new Uint8Array(0x10000);

function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function charKind(text: string, i: number, c: number): number {
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return WORD;
    return c === 32 || (c >= 9 && c <= 13) ? SPACE : OTHER;
  }
  if (c >= 0xd800 && c <= 0xdbff && codePointLength(text, i) === 2) return kindOf(text.slice(i, i + 2));
  const known = BMP_KINDS[c];
  if (known) return known - 1;
  const kind = kindOf(String.fromCharCode(c));
  BMP_KINDS[c] = kind + 1;
  return kind;
}

function kindOf(ch: string): number {
  return WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
}

/** The end of the run of letters and digits that starts at `i`. */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (charKind(text, i, c) !== WORD) break;
    i += c >= 0xd800 && c <= 0xdbff ? codePointLength(text, i) : 1;
  }
  return i;
}

/** ’ ' . - & */
const isJoiner = (c: number): boolean => c === 0x2019 || c === 39 || c === 46 || c === 45 || c === 38;

export function isCapitalised(w: string): boolean {
  const c = w.charAt(0);
  // Fast path for ASCII; the Unicode test only for other letters.
  if (c >= 'A' && c <= 'Z') return true;
  if (c < '\u00c0') return false;
  return /^\p{Lu}/u.test(w);
}
const hasApostrophe = (w: string): boolean => w.includes("'") || w.includes('’');
export const isPossessive = (w: string): boolean => hasApostrophe(w) && (/[’']s$/i.test(w) || /s[’']$/.test(w));
export const stripPossessive = (w: string): string => (hasApostrophe(w) ? w.replace(/[’']s$/i, '').replace(/(s)[’']$/, '$1') : w);
const bare = (w: string): string => stripPossessive(w).toLowerCase();

/**
 * ASCII with no capital, apostrophe, period or hyphen ("said", "2016", ","): most tokens. Such a word
 * is its own bare form, is not capitalised and has no final period to drop, so one set lookup decides.
 */
export function isPlainLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45) return false;
  }
  return true;
}

/** Whether `set` holds the word, bare (no possessive, lower-case) and with or without a final period. */
function holdsBare(set: ReadonlySet<string>, w: string): boolean {
  if (set.has(w)) return true;
  if (isPlainLower(w)) return false;
  const b = bare(w);
  if (b !== w && set.has(b)) return true;
  return b.endsWith('.') && set.has(b.slice(0, -1));
}

/**
 * An office or title word ("president", "Sen.", "spokesman's"). Called for nearly every token,
 * so it works on the word as it stands and allocates only when the word has capitals or an
 * apostrophe (a cache keyed by word cost more than it saved: issue 13).
 */
export function isOfficeWord(w: string): boolean {
  return holdsBare(OFFICE_WORDS, w);
}
export const isAcronym = (w: string): boolean => /^[A-Z][A-Z.&]+$/.test(stripPossessive(w)) && stripPossessive(w).length <= 6;

/** Connectors allowed inside a name ("Global New Light of Myanmar", "Charles de Gaulle"). */
const NAME_CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'da', 'du', 'del', 'della', 'der', 'den', 'la', 'le', 'y', 'and', 'for']);
const PARTY_WORDS = /^(democrat|republican|democratic|gop|libertarian|independent|socialist|conservative|liberal|labour|tory)$/i;
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

export interface NameParts {
  /** The name without its role ("Marco Rubio"). */
  name: string;
  /** The words before the name that describe the person ("US Secretary of State"), or null. */
  role: string | null;
  kind: 'person' | 'organisation' | 'unknown';
}

/**
 * Splits a capitalised phrase (optionally led by lower-case role words) into role and name.
 * The name is the trailing run of capitalised words that are not offices; anything before it
 * is the role. Returns null when no name is left.
 */
export function splitRoleAndName(words: readonly string[]): NameParts | null {
  const ws = words.filter((w) => w.length > 0);
  if (ws.length === 0) return null;
  let i = ws.length - 1;
  if (SUFFIXES.has(ws[i].toLowerCase()) && i > 0) i--;
  const nameEnd = ws.length;
  // "Charlie King", "Mr. King": an office word can be a surname after a given name or an honorific.
  if (i > 0 && isOfficeWord(ws[i]) && isCapitalised(ws[i]) && isCapitalised(ws[i - 1])) {
    const prev = ws[i - 1];
    const honorific = /^(mr|mrs|ms|dr|mx)\.?$/i.test(prev);
    const givenName = !isOfficeWord(prev) && (!/(an|ese|ish|i)$/.test(prev) || isGivenName(prev)) && !/^[A-Z.]+$/.test(prev) && !isPossessive(prev);
    if (honorific || givenName) {
      const parts = splitRoleAndName(ws.slice(0, i));
      const last = stripPossessive(ws[i]);
      if (honorific) return { name: last, role: parts?.role ?? null, kind: 'person' };
      if (parts) return { name: `${parts.name} ${last}`, role: parts.role, kind: 'person' };
    }
  }
  while (i >= 0) {
    const w = ws[i];
    if (!isCapitalised(w) && !(NAME_CONNECTORS.has(w) && i > 0 && isCapitalised(ws[i - 1]) && i < ws.length - 1)) break;
    if (isOfficeWord(w) && !isOrganisationWord(w)) break;
    if (i < ws.length - 1 && isPossessive(w)) break;
    i--;
  }
  let nameStart = i + 1;
  while (nameStart < nameEnd && (NAME_CONNECTORS.has(ws[nameStart]) || /^(the|a|an)$/i.test(ws[nameStart]))) nameStart++;
  // "Democrat Hillary Clinton": a party before a full name is the person's affiliation, not part of the name.
  while (nameEnd - nameStart >= 3 && PARTY_WORDS.test(ws[nameStart]) && !ws.slice(nameStart, nameEnd).some(isOrganisationWord)) nameStart++;
  if (nameStart >= nameEnd) return null;
  // "Don't Republicans …", "Latinos Can't Fail": a contraction is never part of a name.
  if (ws.slice(nameStart, nameEnd).some((w) => /n[’']t$/i.test(w))) return null;
  const nameWords = ws.slice(nameStart, nameEnd).map((w, k, a) => (k === a.length - 1 ? stripPossessive(w) : w));
  const roleWords = ws.slice(0, nameStart).filter((w) => !/^(the|a|an|mr\.?|mrs\.?|ms\.?|mx\.?|miss)$/i.test(w));
  const role = roleWords.length ? roleWords.join(' ') : null;
  // "Mrs. Adeyemi": a courtesy title makes even a lone surname a person.
  const titled = nameWords.length === 1 && ws.slice(0, nameStart).some((w) => /^(mr|mrs|ms|mx|miss)\.?$/i.test(w));
  const kind = nameKind(nameWords, role);
  return { name: nameWords.join(' '), role, kind: titled && kind === 'unknown' ? 'person' : kind };
}

/** A word that marks an organisation or place; a final period is dropped before looking ("Co." → "co"). */
export function isOrganisationWord(w: string): boolean {
  const b = bare(w);
  return ORG_WORDS.has(b.endsWith('.') ? b.slice(0, -1) : b);
}

/** Person, organisation, or unknown (a lone capitalised word that may be a surname or a place). */
export function nameKind(nameWords: readonly string[], role: string | null): NameParts['kind'] {
  if (nameWords.some(isOrganisationWord)) return 'organisation';
  if (nameWords.length === 1 && isAcronym(nameWords[0])) return 'organisation';
  if (nameWords.some((w) => NOT_NAMES.has(w.toLowerCase()))) return 'unknown';
  if (role && role.split(/\s+/).some((w) => isOfficeWord(w))) return 'person';
  if (nameWords.length >= 2 && !PLACE_FIRST_WORDS.has(nameWords[0].toLowerCase())) {
    if (nameWords.includes('of')) return 'organisation';
    return 'person';
  }
  return 'unknown';
}

/** The surname a name is filed under: its last word, minus suffixes and possessives, lower-cased. */
const surnameCache = new Map<string, string>();
export function headSurname(name: string): string {
  if (PLAIN_NAME.test(name)) return plainSurname(name);
  let v = surnameCache.get(name);
  if (v === undefined) {
    v = computeHeadSurname(name);
    if (surnameCache.size > 20_000) surnameCache.clear();
    surnameCache.set(name, v);
  }
  return v;
}

/** ASCII letters and spaces only: no quote, bracket, possessive or period for computeHeadSurname to strip. */
const PLAIN_NAME = /^[A-Za-z ]*$/;

/** computeHeadSurname for a plain name: its last word that is no suffix, lower-cased. */
function plainSurname(name: string): string {
  const words = name.split(' ');
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k].toLowerCase();
    if (w && !SUFFIXES.has(w)) return w;
  }
  return '';
}

function computeHeadSurname(name: string): string {
  const words = name
    .replace(/[’‘`]/g, "'")
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s,]+/)
    .map((w) => stripPossessive(w.replace(/[^\p{L}\p{N}’'.-]/gu, '')))
    .filter((w) => w && !SUFFIXES.has(w.toLowerCase()));
  return (words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
}

/** Straight apostrophes in names, so "Myanmar’s" and "Myanmar's" are one speaker. */
export function normaliseName(s: string): string {
  // Most names are already single-spaced words with straight apostrophes: leave those as they are.
  if (!NEEDS_NORMALISING.test(s)) return s;
  return s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
const NEEDS_NORMALISING = /[’‘]|\s\s|[^\S ]|^\s|\s$/;
