// The library's saved record in the store: the search index, the story grouping and when each article was stored,
// kept under the view with the store's change counter and the version of the code that built them (indexVersion).
// The stamps let a restart tell, from headers alone, which articles changed since the save (only those are read
// whole and indexed again). The record is binary: a short header, `{ stories, stamps }` as JSON, then the search
// index's own binary snapshot, which a restart reads in place (issue 13: parsing one large JSON document was most
// of restoring the index at 100,000 articles).
import { indexVersion } from './analysis-version';
import { viewKey, type ArticleReader, type ArticleView } from './article-store';

export interface SavedLibrary {
  seq: number;
  /** The search index as SearchIndex.toBinary made it. */
  search: Uint8Array;
  stories?: unknown;
  /** When each saved article was stored; absent in a record saved without them. */
  stamps?: Map<string, string>;
}

const MAGIC = 0x524c4242; // "BBLR", little-endian
const VERSION = 1;
const HEADER = 12;

/** Header (magic, version, JSON length), the JSON part, padding to 4 bytes, the search index. */
export function encodeRecord(search: Uint8Array, rest: unknown): Uint8Array {
  const json = Buffer.from(JSON.stringify(rest ?? null), 'utf8');
  const searchAt = (HEADER + json.length + 3) & ~3;
  const out = new Uint8Array(searchAt + search.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, HEADER);
  out.set(search, searchAt);
  return out;
}

/** The two parts of a record, or null when it is not one of this version. */
export function decodeRecord(data: Uint8Array): { search: Uint8Array; rest: unknown } | null {
  if (data.byteLength < HEADER) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return null;
  const jsonLength = view.getUint32(8, true);
  const searchAt = (HEADER + jsonLength + 3) & ~3;
  if (searchAt > data.byteLength) return null;
  const text = Buffer.from(data.buffer, data.byteOffset + HEADER, jsonLength).toString('utf8');
  // The search part gets its own aligned copy: the index keeps views over it, not over the whole record.
  return { rest: JSON.parse(text) as unknown, search: data.slice(searchAt) };
}

/** Saves the parts as one record (a restart restores all or none). */
export async function writeSnapshot(
  reader: ArticleReader,
  view: ArticleView,
  seq: number,
  parts: { search: Uint8Array; stories: unknown; stamps: Map<string, string> },
): Promise<void> {
  const stamps = { ids: [...parts.stamps.keys()], at: [...parts.stamps.values()] };
  const data = encodeRecord(parts.search, { stories: parts.stories, stamps });
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

/** The saved index, stories and stamps, if made by this code. Null when there is none, it is another code's, or it does not parse. */
export async function readSnapshot(reader: ArticleReader, view: ArticleView): Promise<SavedLibrary | null> {
  const saved = await reader.loadSearchSnapshot(viewKey(view));
  if (!saved || saved.analysisVersion !== indexVersion()) return null;
  try {
    const record = decodeRecord(saved.data);
    if (!record) return null;
    const rest = (record.rest ?? {}) as { stories?: unknown; stamps?: unknown };
    return { seq: saved.seq, search: record.search, stories: rest.stories ?? undefined, stamps: stampsOf(rest.stamps) };
  } catch {
    return null;
  }
}
