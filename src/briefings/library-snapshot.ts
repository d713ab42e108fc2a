// The library's saved record in the store: the search index and the story grouping, one JSON document
// `{ search, stories }` kept under the view with the store's change counter and the version of the code that built them (indexVersion).
import { indexVersion } from './analysis-version';
import { viewKey, type ArticleReader, type ArticleView } from './article-store';

export interface SavedLibrary {
  seq: number;
  search: unknown;
  stories?: unknown;
}

/** Saves both parts as one record (a restart restores both or neither). */
export async function writeSnapshot(
  reader: ArticleReader,
  view: ArticleView,
  seq: number,
  parts: { search: unknown; stories: unknown },
): Promise<void> {
  const data = Buffer.from(JSON.stringify(parts), 'utf8');
  await reader.saveSearchSnapshot(viewKey(view), { seq, analysisVersion: indexVersion(), data });
}

/**
 * The saved index and stories, if made by this code (an older record is the index alone).
 * Null when there is none, it is another code's, or it does not parse.
 */
export async function readSnapshot(reader: ArticleReader, view: ArticleView): Promise<SavedLibrary | null> {
  const saved = await reader.loadSearchSnapshot(viewKey(view));
  if (!saved || saved.analysisVersion !== indexVersion()) return null;
  try {
    const parsed = JSON.parse(Buffer.from(saved.data).toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && 'search' in parsed) {
      const both = parsed as { search: unknown; stories?: unknown };
      return { seq: saved.seq, search: both.search, stories: both.stories ?? undefined };
    }
    return { seq: saved.seq, search: parsed };
  } catch {
    return null;
  }
}
