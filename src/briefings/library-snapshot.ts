// The library's saved record in the store: the search index, the story grouping and when each article was stored,
// one JSON document `{ search, stories, stamps }` kept under the view with the store's change counter and the
// version of the code that built them (indexVersion). The stamps let a restart tell, from headers alone, which
// articles changed since the save (only those are read whole and indexed again).
import { indexVersion } from './analysis-version';
import { viewKey, type ArticleReader, type ArticleView } from './article-store';

export interface SavedLibrary {
  seq: number;
  search: unknown;
  stories?: unknown;
  /** When each saved article was stored; absent in a record saved without them. */
  stamps?: Map<string, string>;
}

/** Saves the parts as one record (a restart restores all or none). */
export async function writeSnapshot(
  reader: ArticleReader,
  view: ArticleView,
  seq: number,
  parts: { search: unknown; stories: unknown; stamps: Map<string, string> },
): Promise<void> {
  const stamps = { ids: [...parts.stamps.keys()], at: [...parts.stamps.values()] };
  const data = Buffer.from(JSON.stringify({ search: parts.search, stories: parts.stories, stamps }), 'utf8');
  await reader.saveSearchSnapshot(viewKey(view), { seq, analysisVersion: indexVersion(), data });
}

function stampsOf(raw: unknown): Map<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { ids, at } = raw as { ids?: unknown; at?: unknown };
  if (!Array.isArray(ids) || !Array.isArray(at) || ids.length !== at.length) return undefined;
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    if (typeof id === 'string' && typeof at[i] === 'string') out.set(id, at[i] as string);
  });
  return out;
}

/**
 * The saved index, stories and stamps, if made by this code (an older record is the index alone).
 * Null when there is none, it is another code's, or it does not parse.
 */
export async function readSnapshot(reader: ArticleReader, view: ArticleView): Promise<SavedLibrary | null> {
  const saved = await reader.loadSearchSnapshot(viewKey(view));
  if (!saved || saved.analysisVersion !== indexVersion()) return null;
  try {
    const parsed = JSON.parse(Buffer.from(saved.data).toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && 'search' in parsed) {
      const all = parsed as { search: unknown; stories?: unknown; stamps?: unknown };
      return { seq: saved.seq, search: all.search, stories: all.stories ?? undefined, stamps: stampsOf(all.stamps) };
    }
    return { seq: saved.seq, search: parsed };
  } catch {
    return null;
  }
}
