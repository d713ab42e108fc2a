// The index snapshot as plain JSON: typed arrays as base64 (posting lists as varint gaps).
import type { ArticleIndexSnapshot } from './article-index';
import { base64ToBytes, base64ToInt32, bytesToBase64, decodeSortedLists, encodeSortedLists, int32ToBase64 } from './codec';
import { PackedDocs } from './packed-docs';
import { Postings, type PostingsSnapshot } from './postings';
import type { QuoteIndexSnapshot } from './quote-index';
import type { VocabularySnapshot } from './vocabulary';

export const SNAPSHOT_FORMAT = 'briefbot-search';
export const SNAPSHOT_VERSION = 4;

export interface SnapshotParts {
  vocab: VocabularySnapshot;
  articles: ArticleIndexSnapshot;
  quotes: QuoteIndexSnapshot;
  fingerprints: Int32Array;
  titleOrder: number[];
  speakerOrder: number[];
}

interface EncodedPostings {
  offsets: string;
  docs: string;
  weights: string | null;
}

export interface SearchSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  vocab: { terms: string; sorted: string; bigramCodes: string; bigramOffsets: string; bigramIds: string };
  articles: { ids: string; lengths: string; titleLengths: string; df: string; body: EncodedPostings; titles: EncodedPostings };
  quotes: {
    quoteDocs: string;
    quoteIndexes: string;
    lengths: string;
    df: string;
    words: EncodedPostings;
    speakers: string;
    quoteSpeakers: string;
    speakerWords: EncodedPostings;
  };
  fingerprints: string;
  titleOrder: string;
  speakerOrder: string;
}

function encodePostings(p: PostingsSnapshot): EncodedPostings {
  return {
    offsets: int32ToBase64(p.offsets),
    docs: encodeSortedLists(p.offsets, Postings.unpackedDocs(p)),
    weights: p.weights ? bytesToBase64(p.weights) : null,
  };
}

function decodePostings(e: EncodedPostings): PostingsSnapshot {
  const offsets = base64ToInt32(e.offsets);
  const docs = decodeSortedLists(offsets, e.docs);
  const weights = e.weights === null ? null : base64ToBytes(e.weights);
  if (weights && weights.length !== docs.length) throw new Error('search snapshot: weights do not match postings');
  const { low, starts, highs } = PackedDocs.pack(offsets, docs);
  return { offsets, low, starts, highs, weights };
}

const ints = (xs: number[]) => int32ToBase64(Int32Array.from(xs));

/**
 * Text that may hold any letters, as base64 of its UTF-8: the whole snapshot then stays ASCII,
 * which Node reads from disk about ten times faster than text with a single non-ASCII character.
 */
const asciiText = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fromAsciiText = (text: string) => Buffer.from(text, 'base64').toString('utf8');

export function encodeSnapshot(p: SnapshotParts): SearchSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    vocab: {
      terms: asciiText(p.vocab.terms),
      sorted: int32ToBase64(p.vocab.sorted),
      bigramCodes: int32ToBase64(p.vocab.bigramCodes),
      bigramOffsets: int32ToBase64(p.vocab.bigramOffsets),
      bigramIds: encodeSortedLists(p.vocab.bigramOffsets, p.vocab.bigramIds),
    },
    articles: {
      ids: asciiText(JSON.stringify(p.articles.ids)),
      lengths: int32ToBase64(p.articles.lengths),
      titleLengths: int32ToBase64(p.articles.titleLengths),
      df: int32ToBase64(p.articles.df),
      body: encodePostings(p.articles.body),
      titles: encodePostings(p.articles.titles),
    },
    quotes: {
      quoteDocs: int32ToBase64(p.quotes.quoteDocs),
      quoteIndexes: int32ToBase64(p.quotes.quoteIndexes),
      lengths: int32ToBase64(p.quotes.lengths),
      df: int32ToBase64(p.quotes.df),
      words: encodePostings(p.quotes.words),
      speakers: asciiText(JSON.stringify(p.quotes.speakers)),
      quoteSpeakers: int32ToBase64(p.quotes.quoteSpeakers),
      speakerWords: encodePostings(p.quotes.speakerWords),
    },
    fingerprints: int32ToBase64(p.fingerprints),
    titleOrder: ints(p.titleOrder),
    speakerOrder: ints(p.speakerOrder),
  };
}

function decodeVocabulary(v: SearchSnapshot['vocab']): VocabularySnapshot {
  const bigramOffsets = base64ToInt32(v.bigramOffsets);
  return {
    terms: fromAsciiText(v.terms),
    sorted: base64ToInt32(v.sorted),
    bigramCodes: base64ToInt32(v.bigramCodes),
    bigramOffsets,
    bigramIds: decodeSortedLists(bigramOffsets, v.bigramIds),
  };
}

/** Throws when `data` is not a snapshot of this format and version (callers then rebuild). */
export function decodeSnapshot(data: unknown): SnapshotParts {
  const s = data as SearchSnapshot;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT || s.version !== SNAPSHOT_VERSION) {
    throw new Error('not a briefbot search snapshot of this version');
  }
  const q = s.quotes;
  return {
    vocab: decodeVocabulary(s.vocab),
    articles: {
      ids: JSON.parse(fromAsciiText(s.articles.ids)) as (string | null)[],
      lengths: base64ToInt32(s.articles.lengths),
      titleLengths: base64ToInt32(s.articles.titleLengths),
      df: base64ToInt32(s.articles.df),
      body: decodePostings(s.articles.body),
      titles: decodePostings(s.articles.titles),
    },
    quotes: {
      quoteDocs: base64ToInt32(q.quoteDocs),
      quoteIndexes: base64ToInt32(q.quoteIndexes),
      lengths: base64ToInt32(q.lengths),
      df: base64ToInt32(q.df),
      words: decodePostings(q.words),
      speakers: JSON.parse(fromAsciiText(q.speakers)) as string[],
      quoteSpeakers: base64ToInt32(q.quoteSpeakers),
      speakerWords: decodePostings(q.speakerWords),
    },
    fingerprints: base64ToInt32(s.fingerprints),
    titleOrder: Array.from(base64ToInt32(s.titleOrder)),
    speakerOrder: Array.from(base64ToInt32(s.speakerOrder)),
  };
}
