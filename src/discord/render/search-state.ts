// Paging state for /search lives in the component's custom id, so buttons keep working after a restart:
// which control, which page, which library version the page came from, and the query (or its hash).
import { LIMITS } from './limits';
import { stripBidiControls } from './text';

export type SearchAction = 'prev' | 'next' | 'open';
const ACTION_CODE: Record<SearchAction, string> = { prev: 'p', next: 'n', open: 'o' };
const CODE_ACTION: Record<string, SearchAction> = { p: 'prev', n: 'next', o: 'open' };

export const SEARCH_PREFIX = 'search';
/** Library versions are shortened: enough to notice a change, short enough to leave room for the query. */
const VERSION_CHARS = 8;

export interface SearchState {
  action: SearchAction;
  page: number;
  version: string;
  /** The query itself when it fitted in the id. */
  query: string | null;
  /** Always present: the hash of the query, to check a query recovered from the message. */
  queryHash: string;
  /** The short hash of the source id the search is narrowed to; null: every source. */
  sourceKey: string | null;
}

/** FNV-1a, 32 bits, base 36: a short stable hash (not for security). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function shortVersion(version: string): string {
  return version.replace(/:/g, '').slice(0, VERSION_CHARS) || '0';
}

/** `sourceKey`: shortHash of the source id the search is narrowed to (the buttons keep the filter). */
export function encodeSearchId(action: SearchAction, page: number, version: string, query: string, sourceKey: string | null = null): string {
  const head = `${SEARCH_PREFIX}:${ACTION_CODE[action]}:${page}:${shortVersion(version)}:${sourceKey ? `@${sourceKey}:` : ''}`;
  const inline = `${head}=${query}`;
  if (inline.length <= LIMITS.customId) return inline;
  // The page's footer, where such a query is read back from, shows it without bidi controls: hash it as shown.
  return `${head}#${shortHash(stripBidiControls(query))}`;
}

export function decodeSearchId(customId: string): SearchState | null {
  // Ids made before the source filter have no `@key:` part; they still work (every source).
  const m = /^search:([pno]):(\d{1,4}):([^:@]+):(?:@([0-9a-z]{1,7}):)?([=#])([\s\S]*)$/.exec(customId);
  if (!m) return null;
  const [, code, page, version, sourceKey, kind, rest] = m;
  const base = { action: CODE_ACTION[code], page: Number(page), version, sourceKey: sourceKey ?? null };
  if (kind === '=') return { ...base, query: rest, queryHash: shortHash(rest) };
  if (!/^[0-9a-z]{1,7}$/.test(rest)) return null;
  return { ...base, query: null, queryHash: rest };
}

/** The marker before the raw query in a search page's footer, where long queries are recovered from. */
export const FOOTER_QUERY_MARK = ' · search: ';

export function queryFromFooter(footer: string | null | undefined): string | null {
  if (!footer) return null;
  const at = footer.lastIndexOf(FOOTER_QUERY_MARK);
  // The footer shows the query with mentions neutralised (a zero-width space after "<" or "@"); undo that.
  return at < 0 ? null : footer.slice(at + FOOTER_QUERY_MARK.length).replace(/([<@])\u200b/g, '$1');
}
