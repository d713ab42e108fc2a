// Short answers of /brief and /search that are not a result page: our words, with the user's input made safe.
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

/** /search with only spaces in the query. */
export function renderEmptySearch(): RenderedMessage {
  return renderNotice('Give me some words to search for, e.g. **/search query:** ceasefire talks.');
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
