// Reads the phrase that names a speaker next to a reporting verb: a pronoun ("he"), a name with
// or without its role ("top Russian presidential aide Yuri Ushakov"), or a description ("the
// top Putin diplomatic aide", "the foreign ministry").
import { isCapitalised, isOfficeWord, isOrganisationWord, isPossessive, type Token } from '../text/names';
import { DETERMINERS } from '../text/name-lexicon';
import { AUXILIARIES, REPORTING_PARTICIPLES, REPORTING_VERBS, SPEAKS_FOR } from './lexicon';
import { phraseAfter } from './phrase-after';
import { DAYS, STOP, classify, isNameLike, isPhraseWord, isPunct, lc, pronounOf, type SpeakerPhrase } from './phrase-words';

export { phraseAfter } from './phrase-after';
export { isReportingParticiple, isReportingVerb, type SpeakerPhrase } from './phrase-words';

const MAX_DEPTH = 4;

type Before = { phrase: SpeakerPhrase; from: number } | null;

/** Words between a subject and its verb: auxiliaries, -ly adverbs (not "family", "ally"), time words, "on". */
function isBetweenSubjectAndVerb(tokens: readonly Token[], i: number, end: number): boolean {
  const t = tokens[i];
  const l = lc(t);
  const lower = !isCapitalised(t.text);
  return (
    (AUXILIARIES.has(t.text) && lower) ||
    (/ly$/.test(l) && lower && l.length > 4 && !isPhraseWord(t.text)) ||
    DAYS.test(l) ||
    (l === 'on' && i < end - 1)
  );
}

/**
 * The subject that ends right before index `end` (exclusive), skipping auxiliaries, adverbs and
 * time words between it and the verb. `from` is the index where the phrase starts.
 */
export function phraseBefore(tokens: readonly Token[], end: number, depth = 0): Before {
  // Appositives and brackets recurse leftwards; a few levels cover real prose, and the cap keeps a
  // run of commas ("a, b, c, …, said") from walking back through the whole sentence.
  if (depth > MAX_DEPTH) return null;
  let i = end - 1;
  while (i >= 0 && isBetweenSubjectAndVerb(tokens, i, end)) i--;
  if (i < 0) return null;
  if (tokens[i].text === ',') return subjectBeforeComma(tokens, i, depth);
  if (/^[\u2014\u2013]$/.test(tokens[i].text)) return subjectBeforeDashes(tokens, i, depth);
  if (tokens[i].text === ')') {
    let k = i - 1;
    while (k >= 0 && tokens[k].text !== '(' && i - k <= 8) k--;
    return k > 0 && tokens[k].text === '(' ? phraseBefore(tokens, k, depth + 1) : null;
  }
  const pronoun = pronounOf(tokens[i]);
  if (pronoun && (i === 0 || !isNameLike(tokens[i - 1].text) || isPunct(tokens[i - 1]))) {
    return { phrase: { kind: 'pronoun', word: pronoun }, from: i };
  }
  // "Trump, who has called the pact “insanity”": a relative pronoun's speaker is the name before it.
  if (lc(tokens[i]) === 'who' && tokens[i - 1]?.text === ',') {
    const antecedent = phraseBefore(tokens, i - 1, depth + 1);
    return antecedent && antecedent.phrase.kind === 'name' ? antecedent : null;
  }
  const read = readBack(tokens, i, depth);
  const phrase = 'phrase' in read ? read : vouched(read);
  if (!phrase) return null;
  return (
    personFromPlace(tokens, phrase, depth) ??
    spokespersonBefore(tokens, phrase, depth) ??
    adverbialSkipped(tokens, phrase, depth) ??
    participleSkipped(tokens, phrase, depth) ??
    phrase
  );
}

/**
 * Prepositions that open an adverbial between a subject and its verb ("who has in the past described").
 * "after", "before" and "since" also open clauses ("after the man had posted"), so are left out.
 */
const ADVERBIAL_PREPOSITIONS = new Set(['in', 'on', 'during', 'over', 'into', 'through', 'throughout', 'within', 'under']);

/** "Beck, who has in the past described Trump as “…”": a description after a preposition is an adverbial; the subject is before it. */
function adverbialSkipped(tokens: readonly Token[], found: NonNullable<Before>, depth: number): Before {
  if (found.phrase.kind !== 'description' || !ADVERBIAL_PREPOSITIONS.has(lc(tokens[found.from - 1])) || found.from < 2) return null;
  return phraseBefore(tokens, found.from - 1, depth + 1);
}

/** Prepositions of place or company after a participle ("marching through", "standing outside", "waiting with"). */
const PLACE_PREPOSITIONS = new Set(
  'in on at into through throughout outside inside near by along across around behind beside past toward towards under over with from down up'.split(
    ' ',
  ),
);

/**
 * "Protesters marching through the streets chanted “…”", "A man standing near the gate said": the place after a
 * participle is where the subject was, not who spoke; the subject is before the participle.
 */
function participleSkipped(tokens: readonly Token[], found: NonNullable<Before>, depth: number): Before {
  if (found.phrase.kind !== 'description' || found.from < 3 || !PLACE_PREPOSITIONS.has(lc(tokens[found.from - 1]))) return null;
  const participle = tokens[found.from - 2].text;
  if (!/^[a-z]{3,}ing$/.test(participle) || REPORTING_PARTICIPLES.has(participle)) return null;
  const subject = phraseBefore(tokens, found.from - 2, depth + 1);
  return subject && subject.phrase.kind !== 'pronoun' ? subject : null;
}

/** "a spokesman for Globex said": the spokesperson is the speaker, the organisation after "for" the owner. */
function spokespersonBefore(tokens: readonly Token[], found: NonNullable<Before>, depth: number): Before {
  const prep = lc(tokens[found.from - 1]);
  if (found.phrase.kind === 'pronoun' || !/^(for|of|at)$/.test(prep) || !SPEAKS_FOR.has(lc(tokens[found.from - 2]))) return null;
  const role = phraseBefore(tokens, found.from - 1, depth + 1);
  if (!role || role.phrase.kind !== 'description') return null;
  return { phrase: { kind: 'description', words: role.phrase.words, qualifier: [prep, ...found.phrase.words].join(' ') }, from: role.from };
}

/** "Councilwoman Ann Lee from Springfield said": a place is never the speaker; the person before "from" is. */
function personFromPlace(tokens: readonly Token[], found: NonNullable<Before>, depth: number): Before {
  const prep = lc(tokens[found.from - 1]);
  if (found.phrase.kind === 'pronoun' || !/^(from|at)$/.test(prep) || found.from < 2 || !isNameLike(tokens[found.from - 2].text)) return null;
  if (found.phrase.kind === 'description' && !found.phrase.words.some((w) => isCapitalised(w))) return null;
  const owner = phraseBefore(tokens, found.from - 1, depth + 1);
  if (!owner || owner.phrase.kind !== 'name') return null;
  return { phrase: { ...owner.phrase, appositive: [prep, ...found.phrase.words].join(' ') }, from: owner.from };
}

/** "Kellyanne Conway, Trump's campaign manager, said": the appositive gives the role. */
function subjectBeforeComma(tokens: readonly Token[], comma: number, depth: number): Before {
  const opening = clauseOpeningName(tokens, comma);
  if (opening) return opening;
  let k = comma - 1;
  while (k >= 0 && tokens[k].text !== ',' && comma - k <= 30) k--;
  if (k >= 0 && tokens[k].text === ',' && k < comma - 1) {
    const inner = phraseBefore(tokens, k, depth + 1);
    if (inner && inner.phrase.kind === 'name' && !/^(in|of|at|from|for|to|on|with|by)$/i.test(tokens[inner.from - 1]?.text ?? '')) {
      const appositive = tokens
        .slice(k + 1, comma)
        .map((t) => t.text)
        .join(' ');
      return { phrase: { ...inner.phrase, appositive }, from: inner.from };
    }
  }
  // "Gov. John Kasich (R-OH), said": a comma with no appositive before it.
  const bare = phraseBefore(tokens, comma, depth + 1);
  return bare && bare.phrase.kind === 'name' ? (withRoleBefore(tokens, bare) ?? bare) : null;
}

/** "Jason Sims — a teacher from Mount Pleasant — says": the name before a dashed appositive. */
function subjectBeforeDashes(tokens: readonly Token[], dash: number, depth: number): Before {
  let k = dash - 1;
  while (k >= 0 && tokens[k].text !== tokens[dash].text && dash - k <= 15) k--;
  if (k <= 0 || tokens[k].text !== tokens[dash].text) return null;
  const inner = phraseBefore(tokens, k, depth + 1);
  if (!inner || inner.phrase.kind !== 'name') return null;
  return {
    phrase: {
      ...inner.phrase,
      appositive: tokens
        .slice(k + 1, dash)
        .map((t) => t.text)
        .join(' '),
    },
    from: inner.from,
  };
}

/** Words read back from the verb; `loose` counts lower-case words nothing has vouched for yet. */
interface ReadBack {
  words: string[];
  from: number;
  loose: number;
  /** The phrase runs back to the start of the clause (not into another clause's words). */
  atBoundary: boolean;
}

/** Reads the phrase back from index `i`, up to 12 words, stopping at punctuation or a determiner. */
function readBack(tokens: readonly Token[], i: number, depth: number): ReadBack | NonNullable<Before> {
  const r: ReadBack = { words: [], from: i + 1, loose: 0, atBoundary: false };
  for (let k = i; k >= 0 && i - k < 12; k--) {
    const w = tokens[k].text;
    const l = w.toLowerCase();
    if (isPunct(tokens[k])) {
      r.atBoundary = true;
      break;
    }
    if (k === 0) r.atBoundary = true;
    if (DETERMINERS.has(l) && (l !== 'that' || r.words.length > 0)) {
      take(r, tokens, k, false);
      r.loose = 0;
      return ownerBeyondDeterminer(tokens, k, r.words, depth) ?? r;
    }
    if (isNameLike(w)) take(r, tokens, k, false);
    else if (l === 'of' && r.words.length && k > 0 && isCapitalised(tokens[k - 1].text)) take(r, tokens, k, false);
    // "the James Martin Center for Nonproliferation Studies": "for" inside an institution's name.
    else if (l === 'for' && isCapitalised(r.words[0] ?? '') && k > 0 && isOrganisationWord(tokens[k - 1].text)) take(r, tokens, k, false);
    else if (STOP.has(l) || REPORTING_VERBS.has(l) || REPORTING_PARTICIPLES.has(l) || isCapitalised(w)) break;
    else if (isPhraseWord(w)) take(r, tokens, k, false);
    // Other lower-case words only count if a determiner closes the phrase ("the Trump campaign's
    // longtime pollster"); otherwise they belong to the clause before.
    else take(r, tokens, k, true);
  }
  return r;
}

/** Puts token `k` at the front of the phrase read back (a module function: readBack runs for every cue). */
function take(r: ReadBack, tokens: readonly Token[], k: number, loose: boolean): void {
  r.words.unshift(tokens[k].text);
  r.from = k;
  if (loose) r.loose++;
}

/** What lies before a determiner can own the phrase: "a spokesman for the junta", "Mr. Morgan of the Sierra Club". */
function ownerBeyondDeterminer(tokens: readonly Token[], k: number, words: readonly string[], depth: number): Before {
  // "a spokesman for the junta said": the office before "for/of/at" is the head.
  if (/^(for|of|at)$/.test(lc(tokens[k - 1])) && k >= 2 && !isCapitalised(tokens[k - 2].text) && isOfficeWord(tokens[k - 2].text)) {
    const owner = phraseBefore(tokens, k - 1, depth + 1);
    if (owner && owner.phrase.kind === 'description') {
      return { phrase: { kind: 'description', words: owner.phrase.words, qualifier: [tokens[k - 1].text, ...words].join(' ') }, from: owner.from };
    }
  }
  // "Mr. Morgan of the Sierra Club said": keep reading back through "of".
  // ("Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem": any capitalised body after "of the".)
  const body = words.slice(1).every((w) => isCapitalised(w) || w === 'of' || w === 'for');
  if (lc(tokens[k - 1]) === 'of' && k >= 2 && isNameLike(tokens[k - 2].text) && (isOrganisationWord(words[words.length - 1]) || body)) {
    const owner = phraseBefore(tokens, k - 1, depth + 1);
    if (owner && owner.phrase.kind === 'name') {
      return { phrase: { kind: 'name', words: owner.phrase.words, appositive: ['of', ...words].join(' ') }, from: owner.from };
    }
  }
  return null;
}

/** The phrase once loose words are vouched for (by an office after them, a clause start or a determiner) or dropped. */
function vouched({ words, from, loose, atBoundary }: ReadBack): Before {
  // Loose words inside a role ("Senate minority leader Harry Reid") are vouched for by the office after them.
  if (loose > 0 && isCapitalised(words[words.length - 1])) {
    const lastOffice = words.findIndex((w, k) => !isCapitalised(w) && isOfficeWord(w) && words.slice(k + 1).some(isCapitalised));
    if (lastOffice >= 0) {
      loose -= words.slice(0, lastOffice).filter((w) => !isCapitalised(w) && !isPhraseWord(w) && !DETERMINERS.has(w.toLowerCase())).length;
    }
  }
  // "Billionaire entrepreneur Peter Thiel said": a clause-opening phrase that ends in a name.
  if (loose > 0 && atBoundary && isCapitalised(words[words.length - 1]) && words.length <= 8) loose = 0;
  // Drop loose words that no determiner vouched for.
  while (loose > 0 && words.length && !isCapitalised(words[0]) && !isPhraseWord(words[0]) && !DETERMINERS.has(words[0].toLowerCase())) {
    words.shift();
    from++;
    loose--;
  }
  if (loose > 0 && !DETERMINERS.has((words[0] ?? '').toLowerCase())) return null;
  if (words.length === 0) return null;
  return { phrase: classify(words), from };
}

/**
 * "Harry Bond, 30, of Raleigh, N.C., who was polled, said": the name that opens the clause,
 * followed by a comma, with everything up to `comma` as its appositive.
 */
function clauseOpeningName(tokens: readonly Token[], comma: number): { phrase: SpeakerPhrase; from: number } | null {
  let k0 = comma;
  // A full stop right before a comma closes an abbreviation ("of Huntsville, Ala., says"), not a sentence.
  const opensClause = (k: number): boolean => /^[.;:!?\u00a7]$/.test(tokens[k - 1].text) && !(tokens[k - 1].text === '.' && tokens[k]?.text === ',');
  while (k0 > 0 && comma - k0 < 45 && !opensClause(k0)) k0--;
  const starts = [k0];
  for (let k = k0; k < comma; k++) if (tokens[k].text === ',') starts.push(k + 1);
  for (const s of starts) {
    if (s >= comma) break;
    const r = phraseAfter(tokens, s);
    if (!r || r.phrase.kind !== 'name' || tokens[r.to]?.text !== ',' || r.to >= comma) continue;
    if (/^(in|of|at|from|for|to|on|with|by)$/i.test(tokens[s - 1]?.text ?? '')) continue;
    const appositive = tokens
      .slice(r.to + 1, comma)
      .map((t) => t.text)
      .join(' ');
    return { phrase: { ...r.phrase, appositive }, from: s };
  }
  return null;
}

/** "Her campaign manager, Robby Mook, said": a possessive-led description set off before the name is its role. */
function withRoleBefore(tokens: readonly Token[], found: NonNullable<Before>): Before {
  if (found.phrase.kind !== 'name' || tokens[found.from - 1]?.text !== ',') return null;
  let from = found.from - 1;
  while (from > 0 && found.from - from <= 7 && !/^[,.;:!?\u00a7]$/.test(tokens[from - 1].text)) from--;
  const lead = roleBeforeName(tokens, from, found.from - 1);
  return lead ? { phrase: { ...found.phrase, words: [...lead, ...found.phrase.words] }, from } : null;
}

/** "Her campaign manager", "Trump's attorney": a possessive-led description between `from` and the comma `to`. */
function roleBeforeName(tokens: readonly Token[], from: number, to: number): string[] | null {
  const words = tokens.slice(from, to).map((t) => t.text);
  if (words.length < 2 || words.length > 6) return null;
  const owner = /^(his|her|their|its|our)$/i.test(words[0]) || isPossessive(words[0]);
  const rest = words.slice(1);
  if (!owner || !rest.every((w) => /^[a-z-]+$/.test(w)) || !isOfficeWord(rest[rest.length - 1])) return null;
  return words;
}
