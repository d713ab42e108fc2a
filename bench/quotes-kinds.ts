// Gold speakers of the quote evaluation sorted by kind (named, continuation, pronoun, description), and the
// name helpers that decide it. PolNeAR has no coreference, so pronoun referents are approximated (see the table notes).
import { headSurname, isOfficeWord } from '../src/briefings';
import type { Doc, Gold, Span, SystemQuote } from './polnear';

export const NOT_NAME_START =
  /^(the|a|an|his|her|their|its|our|my|your|this|that|these|those|he|she|they|it|we|i|you|one|some|many|most|several|both|each|another|other|who|which)$/i;

/** Capitalised plurals that name a group, not a person or an organisation ("Officials", "Democrats"). */
export const GROUP_NOUNS =
  /^(officials|democrats|republicans|protesters|demonstrators|police|conservatives|liberals|progressives|critics|supporters|voters|residents|americans|organizers|activists|analysts|experts|sources|aides|advisers|lawmakers|senators|leaders|reporters|pollsters|officers|authorities|investigators|prosecutors|others|delegates|members|economists|researchers|scientists|polls|republican|democrat)$/i;

/** The name part of a gold Source: parentheticals and appositives ("X, a delegate from Ohio,") dropped. */
export function goldName(src: string): string {
  const first = src
    .replace(/\([^)]*\)/g, ' ')
    .split(',')[0]
    .trim();
  // "Heiserman of the CORE Teachers" → "Heiserman"; but "Secretary of State John Kerry" stays whole.
  const m = /^(.*?\p{Lu}[\p{L}.’'-]*)\s(?:of|at|from|with|for|on|in)\s(.*)$/u.exec(first);
  if (m && !isOfficeWord(m[1].split(/\s+/).pop() ?? '') && !m[2].split(/\s+/).some((w) => isOfficeWord(w))) return m[1];
  return first;
}
export const goldHead = (src: string): string => headSurname(goldName(src));

/** A gold Source that is one name (not a pronoun, a description or two people): first and last words capitalised. */
export function isNameSource(src: string | null): boolean {
  if (!src) return false;
  if (/\s(and|&)\s/.test(goldName(src))) return false;
  const words = goldName(src)
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  if (NOT_NAME_START.test(words[0])) return false;
  if (words.length === 1 && GROUP_NOUNS.test(words[0])) return false;
  return /^\p{Lu}/u.test(words[0]) && /^\p{Lu}/u.test(words[words.length - 1]);
}

export type Kind = 'named' | 'continuation' | 'pronoun' | 'description';
export const KINDS: Kind[] = ['named', 'continuation', 'pronoun', 'description'];

/** Third-person pronouns: their referent is someone the article names. ("I" and "we" are the writer, whom it rarely names.) */
export const PRONOUN_SOURCE = /^(he|she|they|it|him|her|them|his|their|its)$/i;
export const RELATIVE_SOURCE = /^(who|which|that|whom)$/i;

/** A source that ends in a name, with or without a lower-case role before it ("former Obama adviser David Axelrod"). */
export function endsInName(src: string): boolean {
  const name = goldName(src);
  const words = name
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words.length > 10 || NOT_NAME_START.test(words[0]) || /\s(and|&)\s/.test(name)) return false;
  const last = words[words.length - 1];
  return /^\p{Lu}/u.test(last) && /^\p{Lu}/u.test(words[words.length - 2]) && !GROUP_NOUNS.test(last);
}

/**
 * The gender the article's own pronouns give a surname: "he/his/him" against "she/her" in the
 * words right after each mention, when one side wins two to one (else unknown). Read from the
 * text, so that the eval's referent for "she" does not lean on the system's name lists.
 */
export const genderCache = new Map<string, 'm' | 'f' | null>();
export function textGender(text: string, surname: string, stopAtName = false): 'm' | 'f' | null {
  const key = `${surname}\u0000${text.length}\u0000${text.slice(0, 40)}\u0000${stopAtName}`;
  if (genderCache.has(key)) return genderCache.get(key)!;
  let m = 0;
  let f = 0;
  const esc = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const hit of text.matchAll(new RegExp(`\\b${esc}\\b`, 'giu'))) {
    const sentence = text.slice((hit.index ?? 0) + surname.length, (hit.index ?? 0) + surname.length + 120).split(/[.!?]\s/)[0];
    // v2: a pronoun after another name in the sentence is more likely that one's ("X said Trump … because he …").
    const after = stopAtName ? sentence.split(/(?<![“"‘'(]\s*)\s\p{Lu}\p{Ll}/u)[0] : sentence;
    m += (after.match(/\b(he|his|him|himself)\b/gi) ?? []).length;
    f += (after.match(/\b(she|her|hers|herself)\b/gi) ?? []).length;
  }
  const g = m >= 2 * f && m > 0 ? 'm' : f >= 2 * m && f > 0 ? 'f' : null;
  genderCache.set(key, g);
  return g;
}

/** "Trump, who said “…”": the name right before a relative pronoun is its antecedent. */
export function antecedent(text: string, at: number): string | null {
  const m = /((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*)\s*(?:\([^)]*\))?\s*,?\s*$/u.exec(text.slice(Math.max(0, at - 80), at));
  return m ? m[1] : null;
}

/** Paragraph index of a file offset (paragraphs are separated by blank lines). */
export function paragraphOf(text: string): (at: number) => number {
  const breaks: number[] = [];
  for (const m of text.matchAll(/\n[ \t]*\n/g)) breaks.push(m.index ?? 0);
  return (at) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The head noun of a description source ("a spokesman for the campaign" → "spokesman"). */
export function descriptionHead(src: string): string {
  const first = src
    .replace(/\([^)]*\)/g, ' ')
    .split(/,|\s(?:for|of|at|with|who|from|in|on)\s/)[0]
    .trim();
  const words = first.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return (words[words.length - 1] ?? '').toLowerCase().replace(/[’']s$/, '');
}

/**
 * Which rules sort and judge gold sources: v1 (the first version, kept for comparison with earlier runs) or v2
 * (issue 10, second round): a fairer pronoun referent, names written after a description counted as names,
 * Sources that are only the cue ("said", an annotation slip) left out, and a group or document judged right when
 * the speaker shown is that group or document.
 */
export type Referent = 'v1' | 'v2';

const pronounGender = (src: string): 'm' | 'f' | null => (/^(he|him|his)$/i.test(src) ? 'm' : /^(she|her)$/i.test(src) ? 'f' : null);

/** v1: the nearest earlier gold Source that is one bare name and not of the other gender by its surname. */
function referentV1(d: Doc, g: Gold, named: Gold[]): string | null {
  const want = pronounGender(g.source!.trim());
  const before = named.filter((n) => n.sourceAt < g.sourceAt && (!want || [want, null].includes(textGender(d.text, goldHead(n.source!)))));
  return before.length ? goldHead(before[before.length - 1].source!) : null;
}

/**
 * The gender the article's pronouns give a gold name: by its full name first ("Rakeyia Scott", whose husband is
 * "Scott" too), by its surname when the full name tells nothing.
 */
function nameGender(text: string, src: string): 'm' | 'f' | null {
  const full = /(?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}.’'-]*$/u.exec(goldName(src).trim())?.[0] ?? '';
  const byFull = full.includes(' ') ? textGender(text, full, true) : null;
  return byFull ?? textGender(text, goldHead(src), true);
}

/**
 * v2: the nearest earlier gold Source that is a name, bare or after a lower-case role ("presidential nominee
 * Hillary Clinton", "Clinton communication director Jennifer Palmieri", the form the named kind counts), and not
 * of the other gender by its full name or else its surname.
 */
function pronounReferent(d: Doc, g: Gold, people: Gold[]): string | null {
  const want = pronounGender(g.source!.trim());
  const before = people.filter((n) => n.sourceAt < g.sourceAt && (!want || [want, null].includes(nameGender(d.text, n.source!))));
  return before.length ? goldHead(before[before.length - 1].source!) : null;
}

/** A Source span that is only a reporting verb: the annotator marked the cue as the Source. */
const CUE_ONLY = /^(said|says|say|told|added|wrote|asked)$/i;

/**
 * v2: the name a description goes on to give — after a comma ("Another critic, Laurence H. Tribe,") or after a
 * determiner and a title ("the Rev. Peter Wherry").
 */
export function laterName(src: string): string | null {
  const parts = src
    .replace(/\([^)]*\)/g, ' ')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of parts.slice(1)) if (isNameSource(p) || endsInName(p)) return p;
  const bare = parts[0]?.replace(/^(the|his|her|their|its|our)\s+/i, '');
  if (bare && bare !== parts[0] && /^\p{Lu}/u.test(bare) && (isNameSource(bare) || endsInName(bare))) return bare;
  return null;
}

const IMPERSONAL_PRONOUN = /^(it|its|they|them|their)$/i;

/** v2 for it/they: the nearest earlier gold Source that is not a pronoun and not a name the article calls he or she. */
function impersonalReferent(d: Doc, g: Gold): Gold | null {
  let best: Gold | null = null;
  for (const n of d.golds) {
    if (n.sourceAt < 0 || n.sourceAt >= g.sourceAt || !n.source || (best && best.sourceAt >= n.sourceAt)) continue;
    const src = n.source.trim();
    if (PRONOUN_SOURCE.test(src) || RELATIVE_SOURCE.test(src) || /^(i|we|you|me|us|my|our)$/i.test(src)) continue;
    if ((isNameSource(src) || endsInName(src)) && nameGender(d.text, src) !== null) continue;
    best = n;
  }
  return best;
}

export interface KindedGold {
  gold: Gold;
  /** The content spans judged under this kind. */
  content: Span[];
  kind: Kind;
  /** Whether a system speaker (with its role) is the right one for this gold quote. */
  accepts: (q: SystemQuote) => boolean;
  /** The head surname the speaker must have, for names and pronouns. */
  want?: string;
  /**
   * Descriptions only: right as above, or the speaker left unknown with the description's head
   * noun kept as the role ("one user" → unknown (user)), which is what a reader can tell.
   */
  acceptsRoleOnly?: (q: SystemQuote) => boolean;
}

/**
 * Gold direct quotes with a Source, by kind of source: a name in the quote's paragraph (named),
 * a Source in another paragraph (continuation), a bare pronoun, or a description. A pronoun's
 * referent is approximated by the nearest preceding gold Source that is a name (PolNeAR has no
 * coreference). A description is right when the system names someone and either the system's
 * role holds the description's head noun ("the researcher" → a person introduced as researcher)
 * or the speaker is an organisation named inside the description ("a Microsoft spokesperson").
 */
export function kindedGolds(d: Doc, referent: Referent = 'v2'): KindedGold[] {
  const para = paragraphOf(d.text);
  const named = d.golds.filter((g) => g.sourceAt >= 0 && isNameSource(g.source)).sort((a, b) => a.sourceAt - b.sourceAt);
  const people = d.golds.filter((g) => g.sourceAt >= 0 && (isNameSource(g.source) || endsInName(g.source!))).sort((a, b) => a.sourceAt - b.sourceAt);
  const out: KindedGold[] = [];
  for (const g of d.golds) {
    if (!g.direct || !g.source || g.sourceAt < 0) continue;
    let src = g.source.trim();
    let expectHead: string | null = null;
    let form: Kind;
    if (/^(i|we|you|me|us|my|our)$/i.test(src)) continue;
    if (referent === 'v2' && IMPERSONAL_PRONOUN.test(src)) {
      // "it said", "they wrote": judged by the nearest earlier Source that is no he or she (an outlet, a group).
      const r = impersonalReferent(d, g);
      if (!r) continue;
      form = 'pronoun';
      src = r.source!.trim();
      if (isNameSource(src) || endsInName(src)) expectHead = goldHead(src);
    } else if (PRONOUN_SOURCE.test(src)) {
      form = 'pronoun';
      const head = referent === 'v1' ? referentV1(d, g, named) : pronounReferent(d, g, people);
      if (!head) continue;
      expectHead = head;
    } else if (RELATIVE_SOURCE.test(src)) {
      form = 'pronoun';
      const name = antecedent(d.text, g.sourceAt);
      if (!name) continue;
      expectHead = headSurname(name);
    } else if (isNameSource(src) || endsInName(src)) {
      form = 'named';
      expectHead = goldHead(src);
    } else if (referent === 'v2' && laterName(src)) {
      form = 'named';
      expectHead = goldHead(laterName(src)!);
    } else if (referent === 'v2' && CUE_ONLY.test(src)) continue;
    else form = 'description';
    // Pieces of the quote in the Source's own paragraph are judged by the Source's form; pieces in
    // other paragraphs (a quote that carries on with no cue of its own) are continuations.
    const own = g.content.filter(([a]) => para(a) === para(g.sourceAt));
    const other = g.content.filter(([a]) => para(a) !== para(g.sourceAt));
    const push = (accepts: (q: SystemQuote) => boolean, acceptsRoleOnly?: (q: SystemQuote) => boolean) => {
      if (own.length) out.push({ gold: g, content: own, kind: form, accepts, acceptsRoleOnly, want: expectHead ?? undefined });
      if (other.length) out.push({ gold: g, content: other, kind: 'continuation', accepts });
    };
    if (expectHead !== null) {
      const head = expectHead;
      push((q) => !!q.speaker && headSurname(q.speaker) === head);
      continue;
    }
    const noun = descriptionHead(src);
    const words = new Set(
      src
        .toLowerCase()
        .replace(/[’']s\b/g, '')
        .split(/[^\p{L}\p{N}.-]+/u),
    );
    const roleHolds = (q: SystemQuote) =>
      !!noun &&
      !!q.role &&
      q.role
        .toLowerCase()
        .split(/[^\p{L}-]+/u)
        .includes(noun);
    // v2: "Demonstrators" for "Demonstrators", "the IMF report" for "the IMF": the speaker shown holds the head noun.
    const speakerHolds = (q: SystemQuote) =>
      referent === 'v2' &&
      !!noun &&
      q
        .speaker!.toLowerCase()
        .replace(/[’']s\b/g, '')
        .split(/[^\p{L}-]+/u)
        .includes(noun);
    const accepts = (q: SystemQuote) =>
      !!q.speaker && (roleHolds(q) || speakerHolds(q) || (q.organisation === true && words.has(headSurname(q.speaker))));
    push(accepts, form === 'description' ? (q) => accepts(q) || (!q.speaker && roleHolds(q)) : undefined);
  }
  return out;
}
