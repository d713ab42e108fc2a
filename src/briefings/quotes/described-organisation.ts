// "Chelsea, the London football club, … a spokesman for the club said": the organisation an article described by a
// common noun, so that "the club" later is Chelsea. Read only when a quote's speaker is "the <noun>".
import { normaliseName } from '../text/names';
import type { Entity, Registry } from './registry';

const NAME = String.raw`((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+)*\p{Lu}[\p{L}\p{N}&.'’-]*)`;

/** "Chelsea, the London football club", "Globex is a chemicals company": the names described by `noun`. */
function describedNames(texts: readonly string[], noun: string): Set<string> {
  const escaped = noun.replace(/[^\p{L}-]/gu, '');
  const pattern = new RegExp(String.raw`${NAME}(?:,|\s+(?:is|was))\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?${escaped}\b`, 'gu');
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(pattern)) names.add(normaliseName(m[1].replace(/^(The|A|An)\s+/, '')));
  return names;
}

/**
 * The organisation "the <noun>" stands for: the one name the article described by that noun, else the one
 * organisation whose name ends in it ("the university" → "Leeds University"). Null when none, or more than one, fits.
 */
export function organisationDescribedAs(noun: string, registry: Registry): Entity | null {
  if (!/^[a-z-]+$/.test(noun)) return null;
  const described = [...describedNames(registry.texts, noun)];
  const named = described.map((n) => registry.resolveName(n)).filter((e): e is Entity => !!e && !(e.kind === 'person' && e.role));
  if (described.length === 1 && named.length === 1) return named[0];
  if (described.length > 0) return null;
  const ending = registry.entities().filter((e) => e.kind === 'organisation' && e.name.toLowerCase().endsWith(` ${noun}`));
  return ending.length === 1 ? ending[0] : null;
}
