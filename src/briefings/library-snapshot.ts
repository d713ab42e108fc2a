// The library's saved record in the store: the search index and the story grouping, kept under the view with
// the store's change counter and the version of the code that built them (indexVersion). The record is binary: a short header, the
// stories as JSON, then the search index's own binary snapshot, which a restart reads in place (issue 13:
// parsing one large JSON document was most of a 100,000-article restart).
import { indexVersion } from './analysis-version';
import { viewKey, type ArticleReader, type ArticleView } from './article-store';

export interface SavedLibrary {
  seq: number;
  /** The search index as SearchIndex.toBinary made it. */
  search: Uint8Array;
  stories?: unknown;
}

const MAGIC = 0x524c4242; // "BBLR", little-endian
const VERSION = 1;
const HEADER = 12;

/** Header (magic, version, stories length), the stories JSON, padding to 4 bytes, the search index. */
export function encodeRecord(search: Uint8Array, stories: unknown): Uint8Array {
  const storiesBytes = Buffer.from(JSON.stringify(stories ?? null), 'utf8');
  const searchAt = (HEADER + storiesBytes.length + 3) & ~3;
  const out = new Uint8Array(searchAt + search.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, storiesBytes.length, true);
  out.set(storiesBytes, HEADER);
  out.set(search, searchAt);
  return out;
}

/** The two parts of a record, or null when it is not one of this version. */
export function decodeRecord(data: Uint8Array): { search: Uint8Array; stories: unknown } | null {
  if (data.byteLength < HEADER) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return null;
  const storiesLength = view.getUint32(8, true);
  const searchAt = (HEADER + storiesLength + 3) & ~3;
  if (searchAt > data.byteLength) return null;
  const storiesText = Buffer.from(data.buffer, data.byteOffset + HEADER, storiesLength).toString('utf8');
  // The search part gets its own aligned copy: the index keeps views over it, not over the whole record.
  return { stories: JSON.parse(storiesText) as unknown, search: data.slice(searchAt) };
}

/** Saves both parts as one record (a restart restores both or neither). */
export async function writeSnapshot(
  reader: ArticleReader,
  view: ArticleView,
  seq: number,
  parts: { search: Uint8Array; stories: unknown },
): Promise<void> {
  const data = encodeRecord(parts.search, parts.stories);
  await reader.saveSearchSnapshot(viewKey(view), { seq, analysisVersion: indexVersion(), data });
}

/** The saved index and stories, if made by this code. Null when there is none, it is another code's, or it does not parse. */
export async function readSnapshot(reader: ArticleReader, view: ArticleView): Promise<SavedLibrary | null> {
  const saved = await reader.loadSearchSnapshot(viewKey(view));
  if (!saved || saved.analysisVersion !== indexVersion()) return null;
  try {
    const record = decodeRecord(saved.data);
    if (!record) return null;
    return { seq: saved.seq, search: record.search, stories: record.stories ?? undefined };
  } catch {
    return null;
  }
}
