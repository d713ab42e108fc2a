// The index snapshot as one binary blob: every column laid down as it sits in memory (4-byte aligned),
// so a restore takes typed-array views over the saved bytes instead of decoding base64 and varints and
// rebuilding arrays (issue 13: restoring the JSON form was most of a 100,000-article restart).
import type { PostingsSnapshot } from './postings';
import type { SnapshotParts } from './snapshot';

const MAGIC = 0x49534242; // "BBSI", little-endian
/** 2: posting lists' document numbers packed to 16 bits (low bits, plus where each list's high part changes). */
export const BINARY_VERSION = 2;

const enum Kind {
  Null = 0,
  Int32 = 1,
  Bytes = 2,
  Text = 3,
  Uint16 = 4,
}

type Column = Int32Array | Uint16Array | Uint8Array | string | null;

const pad4 = (n: number): number => (n + 3) & ~3;

function columns(p: SnapshotParts): Column[] {
  const postings = (s: PostingsSnapshot): Column[] => [s.offsets, s.low, s.starts, s.highs, s.weights];
  const a = p.articles;
  const q = p.quotes;
  const v = p.vocab;
  return [
    v.terms,
    v.sorted,
    v.bigramCodes,
    v.bigramOffsets,
    v.bigramIds,
    JSON.stringify(a.ids),
    a.lengths,
    a.titleLengths,
    a.df,
    ...postings(a.body),
    ...postings(a.titles),
    q.quoteDocs,
    q.quoteIndexes,
    q.lengths,
    q.df,
    ...postings(q.words),
    JSON.stringify(q.speakers),
    q.quoteSpeakers,
    ...postings(q.speakerWords),
    p.fingerprints,
    Int32Array.from(p.titleOrder),
    Int32Array.from(p.speakerOrder),
  ];
}

function asBytes(c: Column): { kind: Kind; bytes: Uint8Array } {
  if (c === null) return { kind: Kind.Null, bytes: new Uint8Array(0) };
  if (typeof c === 'string') return { kind: Kind.Text, bytes: Buffer.from(c, 'utf8') };
  const bytes = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  return { kind: c instanceof Int32Array ? Kind.Int32 : c instanceof Uint16Array ? Kind.Uint16 : Kind.Bytes, bytes };
}

/** The snapshot as bytes: a header, then per column its kind, byte length and data, each 4-byte aligned. */
export function encodeBinary(p: SnapshotParts): Uint8Array {
  const cols = columns(p).map(asBytes);
  const size = 12 + cols.reduce((s, c) => s + 8 + pad4(c.bytes.byteLength), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, BINARY_VERSION, true);
  view.setUint32(8, cols.length, true);
  let at = 12;
  for (const c of cols) {
    view.setUint32(at, c.kind, true);
    view.setUint32(at + 4, c.bytes.byteLength, true);
    out.set(c.bytes, at + 8);
    at += 8 + pad4(c.bytes.byteLength);
  }
  return out;
}

/** The bytes in a buffer of their own (any alignment in, 8-byte aligned out). */
const own = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/**
 * Reads columns back in order. Each Int32, Uint16 and byte column is copied into a buffer of its own: views would
 * keep the whole blob alive, and with it the text columns (ids, speakers, words) that are read into strings once
 * (16 MB at 100,000 articles, with the record around the blob), and any record the blob sits in.
 */
class ColumnReader {
  private at = 12;
  private readonly view: DataView;
  /** inPlace: views over `bytes` where aligned (a one-shot process, gone before the copies would pay off). */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly inPlace = false,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private next(expected: Kind, nullable = false): Uint8Array | null {
    if (this.at + 8 > this.bytes.byteLength) throw new Error('search snapshot: truncated');
    const kind = this.view.getUint32(this.at, true) as Kind;
    const length = this.view.getUint32(this.at + 4, true);
    const start = this.at + 8;
    if (start + length > this.bytes.byteLength) throw new Error('search snapshot: truncated column');
    this.at = start + pad4(length);
    if (kind === Kind.Null && nullable) return null;
    if (kind !== expected) throw new Error(`search snapshot: column kind ${kind}, expected ${expected}`);
    return this.bytes.subarray(start, start + length);
  }

  int32(): Int32Array {
    const b = this.next(Kind.Int32)!;
    if (b.byteLength % 4 !== 0) throw new Error('search snapshot: int32 column of odd length');
    return this.inPlace && b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Int32Array(own(b).buffer);
  }
  uint16(): Uint16Array {
    const b = this.next(Kind.Uint16)!;
    if (b.byteLength % 2 !== 0) throw new Error('search snapshot: uint16 column of odd length');
    return this.inPlace && b.byteOffset % 2 === 0 ? new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2) : new Uint16Array(own(b).buffer);
  }
  bytesOrNull(): Uint8Array | null {
    const b = this.next(Kind.Bytes, true);
    return b && (this.inPlace ? b : own(b));
  }
  text(): string {
    const b = this.next(Kind.Text)!;
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  }
  postings(): PostingsSnapshot {
    const offsets = this.int32();
    const low = this.uint16();
    const starts = this.int32();
    const highs = this.int32();
    const weights = this.bytesOrNull();
    if (offsets.length === 0 || offsets[offsets.length - 1] !== low.length) throw new Error('search snapshot: posting offsets do not match');
    if (weights && weights.length !== low.length) throw new Error('search snapshot: weights do not match postings');
    return { offsets, low, starts, highs, weights };
  }
}

/** True when `bytes` starts like a binary snapshot (any version). */
export function isBinarySnapshot(bytes: unknown): bytes is Uint8Array {
  return bytes instanceof Uint8Array && bytes.byteLength >= 12 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC;
}

/**
 * Throws when `bytes` is not a binary snapshot of this version (callers then rebuild). Keeps no view over `bytes`,
 * unless `inPlace`.
 */
export function decodeBinary(bytes: Uint8Array, inPlace = false): SnapshotParts {
  if (!isBinarySnapshot(bytes)) throw new Error('not a briefbot binary search snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) !== BINARY_VERSION) throw new Error('search snapshot: another version');
  const r = new ColumnReader(bytes, inPlace);
  const vocab = { terms: r.text(), sorted: r.int32(), bigramCodes: r.int32(), bigramOffsets: r.int32(), bigramIds: r.int32() };
  const ids = JSON.parse(r.text()) as (string | null)[];
  const articles = { ids, lengths: r.int32(), titleLengths: r.int32(), df: r.int32(), body: r.postings(), titles: r.postings() };
  const quoteDocs = r.int32();
  const quoteIndexes = r.int32();
  const lengths = r.int32();
  const df = r.int32();
  const words = r.postings();
  const speakers = JSON.parse(r.text()) as string[];
  const quotes = { quoteDocs, quoteIndexes, lengths, df, words, speakers, quoteSpeakers: r.int32(), speakerWords: r.postings() };
  const fingerprints = r.int32();
  const titleOrder = Array.from(r.int32());
  const speakerOrder = Array.from(r.int32());
  return { vocab, articles, quotes, fingerprints, titleOrder, speakerOrder };
}
