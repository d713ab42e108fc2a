// The library's saved record in the store: the search index, the story grouping and when each article was stored,
// kept under the view with the store's change counter and the version of the code that built them (indexVersion).
// The stamps let a restart tell, from headers alone, which articles changed since the save (only those are read
// whole and indexed again). The record is binary: a short header, `{ stories, stamps }` as JSON with the stories'
// typed arrays as binary parts beside it, then the search index's own binary snapshot, which a restart reads in
// place (issue 13: parsing one large JSON document was most of restoring the index at 100,000 articles).
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
const VERSION = 3;
/** Magic, version, JSON length, number of binary parts; then each part's byte length. */
const HEADER = 16;

/** The typed arrays a record keeps as binary parts rather than in its JSON. */
type Part = Int32Array | Float64Array;
interface PartMark {
  $part: number;
  type: 'i32' | 'f64';
}

const align8 = (n: number) => (n + 7) & ~7;

/**
 * Header, the part lengths, the JSON of `rest` with each typed array in it replaced by a mark naming its binary part,
 * the binary parts (each at a multiple of 8 bytes), the search index. A restart reads the typed arrays in place:
 * no base64, no JSON to scan through them (issue 13: 117 MB of JSON at 100,000 articles).
 */
export function encodeRecord(search: Uint8Array, rest: unknown): Uint8Array {
  const parts: Part[] = [];
  const text = JSON.stringify(rest ?? null, (_key, value: unknown) => {
    if (!(value instanceof Int32Array) && !(value instanceof Float64Array)) return value;
    const mark: PartMark = { $part: parts.push(value) - 1, type: value instanceof Float64Array ? 'f64' : 'i32' };
    return mark;
  });
  const json = Buffer.from(text, 'utf8');
  let at = align8(HEADER + 4 * parts.length + json.length);
  const starts = parts.map((p) => {
    const start = at;
    at = align8(at + p.byteLength);
    return start;
  });
  const out = new Uint8Array(at + search.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.length, true);
  view.setUint32(12, parts.length, true);
  parts.forEach((p, i) => {
    view.setUint32(HEADER + 4 * i, p.byteLength, true);
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), starts[i]);
  });
  out.set(json, HEADER + 4 * parts.length);
  out.set(search, at);
  return out;
}

/**
 * A part as a typed array of its own (a copy: see decodeRecord). Not `bytes.slice()`: the store hands the record over
 * as a Node Buffer, whose slice is a view, so every part kept the whole record (its JSON too) alive. `inPlace` (a
 * one-shot open, whose process ends before the record could be let go): a view over the record where it is aligned.
 */
function typedPart(bytes: Uint8Array, type: unknown, inPlace: boolean): Part {
  const size = type === 'f64' ? 8 : type === 'i32' ? 4 : 0;
  if (!size || bytes.byteLength % size) throw new Error('record part does not add up');
  const own = inPlace && bytes.byteOffset % size === 0 ? bytes : new Uint8Array(bytes);
  return size === 8
    ? new Float64Array(own.buffer, own.byteOffset, own.byteLength / 8)
    : new Int32Array(own.buffer, own.byteOffset, own.byteLength / 4);
}

/** The parsed JSON with each part's mark replaced by its typed array (arrays of plain values are only looked over). */
function revive(value: unknown, parts: readonly Uint8Array[], inPlace: boolean): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (value[i] !== null && typeof value[i] === 'object') value[i] = revive(value[i], parts, inPlace);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (typeof o.$part === 'number') {
    const bytes = parts[o.$part];
    if (!bytes) throw new Error('record part missing');
    return typedPart(bytes, o.type, inPlace);
  }
  for (const key of Object.keys(o)) o[key] = revive(o[key], parts, inPlace);
  return o;
}

/** The two parts of a record, or null when it is not one of this version. `inPlace`: see typedPart. */
export function decodeRecord(data: Uint8Array, inPlace = false): { search: Uint8Array; rest: unknown } | null {
  if (data.byteLength < HEADER) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return null;
  const jsonLength = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const jsonAt = HEADER + 4 * count;
  if (jsonAt + jsonLength > data.byteLength) return null;
  let at = align8(jsonAt + jsonLength);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(HEADER + 4 * i, true);
    if (at + length > data.byteLength) return null;
    parts.push(data.subarray(at, at + length));
    at = align8(at + length);
  }
  if (at > data.byteLength) return null;
  const text = Buffer.from(data.buffer, data.byteOffset + jsonAt, jsonLength).toString('utf8');
  // The parts are copied out, and the index copies the columns it keeps (fromBinary), so the record itself is let go
  // once read: kept whole, its JSON and the index's text columns (ids, speakers, words: 16 MB at 100,000 articles,
  // already read into strings) stayed in memory beside them.
  return { rest: revive(JSON.parse(text) as unknown, parts, inPlace), search: data.subarray(at) };
}

/**
 * The stamps as saved: milliseconds in a binary part (an ISO time that prints back the same), the few others as text
 * by position, and the ids only when they are not the stories' own list in the same order (the record would hold
 * 100,000 ids twice, and keep them in memory with the search part it is read in place for).
 */
interface SavedStamps {
  ids?: string[];
  ms: Float64Array;
  text: Record<string, string>;
}

/** The ids of a stories snapshot (the library's own: its `ids` field), if it has them. */
function storyIds(stories: unknown): unknown[] | null {
  const ids = stories && typeof stories === 'object' ? (stories as { ids?: unknown }).ids : undefined;
  return Array.isArray(ids) ? (ids as unknown[]) : null;
}

function saveStamps(stamps: Map<string, string>, stories: unknown): SavedStamps {
  const listed = storyIds(stories);
  const same = listed !== null && listed.length === stamps.size && listed.every((id) => typeof id === 'string' && stamps.has(id));
  const ids = same ? (listed as string[]) : [...stamps.keys()];
  const ms = new Float64Array(ids.length);
  const text: Record<string, string> = {};
  ids.forEach((id, i) => {
    const at = stamps.get(id)!;
    const t = Date.parse(at);
    ms[i] = Number.isFinite(t) && new Date(t).toISOString() === at ? t : NaN;
    if (Number.isNaN(ms[i])) text[i] = at;
  });
  return same ? { ms, text } : { ids, ms, text };
}

/** Saves the parts as one record (a restart restores all or none). */
export async function writeSnapshot(
  reader: ArticleReader,
  view: ArticleView,
  seq: number,
  parts: { search: Uint8Array; stories: unknown; stamps: Map<string, string> },
): Promise<void> {
  const data = encodeRecord(parts.search, { stories: parts.stories, stamps: saveStamps(parts.stamps, parts.stories) });
  await reader.saveSearchSnapshot(viewKey(view), { seq, analysisVersion: indexVersion(), data });
}

function stampsOf(raw: unknown, stories: unknown): Map<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { ids: own, ms, text } = raw as { ids?: unknown; ms?: unknown; text?: unknown };
  const ids = own === undefined ? storyIds(stories) : Array.isArray(own) ? (own as unknown[]) : null;
  if (!ids || !(ms instanceof Float64Array) || ids.length !== ms.length || !text || typeof text !== 'object') return undefined;
  const texts = text as Record<string, unknown>;
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const at = Number.isNaN(ms[i]) ? texts[i] : new Date(ms[i]).toISOString();
    if (typeof id === 'string' && typeof at === 'string') out.set(id, at);
  });
  return out;
}

/**
 * The saved index, stories and stamps, if made by this code. Null when there is none, it is another code's, or it does
 * not parse. `oneShot` (LibraryOptions.oneShot): the stories' typed arrays are read in place (see typedPart).
 */
export async function readSnapshot(reader: ArticleReader, view: ArticleView, oneShot = false): Promise<SavedLibrary | null> {
  const saved = await reader.loadSearchSnapshot(viewKey(view));
  if (!saved || saved.analysisVersion !== indexVersion()) return null;
  try {
    const record = decodeRecord(saved.data, oneShot);
    if (!record) return null;
    const rest = (record.rest ?? {}) as { stories?: unknown; stamps?: unknown };
    return { seq: saved.seq, search: record.search, stories: rest.stories ?? undefined, stamps: stampsOf(rest.stamps, rest.stories) };
  } catch {
    return null;
  }
}
