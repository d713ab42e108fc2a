// Short answers of /brief and /search that are not a result page: our words, with the user's input made safe.
import { FILES_SOURCE } from '../../briefings';
import type { Choice } from './choices';
import { renderChoices } from './choices';
import { LIMITS } from './limits';
import type { RenderedMessage } from './message';
import { renderNotice } from './notice';
import { safeMarkdown, truncateWords } from './text';

/** /brief article: nothing in the library has that title. */
export function renderNoArticleMatch(wanted: string): RenderedMessage {
  const shown = truncateWords(safeMarkdown(wanted), 200);
  return renderNotice(`No article matches “${shown}”. Start typing in **article** to pick one by title.`);
}

export const SEARCH_CHANGED_NOTICE = 'The library has changed since these results were shown, so here is a fresh first page.';
const SEARCH_STALE_NOTICE = 'This search is too old for me to read any more — please run **/search** again.';

/** /search with only spaces in the query and no source. */
export function renderEmptySearch(): RenderedMessage {
  return renderNotice('Give me some words to search for, e.g. **/search query:** ceasefire talks, or a **source** to list.');
}

/** /search source: that names no source this server's library shows. */
export function renderNoSuchSearchSource(typed: string): RenderedMessage {
  const shown = truncateWords(safeMarkdown(typed), 200);
  return renderNotice(
    `No source here is called “${shown}”. Start typing in **source** to pick one, or see this server's feeds with **/sources list** (the content folder is **files**).`,
  );
}

/** /search source autocomplete: each source by name with how many articles it has; the value is what the command resolves. */
export function renderSourceChoices(sources: readonly { id: string; name: string; articles: number }[]): Choice[] {
  return renderChoices(
    sources.map((s) => ({
      name: `${s.id === FILES_SOURCE ? `${s.name} (the content folder)` : s.name} · ${s.articles} article${s.articles === 1 ? '' : 's'}`,
      // A feed URL too long for a choice value is picked by its name instead.
      value: s.id.length <= LIMITS.choiceText ? s.id : s.name,
    })),
  );
}

/** A /search button whose query can no longer be read back. */
export function renderStaleSearch(): RenderedMessage {
  return renderNotice(SEARCH_STALE_NOTICE);
}

/** The article picked from a /search menu is gone. */
export function renderArticleGone(): RenderedMessage {
  return renderNotice('That article is no longer in the library — run **/search** again for fresh results.');
}

/** How many library suggestions /search autocomplete asks for: one choice is kept for the typed words. */
export const SEARCH_TITLE_SUGGESTIONS = LIMITS.autocompleteChoices - 1;

/** /search autocomplete: the words as typed first, then matching titles (each searches for its title). */
export function renderSearchChoices(typed: string, titles: readonly string[]): Choice[] {
  const own = typed ? [{ name: `Search for “${typed}”`, value: typed }] : [];
  return renderChoices([...own, ...titles.map((t) => ({ name: t, value: t }))]);
}
