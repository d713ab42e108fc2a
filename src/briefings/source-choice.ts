// /search narrowed to one source: the sources a server's library shows, named as people know them (the feed's
// title, else its site's host; "files" for the content folder), and what a user typed or picked, back to a source id.
import { FILES_SOURCE, type SourceCount } from './library-types';

export interface SourceChoice {
  /** What the library filters by: a feed URL, or FILES_SOURCE. */
  id: string;
  /** What a user sees and types: the feed's title, else its host; FILES_SOURCE for the content folder. */
  name: string;
  /** Other names that find it: the host and the URL. */
  aliases: readonly string[];
  articles: number;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The library's sources with names: `titles` maps a feed URL to the feed's own title, when known. */
export function sourceChoices(counts: readonly SourceCount[], titles: ReadonlyMap<string, string | null>): SourceChoice[] {
  return counts.map(({ id, articles }) => {
    if (id === FILES_SOURCE) return { id, name: FILES_SOURCE, aliases: ['folder', 'content folder'], articles };
    const host = hostOf(id);
    const name = titles.get(id)?.trim() || host || id;
    return { id, name, aliases: [host, id].filter((a): a is string => a !== null && a !== name), articles };
  });
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Every name a choice answers to, folded; a URL without its scheme (else "h" would start every feed). */
function namesOf(c: SourceChoice): string[] {
  return [c.id, c.name, ...c.aliases].map((n) => fold(n).replace(/^https?:\/\//, ''));
}

/**
 * The source a user means: its id as picked from autocomplete, or its name, host or URL as typed (case and
 * accents aside; a trailing slash on a URL aside). Null when none or more than one answers to it.
 */
export function resolveSource(typed: string, choices: readonly SourceChoice[]): SourceChoice | null {
  const want = fold(typed)
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  if (!want) return null;
  const exactId = choices.find((c) => c.id === typed.trim());
  if (exactId) return exactId;
  const found = choices.filter((c) => namesOf(c).some((n) => n.replace(/\/+$/, '') === want));
  return found.length === 1 ? found[0] : null;
}

/** Autocomplete: names that start with what was typed first, then names containing it; most articles first within each. */
export function matchSources(typed: string, choices: readonly SourceChoice[], limit: number): SourceChoice[] {
  const want = fold(typed);
  if (!want) return choices.slice(0, limit);
  const starts = choices.filter((c) => namesOf(c).some((n) => n.startsWith(want)));
  const contains = choices.filter((c) => !starts.includes(c) && namesOf(c).some((n) => n.includes(want)));
  return [...starts, ...contains].slice(0, limit);
}
