// Turns a speaker phrase into the entity it names: pronouns go to the speaker in play, names to
// their fullest form in the article, descriptions to the person introduced with that role.
import { genderOf, isGivenName, type Gender } from '../text/gender';
import { isCapitalised, isOfficeWord, isPossessive, normaliseName, splitRoleAndName, stripPossessive } from '../text/names';
import type { SpeakerPhrase } from './phrases';
import { organisationDescribedAs } from './described-organisation';
import { personGender } from './given-names';
import { isGroupName } from './groups';
import { INSTITUTION_NOUNS, PLACES, SPEAKS_FOR } from './lexicon';
import { isOrganisationHead, type Entity, type Registry } from './registry';

/** Who is "in play" for pronouns, updated sentence by sentence. */
export interface Play {
  /** The speaker of the latest quote or reported statement. */
  lastSpeaker: Entity | null;
  /** The latest speaker who is a person. */
  lastPerson: Entity | null;
  /** The person the previous sentence was about (its speaker, or its opening name). */
  prevSubject: Entity | null;
  /** People recently in play (subjects and speakers), most recent first. */
  recent: Entity[];
  /** People the article named most recently (subject or not), most recent first: a last resort. */
  mentioned: Entity[];
}

/**
 * "he"/"she": the person the previous sentence was about, else the latest person speaking, else
 * someone recently in play or named last, skipping anyone whose gender is known to be the other
 * one. (Giving a person of unknown gender the pronoun's gender did not help on PolNeAR dev/train.)
 */
function personPronoun(word: 'he' | 'she', play: Play): Entity | null {
  return personInPlay(word === 'he' ? 'm' : 'f', play);
}

/** The person in play, skipping anyone whose gender is known to be other than `want` (null: any). */
function personInPlay(want: Gender | null, play: Play): Entity | null {
  const first = play.prevSubject && play.prevSubject.kind !== 'organisation' ? play.prevSubject : play.lastPerson;
  const candidates = [first, play.lastPerson, ...play.recent, ...play.mentioned];
  const fits = candidates.find((e) => e && e.kind !== 'organisation' && (want === null || personGender(e) === null || e.gender === want)) ?? null;
  return first && want && personGender(first) !== null && first.gender !== want ? fits : (first ?? fits);
}

/**
 * "Rubio spoke in Miami. … “…,” the Florida senator said": a definite description of a person
 * (its head an office or title) that no one was introduced with is, like "he", the person in play.
 */
function describedPersonInPlay(words: readonly string[], play: Play): Entity | null {
  if (!/^the$/i.test(words[0] ?? '') || words.length < 2) return null;
  const head = stripPossessive(words[words.length - 1]);
  if (!isOfficeWord(head) || /^(mr|mrs|ms|dr|sir|state|press|member|voter|supporter|delegate|student|constituent)\.?$/i.test(head)) return null;
  return personInPlay(genderOf(words), play);
}

/** Heads that say only a person's gender ("the older man"). */
const GENDERED_HEADS: Partial<Record<string, Gender>> = { man: 'm', woman: 'f', boy: 'm', girl: 'f', gentleman: 'm', lady: 'f' };

/**
 * "Tom Baker, 72, has lived here for forty years. … “…,” the older man said": a definite "man" or "woman" is the one
 * person in play of that gender; with two who could be meant (or one whose gender is unknown besides) it stays unknown.
 */
function onlyPersonOfGender(words: readonly string[], play: Play): Entity | null {
  const want = GENDERED_HEADS[words[words.length - 1]?.toLowerCase() ?? ''];
  if (!want || !/^the$/i.test(words[0] ?? '')) return null;
  const seen = new Set([play.prevSubject, play.lastPerson, ...play.recent, ...play.mentioned]);
  const fits = [...seen].filter((e) => e && e.kind !== 'organisation' && (personGender(e) === null || e.gender === want));
  return fits.length === 1 && fits[0]?.gender === want ? fits[0] : null;
}

/** Writings whose words are their author's: "the Heritage Foundation website notes", "Hoff’s letter says". */
const WRITINGS = new Set([
  'website',
  'site',
  'statement',
  'report',
  'release',
  'memo',
  'letter',
  'editorial',
  'email',
  'blog',
  'post',
  'column',
  'lawsuit',
  'complaint',
  'filing',
]);

/** Documents that are quoted as sources ("the letter says", "the ad's narrator" is not one). */
const DOCUMENTS = new Set([
  ...WRITINGS,
  'article',
  'piece',
  'book',
  'ad',
  'video',
  'clip',
  'ruling',
  'petition',
  'suit',
  'brief',
  'study',
  'document',
  'tweet',
  'op-ed',
]);

/** "the letter", "The piece": a definite writing alone, no owner named. */
export const isDefiniteWriting = (words: readonly string[]): boolean =>
  words.length === 2 && /^the$/i.test(words[0]) && DOCUMENTS.has(words[1].toLowerCase());

/** A definite writing alone is the source, shown as it is written. */
function writingSource(words: readonly string[], registry: Registry): Entity | null {
  if (!isDefiniteWriting(words)) return null;
  const name = `the ${words[1].toLowerCase()}`;
  const entity = registry.resolveName(name) ?? registry.add({ name, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
  entity.kind = 'organisation';
  return entity;
}

/** "a Microsoft spokesperson" → "Microsoft"; "a Clinton campaign spokesman" → "Clinton campaign". */
function spokespersonOwner(words: readonly string[], heads: ReadonlySet<string> = SPEAKS_FOR): string | null {
  const head = words[words.length - 1]?.toLowerCase() ?? '';
  if (!heads.has(head)) return null;
  const before = words.slice(0, -1).filter((w) => !/^(a|an|the|one|another)$/i.test(w));
  const start = before.findIndex(isCapitalised);
  if (start < 0) return null;
  // The owner runs from its first capitalised word ("Clinton campaign"), possessive dropped.
  const owner = before.slice(start).map((w, k, a) => (k === a.length - 1 ? w.replace(/[’']s$/, '') : w));
  return owner.every((w) => isCapitalised(w) || /^[a-z]+$/.test(w)) ? normaliseName(owner.join(' ')) : null;
}

/** A role written with a short title ("Sen.", "Florida Gov.", "Dr"). */
const ABBREVIATED = /(?:^|\s)(?:\p{L}{1,4}\.|dr|mr|mrs|ms)(?:\s|$)/iu;

/** A courtesy title alone is no role: a role named later replaces it. */
const HONORIFIC = /^(sir|dame|lord|lady|mr|mrs|ms|mx|miss|dr|prof)\.?$/i;

/** "his friend", "Trump's attorney": a possessive-led description before a name, as the role to show. */
function ownedRole(role: string | null): string | null {
  if (!role) return null;
  const words = role.split(/\s+/);
  if (words.length < 2 || words.length > 6 || !(/^(his|her|their|its|our)$/i.test(words[0]) || isPossessive(words[0]))) return null;
  if (isCapitalised(words[words.length - 1])) return null;
  return normaliseName(/^(his|her|their|its|our)$/i.test(words[0]) ? words.slice(1).join(' ') : role);
}

/** Words that end a clause or link it to the name, never part of a role ("said that Ben Carson", "the video shows Trump"). */
const NOT_ROLE_WORDS = new Set(
  'that this these those one another kind sort of as than like and or but so with to for from by in on at who which whose when where shows show met meets says said tells told called calls'.split(
    ' ',
  ),
);

/** Lower-case words before a name, as its role ("veteran comedian"), unless a word in them is not a role's. */
function plainRole(written: string | null): string | null {
  // "a resident named Caroline": the role is "resident".
  const role = written?.replace(/\s+(named|called)$/, '') ?? null;
  if (!role || !/^[a-z][a-z\s-]*$/.test(role)) return null;
  return role.split(/\s+/).some((w) => NOT_ROLE_WORDS.has(w)) ? null : role;
}

/**
 * "a spokesman for Globex", "a spokeswoman for the Health Ministry": the organisation a spokesperson
 * speaks for. A person's spokesperson ("a spokesman for Hillary Clinton") is not that person: null.
 */
function employerAfter(phrase: { words: string[]; qualifier?: string }, registry: Registry): Entity | null {
  const head = (phrase.words[phrase.words.length - 1] ?? '').toLowerCase();
  const m = /^(?:for|of|at)\s+(.+)$/i.exec(phrase.qualifier ?? '');
  if (!m || !SPEAKS_FOR.has(head)) return null;
  const owner = m[1].replace(/^(the|a|an)\s+/i, '').replace(/[’']s$/, '');
  const words = owner.split(/\s+/);
  if (isCapitalised(words[0])) {
    const name = normaliseName(owner);
    const known = registry.resolveName(name);
    // "a spokesperson for Tata Motors": two capitalised words are only taken for a person's name; nothing
    // (a given name, a gender, a role) shows this one is a person, so it is the organisation the spokesperson speaks for.
    if (known && known.kind === 'person' && (known.gender || known.role || words.length === 1 || isGivenName(words[0]))) return null;
    const entity = known ?? registry.add({ name, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
    if (entity.kind !== 'organisation') entity.kind = 'organisation';
    return entity;
  }
  // "a spokesman for the club", after "Chelsea, the London football club": the organisation described so.
  const described = words.length === 1 ? organisationDescribedAs(words[0], registry) : null;
  if (described) {
    described.kind = 'organisation';
    return described;
  }
  if (!isOrganisationHead(words[words.length - 1])) return null;
  const name = registry.organisationFullForm(owner) ?? `the ${owner}`;
  const entity = registry.resolveName(name) ?? registry.add({ name, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
  entity.kind = 'organisation';
  return entity;
}

/** An entity and the role to show with this quote; `described` when the role is what this sentence calls them. */
export interface Resolved {
  entity: Entity | null;
  role: string | null;
  described?: boolean;
}

export function resolve(phrase: SpeakerPhrase, registry: Registry, play: Play): Entity | null {
  return resolveWithRole(phrase, registry, play).entity;
}

/** Turns a speaker phrase into an entity; a description that points at nobody keeps its words as the role. */
export function resolveWithRole(phrase: SpeakerPhrase, registry: Registry, play: Play): Resolved {
  switch (phrase.kind) {
    case 'pronoun': {
      if (phrase.word === 'he' || phrase.word === 'she') {
        const e = personPronoun(phrase.word, play);
        // "Jordan Lee … she said": the pronoun tells the gender the name did not, for later pronouns.
        if (e && e === play.prevSubject && e.gender === null && e.kind === 'person') e.gender = phrase.word === 'he' ? 'm' : 'f';
        return { entity: e, role: e?.role ?? null };
      }
      if (phrase.word === 'they' || phrase.word === 'it' || phrase.word === 'we') {
        const e = play.prevSubject?.kind === 'organisation' ? play.prevSubject : play.lastSpeaker?.kind === 'organisation' ? play.lastSpeaker : null;
        return { entity: e, role: e?.role ?? null };
      }
      return { entity: null, role: null };
    }
    case 'name': {
      // "The Republican is also encouraging …": a party member described, like "the senator", is the person in play.
      if (phrase.words.length === 2 && /^the$/i.test(phrase.words[0]) && /^(republican|democrat|libertarian)$/i.test(phrase.words[1])) {
        const inPlay = personInPlay(null, play);
        return { entity: inPlay, role: phrase.words[1], described: !!inPlay };
      }
      const parts = splitRoleAndName(phrase.words);
      // "King says": a lone office word is a surname when the article named someone so ("Billie Jean King").
      if (!parts) {
        const known = phrase.words.length === 1 ? registry.resolveName(stripPossessive(phrase.words[0])) : null;
        return known && known.kind === 'person' ? { entity: known, role: known.role } : { entity: null, role: null };
      }
      // A lone capitalised word only ever seen opening sentences is not a name ("Moreover").
      if (phrase.words.length === 1 && !registry.isKnownWord(phrase.words[0])) return { entity: null, role: null };
      const entity = registry.resolveName(parts.name) ?? registry.add(parts, Number.MAX_SAFE_INTEGER);
      const lead = phrase.words[0]?.toLowerCase();
      if (entity.kind === 'organisation' && lead === 'the' && parts.name.split(' ').length === 1 && !entity.name.startsWith('the ')) {
        entity.name = `the ${entity.name}`;
      }
      if (!entity.role && phrase.appositive && phrase.appositive.split(/\s+/).some(isOfficeWord)) {
        entity.role = normaliseName(phrase.appositive.replace(/^(the|a|an)\s+/i, ''));
      }
      // "his friend Mahamat Oumar", "Trump's attorney, Alan Garten,": the words before the name are the role.
      const before = ownedRole(parts.role) ?? plainRole(parts.role);
      if ((!entity.role || HONORIFIC.test(entity.role)) && before) entity.role = before;
      // A place is never a person: when it speaks, its government does ("China said"). "The New Yorker", "The Hill":
      // a name written after "the" (with no title such as "the Rev.") is an outlet or an institution.
      const institution = lead === 'the' && !parts.role && !HONORIFIC.test(phrase.words[1] ?? '');
      if (entity.kind === 'unknown') entity.kind = PLACES.has(entity.name.toLowerCase()) || institution ? 'organisation' : 'person';
      // "Young Latinos make up a third of the town": a group speaks as one, and is never "he" or "she".
      if (entity.kind === 'person' && !parts.role && isGroupName(entity.name)) entity.kind = 'organisation';
      // A title or gendered role ("widow Terry Strada", "Mrs") says more than a given name read earlier.
      const titled = parts.role ? genderOf(parts.role.split(' ')) : null;
      if (entity.kind === 'person' && (titled || !entity.gender)) entity.gender = titled ?? genderOf(phrase.words, parts.name.split(' ')[0]);
      return { entity, role: entity.role };
    }
    case 'description':
      return resolveDescribed(phrase, registry, play);
  }
}

/** A description: an institution, a spokesperson's employer, a writing's author, or the person introduced with that role. */
function resolveDescribed(phrase: Extract<SpeakerPhrase, { kind: 'description' }>, registry: Registry, play: Play): Resolved {
  const text = normaliseName([...phrase.words, phrase.qualifier ?? ''].join(' '));
  const head = phrase.words[phrase.words.length - 1];
  // "the former secretary of state": an office of an institution is a person, not the institution.
  const officeOf = officeBeforeOf(phrase.words);
  if (officeOf) return resolvePersonDescribed(officeOf, text, registry, play);
  // "Chelsea, the London football club, … the club said": the institution the article described so.
  const described = definiteInstitution(phrase, registry);
  if (described) return { entity: described, role: null };
  if (isOrganisationHead(head)) {
    const full = registry.organisationFullForm(text);
    const name = full ?? text.replace(/^The\b/, 'the');
    const entity = registry.resolveName(name) ?? registry.add({ name, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
    entity.kind = 'organisation';
    return { entity, role: null };
  }
  // "a spokeswoman for the Health Ministry said": the organisation after the role speaks.
  const employer = employerAfter(phrase, registry);
  if (employer) return { entity: employer, role: normaliseName(head) };
  // "a Microsoft spokesperson said": the spokesperson speaks for the organisation named before the role.
  const owner = spokespersonOwner(phrase.words);
  if (owner) {
    const entity = registry.resolveName(owner) ?? registry.add({ name: owner, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
    if (entity.kind === 'unknown') entity.kind = 'organisation';
    return { entity, role: normaliseName(head) };
  }
  // "the Heritage Foundation website notes", "Hoff’s letter says": the author speaks, a person if the article named one.
  const author = spokespersonOwner(phrase.words, WRITINGS);
  if (author) {
    const known = registry.resolveName(author);
    const entity = known ?? registry.add({ name: author, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
    if (entity.kind === 'unknown') entity.kind = 'organisation';
    return { entity, role: entity.role };
  }
  return resolvePersonDescribed(phrase.words, text, registry, play);
}

/** "the club", "the university": the organisation the article described by that noun, when just one fits. */
function definiteInstitution(phrase: { words: string[]; qualifier?: string }, registry: Registry): Entity | null {
  const [the, noun] = phrase.words;
  if (phrase.words.length !== 2 || phrase.qualifier || !/^the$/i.test(the)) return null;
  const l = noun.toLowerCase();
  // An institution head ("the agency", "the company") is shown as written, or in its full form, as before.
  if (!INSTITUTION_NOUNS.has(l)) return null;
  const e = organisationDescribedAs(l, registry);
  if (e) e.kind = 'organisation';
  return e;
}

/** "the secretary of state", "the chair of the DNC": the words up to the office, when an office comes right before "of". */
function officeBeforeOf(words: readonly string[]): string[] | null {
  const of = words.findIndex((w, k) => k > 0 && w.toLowerCase() === 'of');
  return of > 0 && !isCapitalised(words[of - 1]) && isOfficeWord(words[of - 1]) ? words.slice(0, of) : null;
}

/** A description of a person: the one introduced with that role, or the person in play, else unknown with the role. */
function resolvePersonDescribed(words: readonly string[], text: string, registry: Registry, play: Play): Resolved {
  // "a spokesman for the junta" introduces someone new: only definite descriptions point back.
  const indefinite = /^(a|an|one|another|some)$/i.test(words[0] ?? '');
  const described = text.replace(/^(The|the|a|A|an|An)\s+/, '');
  if (indefinite) return { entity: null, role: described };
  // "the article closes with", "the letter says": a writing the article has been about speaks as itself.
  const writing = writingSource(words, registry);
  if (writing) return { entity: writing, role: null };
  const introduced = registry.resolveDescription(words);
  // "the researcher said": the person introduced as one. Their role is shown unless it is only a
  // short title ("Sen."): then what this sentence calls them ("the Vermont senator") says more.
  if (introduced && introduced.role && !ABBREVIATED.test(introduced.role)) return { entity: introduced, role: introduced.role };
  if (introduced) return { entity: introduced, role: described, described: true };
  // The person in play is called what the sentence calls them.
  const inPlay = describedPersonInPlay(words, play) ?? onlyPersonOfGender(words, play);
  return { entity: inPlay, role: described, described: !!inPlay };
}
