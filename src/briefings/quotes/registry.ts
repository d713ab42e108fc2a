// Everyone the article names, with the role it gave them, so that a later "Rubio" becomes
// "Marco Rubio" and "the Russian leader" becomes the man introduced as "Russian President".
import {
  headSurname,
  isCapitalised,
  isOfficeWord,
  isPlainLower,
  isPossessive,
  normaliseName,
  splitRoleAndName,
  stripPossessive,
  tokenize,
  type NameParts,
  type Token,
} from '../text/names';
import { boundedMemo } from '../text/bounded-memo';
import { genderOf, type Gender } from '../text/gender';
import { DETERMINERS, NOT_NAMES, OFFICE_WORDS, ROLE_MODIFIERS } from '../text/name-lexicon';
import { HEAD_SYNONYMS, ORG_HEADS, REPORTING_VERBS } from './lexicon';
import { appositiveRole, opensSentence, personThenOf } from './run-edges';

/** Party words: a description with one never points at a person introduced with another. */
const PARTIES = /^(republican|democrat|democratic|libertarian|green|gop)s?$/;
const partyOf = (word: string): string => (word.startsWith('gop') ? 'repub' : word.slice(0, 5));

export interface Entity {
  name: string;
  role: string | null;
  kind: 'person' | 'organisation' | 'unknown';
  mentions: number;
  /** Article-order position of the latest mention (for "most recent" tie-breaks). */
  lastSeen: number;
  /** For "he" and "she": from a title, a gendered office, a given name or a pronoun already resolved to them. */
  gender: Gender | null;
}

/** A name written in a paragraph: the entity, and the offset where the name ends. */
export interface Mention {
  at: number;
  entity: Entity;
}

/** A courtesy title alone ("Dr", "Mrs.") is no role: an appositive role replaces it. */
const COURTESY_ONLY = /^(sir|dame|lord|lady|mr|mrs|ms|mx|miss|dr|prof)\.?$/i;

/** Marks after which a capitalised word may just be opening a sentence. */
const SENTENCE_OPENING_MARKS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', "'", '‘', '’', '\u2014', '\u2013', '(', '-']);

const CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'da', 'du', 'del', 'der', 'la', 'le']);

const NAME_WORD = 1;
const ROLE_WORD = 2;
/**
 * Whether a word can be in a name run (NAME_WORD, ROLE_WORD or 0). Every token of every paragraph is
 * asked once per run step, so the capital is looked at once and a lower-case word is lower-cased at
 * most once (a Map cache keyed by word was slower still: the vocabulary is larger than any cheap bound).
 */
const ROLE_OR_OFFICE = new Set([...ROLE_MODIFIERS, ...OFFICE_WORDS]);
export function runWord(w: string): number {
  if (isPlainLower(w)) return ROLE_OR_OFFICE.has(w) ? ROLE_WORD : 0;
  if (isCapitalised(w)) return NOT_NAMES.has(stripPossessive(w).toLowerCase()) ? 0 : NAME_WORD;
  const l = w.toLowerCase();
  if (ROLE_MODIFIERS.has(l) || isOfficeWord(w)) return ROLE_WORD;
  return l.includes('-') && /^(?:[a-z]+-)+[a-z]+$/.test(l) && /-(?:run|backed|based|in-law|elect)$/.test(l) ? ROLE_WORD : 0;
}

/**
 * Articles write the same names again and again, and so do the articles of a load ("President Donald Trump"):
 * each run of words is split into role and name once per analysis thread, not once per article. splitRoleAndName
 * reads nothing but the words, and the parts are only read, never changed. Bounded: cleared when full.
 */
const splitRunOnce = boundedMemo<Readonly<NameParts> | null, readonly string[]>(50_000, splitRoleAndName, (words) => words.join('\u0000'));

export class Registry {
  private readonly byKey = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byFirst = new Map<string, Entity[]>();
  readonly texts: string[];
  private readonly fullForms = new Map<string, string | null>();
  /** Capitalised words seen somewhere other than the start of a sentence. */
  private readonly midSentence = new Set<string>();

  /** `headlines` leading texts are titles or standfirsts: skipped when written in Title Case. */
  constructor(
    texts: readonly string[],
    private readonly headlines = 0,
    tokenized?: readonly (readonly Token[])[],
  ) {
    this.texts = texts.slice();
    let pos = 0;
    texts.forEach((text, t) => {
      if (t < headlines && isTitleCase(text)) return;
      const tokens = tokenized?.[t] ?? tokenize(text);
      for (const run of nameRuns(tokens, readCapitals(tokens, this.midSentence))) {
        const parts = this.splitRun(run.words);
        if (parts) {
          const e = this.add(parts, pos++);
          const appositive = appositiveRole(tokens, run.end);
          if (appositive && (!e.role || COURTESY_ONLY.test(e.role)) && e.kind !== 'organisation') e.role = appositive;
          // Gender is read when the name first appears, or again when a title or role comes with it.
          if (!e.gender && e.kind !== 'organisation' && (e.mentions === 1 || parts.role || appositive || run.words.length > 1)) {
            e.gender = genderOf(appositive ? [...run.words, ...appositive.split(' ')] : run.words, parts.name.split(' ')[0]);
          }
          if (t >= headlines) this.mentionList(t - headlines).push({ at: tokens[run.end - 1].end, entity: e });
        }
        for (const inner of run.possessives) {
          const p = splitRoleAndName(inner);
          if (p) this.add(p, pos++);
        }
      }
    });
  }

  private splitRun(words: readonly string[]): NameParts | null {
    return splitRunOnce(words);
  }

  private readonly mentions: Mention[][] = [];
  private mentionList(paragraph: number): Mention[] {
    while (this.mentions.length <= paragraph) this.mentions.push([]);
    return this.mentions[paragraph];
  }

  /** The names mentioned in a paragraph, in order, with the offset where each ends. */
  mentionsIn(paragraph: number): readonly Mention[] {
    return this.mentions[paragraph] ?? [];
  }

  /** Records a mention and returns the entity it belongs to. */
  add(parts: NameParts, pos: number): Entity {
    const name = normaliseName(parts.name);
    const key = name.toLowerCase();
    let e = this.byKey.get(key);
    if (!e) {
      e = { name, role: parts.role ? normaliseName(parts.role) : null, kind: parts.kind, mentions: 0, lastSeen: pos, gender: null };
      this.byKey.set(key, e);
      const s = headSurname(name);
      const list = this.bySurname.get(s) ?? [];
      list.push(e);
      this.bySurname.set(s, list);
      // Indexed by first word (names are not renamed after this, bar a leading "the ").
      const first = key.split(' ')[0];
      const firsts = this.byFirst.get(first) ?? [];
      firsts.push(e);
      this.byFirst.set(first, firsts);
    }
    e.mentions++;
    e.lastSeen = Math.max(e.lastSeen, pos);
    if (!e.role && parts.role && parts.role.split(/\s+/).some(isOfficeWord)) e.role = normaliseName(parts.role);
    if (e.kind === 'unknown' && parts.kind !== 'unknown') e.kind = parts.kind;
    return e;
  }

  /** Whether a one-word name is ever capitalised mid-sentence ("Trump" is; "Moreover" is not). */
  isKnownWord(word: string): boolean {
    return this.midSentence.has(stripPossessive(word).toLowerCase());
  }

  /** The fullest name in the article for a mention ("Rubio" → "Marco Rubio"). */
  resolveName(name: string): Entity | null {
    const words = normaliseName(name).toLowerCase().split(' ');
    const list = this.bySurname.get(headSurname(name));
    if (!list) return this.byFirstName(words);
    let best: Entity | null = null;
    for (const e of list) {
      const ew = e.name.toLowerCase().split(' ');
      if (!words.every((w) => ew.includes(w))) continue;
      if (e.kind === 'organisation' && words.length < ew.length) continue;
      if (!best || ew.length > best.name.split(' ').length || (ew.length === best.name.split(' ').length && e.mentions > best.mentions)) {
        best = e;
      }
    }
    if (!best || (words.length === 1 && !best.name.includes(' '))) return this.byFirstName(words) ?? best;
    // A bare surname with two full owners ("Clinton"): the one the article names most.
    const full = list.filter((e) => e.kind !== 'organisation' && e.name.split(' ').length > 1);
    if (words.length === 1 && full.length > 1) {
      best = full.reduce((a, b) => (b.mentions > a.mentions ? b : a));
    }
    return best;
  }

  /**
   * "Sir Ian" after "Sir Ian Blair": British titles go with the first name. Only a single person
   * introduced in full with that first name qualifies; two Ians stay unresolved rather than guessed.
   */
  private byFirstName(words: readonly string[]): Entity | null {
    if (words.length !== 1) return null;
    const matches = (this.byFirst.get(words[0]) ?? []).filter(
      (e) => e.kind !== 'organisation' && e.name.includes(' ') && e.name.split(' ')[0].toLowerCase() === words[0],
    );
    return matches.length === 1 ? matches[0] : null;
  }

  /**
   * The person a description points at ("the top Putin diplomatic aide"): its head must match a
   * recorded role; its other words break ties; names inside it are other people.
   */
  resolveDescription(words: readonly string[]): Entity | null {
    const ws = words.filter((w) => !DETERMINERS.has(w.toLowerCase()));
    if (ws.length === 0) return null;
    const head = stripPossessive(ws[ws.length - 1]).toLowerCase();
    const heads = HEAD_SYNONYMS[head] ?? [head];
    const named = new Set(ws.filter((w) => isCapitalised(w)).map((w) => headSurname(w)));
    const mods = ws.slice(0, -1).map((w) => stripPossessive(w).toLowerCase().slice(0, 4));
    const partyWord = ws.map((w) => w.toLowerCase()).find((w) => PARTIES.test(w));
    const party = partyWord ? partyOf(partyWord) : null;
    const proper = ws.slice(0, -1).some((w) => isCapitalised(w));
    let best: Entity | null = null;
    let bestScore = 0;
    for (const e of this.byKey.values()) {
      if (e.kind === 'organisation' || !e.role) continue;
      if (named.size > 0 && named.has(headSurname(e.name))) continue;
      const roleWords = e.role
        .toLowerCase()
        .replace(/[’']s\b/g, '')
        .split(/\s+/);
      if (!roleWords.some((r) => heads.includes(r.replace(/\.$/, '')))) continue;
      // "the Republican presidential nominee" is not the one introduced as "Libertarian presidential candidate".
      if (party && roleWords.some((r) => PARTIES.test(r) && partyOf(r) !== party)) continue;
      let score = 10;
      for (const m of mods) if (roleWords.some((r) => r.slice(0, 4) === m)) score += 2;
      // "the Senate minority leader" is not the one introduced as "President": a head matched only through a
      // synonym, with a proper modifier the role does not hold, points at someone else.
      if (score === 10 && proper && !roleWords.some((r) => sameWord(r, head))) continue;
      score += e.mentions * 0.01;
      if (score > bestScore || (score === bestScore && best && e.lastSeen > best.lastSeen)) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The fullest form of an institution's description: "the foreign ministry" →
   * "Myanmar's foreign ministry" when the article writes it that way somewhere.
   */
  organisationFullForm(description: string): string | null {
    const tail = description.replace(/^(the|a|an|its|their)\s+/i, '').trim();
    if (!tail || isCapitalised(tail)) return null;
    const cached = this.fullForms.get(tail);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    const lead = /((?:\p{Lu}[\p{L}\p{N}.-]*\s+)*\p{Lu}[\p{L}\p{N}.-]*(?:[’']s)?)\s+$/u;
    search: for (const t of this.texts) {
      for (let at = t.indexOf(tail); at >= 0; at = t.indexOf(tail, at + 1)) {
        if (/[\p{L}\p{N}]/u.test(t.charAt(at + tail.length))) continue;
        const m = lead.exec(t.slice(Math.max(0, at - 80), at));
        if (!m) continue;
        const modWords = m[1].split(/\s+/).filter((w) => !NOT_NAMES.has(stripPossessive(w).toLowerCase()));
        if (modWords.length === 0) continue;
        found = normaliseName(`${modWords.join(' ')} ${tail}`);
        break search;
      }
    }
    this.fullForms.set(tail, found);
    return found;
  }

  entities(): Entity[] {
    return [...this.byKey.values()];
  }
}

/**
 * Each token's name-run kind (runWord's answer), and every capitalised word seen other than opening a sentence
 * added to `midSentence`, bare: one strip and lower-casing a capitalised token, where asking runWord after
 * collecting them did it twice.
 */
export function readCapitals(tokens: readonly Token[], midSentence: Set<string>): Uint8Array {
  const kinds = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k].text;
    if (!isCapitalised(w)) {
      kinds[k] = runWord(w);
      continue;
    }
    const bare = stripPossessive(w).toLowerCase();
    kinds[k] = NOT_NAMES.has(bare) ? 0 : NAME_WORD;
    // Mid-sentence, or a word a speech verb follows: a name even where it opens a sentence ("Tiegen stated").
    if ((k > 0 && !SENTENCE_OPENING_MARKS.has(tokens[k - 1].text)) || speaksNext(tokens, k)) midSentence.add(bare);
  }
  return kinds;
}

/** The token after `k` is a speech verb, or an appositive closed by one follows ("Tiegen stated", "Tiegen, his lawyer, said"). */
function speaksNext(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1]?.text ?? '';
  return REPORTING_VERBS.has(next) || (next === ',' && appositiveThenVerb(tokens, k + 1));
}

/** ", Santilli's attorney, argues": an appositive closed by a comma and a speech verb. */
function appositiveThenVerb(tokens: readonly Token[], comma: number): boolean {
  for (let k = comma + 1; k < tokens.length && k - comma <= 15; k++) {
    if (tokens[k].text === ',') return REPORTING_VERBS.has(tokens[k + 1]?.text ?? '');
    if (/^[.;:!?]$/.test(tokens[k].text)) return false;
  }
  return false;
}

/** Headlines in Title Case make every word look like a name. */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

/** A role word that is the head itself or its short form ("sen." for "senator"). */
function sameWord(roleWord: string, head: string): boolean {
  const bare = roleWord.replace(/\.$/, '');
  return bare === head || (bare.length >= 3 && head.startsWith(bare));
}

export function isOrganisationHead(word: string): boolean {
  return ORG_HEADS.has(stripPossessive(word).toLowerCase());
}

interface NameRun {
  /** Role words and name words, in order ("top", "Russian", "presidential", "aide", "Yuri", "Ushakov"). */
  words: string[];
  /** Names that end in a possessive inside the run ("Donald Trump’s" in "…Trump’s son-in-law Jared Kushner"). */
  possessives: string[][];
  /** Index of the token after the run. */
  end: number;
}

/** Runs of capitalised words, with the role words that lead into them. `kinds`: runWord of each token, when known. */
export function nameRuns(tokens: readonly Token[], known?: Uint8Array): NameRun[] {
  // Each token's kind once: a run's first word and the word that ends it were otherwise asked twice (issue 13).
  const kinds = known ?? new Uint8Array(tokens.length);
  if (!known) for (let k = 0; k < tokens.length; k++) kinds[k] = runWord(tokens[k].text);
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (kinds[i] === 0) {
      i++;
      continue;
    }
    const words: string[] = [];
    const possessives: string[][] = [];
    let segStart = 0;
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j].text;
      const adjacent = j === i || tokens[j].start - tokens[j - 1].end <= 1;
      if (!adjacent) break;
      if (kinds[j] !== 0) {
        words.push(t);
        if (isPossessive(t) && isCapitalised(t)) {
          possessives.push(words.slice(segStart));
          segStart = words.length;
        }
        j++;
        continue;
      }
      if (
        CONNECTORS.has(t) &&
        words.length &&
        isCapitalised(words[words.length - 1]) &&
        j + 1 < tokens.length &&
        kinds[j + 1] === NAME_WORD &&
        !personThenOf(words, t)
      ) {
        words.push(t);
        j++;
        continue;
      }
      break;
    }
    // "Said Dorothy Poynter, 60.": a speech verb opening the sentence is not part of the name after it.
    if (words.length > 2 && opensSentence(tokens, i) && REPORTING_VERBS.has(words[0].toLowerCase()) && kinds[i + 1] === NAME_WORD) words.shift();
    // Trailing role words with no name after them belong to the next clause, not to this run.
    while (words.length && !isCapitalised(words[words.length - 1])) words.pop();
    if (words.length) runs.push({ words, possessives: possessives.filter((p) => p.length && p.length <= words.length), end: j });
    i = Math.max(j, i + 1);
  }
  return runs;
}
