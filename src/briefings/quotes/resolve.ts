// Turns a speaker phrase into the entity it names: pronouns go to the speaker in play, names to
// their fullest form in the article, descriptions to the person introduced with that role.
import { isOfficeWord, normaliseName, splitRoleAndName } from '../text/names';
import type { SpeakerPhrase } from './phrases';
import { isOrganisationHead, type Entity, type Registry } from './registry';

/** Who is "in play" for pronouns, updated sentence by sentence. */
export interface Play {
  /** The speaker of the latest quote or reported statement. */
  lastSpeaker: Entity | null;
  /** The latest speaker who is a person. */
  lastPerson: Entity | null;
  /** The person the previous sentence was about (its speaker, or its opening name). */
  prevSubject: Entity | null;
}

export function resolve(phrase: SpeakerPhrase, registry: Registry, play: Play): Entity | null {
  return resolveWithRole(phrase, registry, play).entity;
}

/** Turns a speaker phrase into an entity; a description that points at nobody keeps its words as the role. */
export function resolveWithRole(phrase: SpeakerPhrase, registry: Registry, play: Play): { entity: Entity | null; role: string | null } {
  switch (phrase.kind) {
    case 'pronoun': {
      if (phrase.word === 'he' || phrase.word === 'she') {
        const e = play.prevSubject && play.prevSubject.kind !== 'organisation' ? play.prevSubject : play.lastPerson;
        return { entity: e, role: e?.role ?? null };
      }
      if (phrase.word === 'they' || phrase.word === 'it' || phrase.word === 'we') {
        const e = play.prevSubject?.kind === 'organisation' ? play.prevSubject : play.lastSpeaker?.kind === 'organisation' ? play.lastSpeaker : null;
        return { entity: e, role: e?.role ?? null };
      }
      return { entity: null, role: null };
    }
    case 'name': {
      const parts = splitRoleAndName(phrase.words);
      if (!parts) return { entity: null, role: null };
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
      if (entity.kind === 'unknown') entity.kind = 'person';
      return { entity, role: entity.role };
    }
    case 'description': {
      const text = normaliseName([...phrase.words, phrase.qualifier ?? ''].join(' '));
      const head = phrase.words[phrase.words.length - 1];
      if (isOrganisationHead(head)) {
        const full = registry.organisationFullForm(text);
        const name = full ?? text.replace(/^The\b/, 'the');
        const entity = registry.resolveName(name) ?? registry.add({ name, role: null, kind: 'organisation' }, Number.MAX_SAFE_INTEGER);
        entity.kind = 'organisation';
        return { entity, role: null };
      }
      // "a spokesman for the junta" introduces someone new: only definite descriptions point back.
      const indefinite = /^(a|an|one|another|some)$/i.test(phrase.words[0] ?? '');
      const entity = indefinite ? null : registry.resolveDescription(phrase.words);
      return { entity, role: entity?.role ?? text.replace(/^(The|the|a|A|an|An)\s+/, '') };
    }
  }
}
