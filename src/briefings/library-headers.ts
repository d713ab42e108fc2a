// The library's headers as columns (issue 13: 100,000 header objects, their maps by id and their repeated strings
// were the largest part of a restarted library after the search index). One row per article: the strings a header
// shows (id, title, date, url) in arrays, the repeated ones (source name, feed) as numbers into a shared pool, the
// stored-at times, flags and quote count in typed arrays. A header object is made only when a caller asks for one.
import type { ArticleHeader } from './types';
import { IdTable } from './id-table';
import { StringPool } from './string-pool';

/** An article as the library keeps it: its header, when it was stored and its feed (null for a file's). */
export interface KeptHeader {
  header: ArticleHeader;
  storedAt: string;
  feed: string | null;
}

const APPROXIMATE = 1;
const TEASER = 2;
const BACKLOG = 4;
const HAS_URL = 8;

/** Milliseconds of an ISO time that prints back the same (NaN otherwise: the string is kept as it is). */
function exactTime(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) && new Date(t).toISOString() === iso ? t : NaN;
}

/** The sort key of a header's date (as briefing.articleTime): 0 when missing or unreadable. */
function dateTime(date: string | null): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isFinite(t) ? t : 0;
}

function grownFloat(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(Math.max(n, a.length * 2, 16));
  out.set(a);
  return out;
}

function grownInt(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2, 16));
  out.set(a);
  return out;
}

function grownBytes(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.max(n, a.length * 2, 16));
  out.set(a);
  return out;
}

export class HeaderTable {
  /** Row → id ('' for a free row); the one map by id. */
  private readonly ids: string[] = [];
  private readonly rows = new IdTable((row) => this.ids[row]);
  private readonly titles: string[] = [];
  private readonly dates: (string | null)[] = [];
  private readonly urls: (string | undefined)[] = [];
  private readonly pool = new StringPool();
  private readonly free: number[] = [];
  /** Per row: the stored-at time (NaN: see storedAtText), numbers into the pool, flags, quotes. */
  private storedAtMs = new Float64Array(0);
  /** Stored-at times that do not print back the same from milliseconds, by row (none from either store). */
  private readonly storedAtText = new Map<number, string>();
  private sources = new Int32Array(0);
  private feeds = new Int32Array(0);
  private flags = new Uint8Array(0);
  private quoteCounts = new Int32Array(0);
  private feedRows = 0;

  get size(): number {
    return this.rows.size;
  }

  /** Rows in use or free: every row number is below this. */
  get rowCount(): number {
    return this.ids.length;
  }

  /** How many rows are feed articles (a scope can hide only those). */
  get feedCount(): number {
    return this.feedRows;
  }

  rowOf(id: string): number {
    return this.rows.get(id);
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** Adds an article's header, or replaces the one with its id (the row stays). */
  set({ header, storedAt, feed }: KeptHeader): number {
    const fresh = this.free.length > 0 ? this.free[this.free.length - 1] : this.ids.length;
    let row = this.rows.getOrAdd(header.id, fresh);
    if (row < 0) {
      row = fresh;
      if (this.free.length > 0) this.free.pop();
      this.grow(row + 1);
    } else if (this.feeds[row] >= 0) this.feedRows--;
    this.ids[row] = header.id;
    this.titles[row] = header.title;
    this.dates[row] = header.date;
    this.urls[row] = header.url;
    this.storedAtMs[row] = exactTime(storedAt);
    if (Number.isNaN(this.storedAtMs[row])) this.storedAtText.set(row, storedAt);
    else this.storedAtText.delete(row);
    this.sources[row] = this.pool.numberOf(header.source);
    this.feeds[row] = feed === null ? -1 : this.pool.numberOf(feed);
    if (feed !== null) this.feedRows++;
    this.flags[row] =
      (header.dateApproximate ? APPROXIMATE : 0) | (header.teaser ? TEASER : 0) | (header.backlog ? BACKLOG : 0) | ('url' in header ? HAS_URL : 0);
    this.quoteCounts[row] = header.quoteCount;
    return row;
  }

  delete(id: string): boolean {
    const row = this.rows.delete(id);
    if (row < 0) return false;
    if (this.feeds[row] >= 0) this.feedRows--;
    this.ids[row] = this.titles[row] = '';
    this.dates[row] = this.urls[row] = undefined as never;
    this.storedAtText.delete(row);
    this.free.push(row);
    return true;
  }

  /** Room for n rows without growing (a library opens with all its rows at once: no doubling's slack). */
  reserve(n: number): void {
    this.rows.reserve(n);
    if (n <= this.storedAtMs.length) return;
    const exact = (a: Float64Array | Int32Array | Uint8Array) => {
      const out = new (a.constructor as new (n: number) => typeof a)(n);
      out.set(a);
      return out;
    };
    this.storedAtMs = exact(this.storedAtMs) as Float64Array<ArrayBuffer>;
    this.sources = exact(this.sources) as Int32Array<ArrayBuffer>;
    this.feeds = exact(this.feeds) as Int32Array<ArrayBuffer>;
    this.flags = exact(this.flags) as Uint8Array<ArrayBuffer>;
    this.quoteCounts = exact(this.quoteCounts) as Int32Array<ArrayBuffer>;
  }

  private grow(n: number): void {
    if (n <= this.storedAtMs.length) return;
    this.storedAtMs = grownFloat(this.storedAtMs, n);
    this.sources = grownInt(this.sources, n);
    this.feeds = grownInt(this.feeds, n);
    this.flags = grownBytes(this.flags, n);
    this.quoteCounts = grownInt(this.quoteCounts, n);
  }

  /** Every row in use, in no particular order. */
  liveRows(): Int32Array<ArrayBuffer> {
    return Int32Array.from(this.rows.rows());
  }

  id(row: number): string {
    return this.ids[row];
  }

  title(row: number): string {
    return this.titles[row];
  }

  date(row: number): string | null {
    return this.dates[row];
  }

  /** The date's sort key (briefing.articleTime of the header). */
  time(row: number): number {
    return dateTime(this.dates[row]);
  }

  quoteCount(row: number): number {
    return this.quoteCounts[row];
  }

  backlog(row: number): boolean {
    return (this.flags[row] & BACKLOG) !== 0;
  }

  storedAt(row: number): string {
    const ms = this.storedAtMs[row];
    return Number.isNaN(ms) ? this.storedAtText.get(row)! : new Date(ms).toISOString();
  }

  /** The newest stored-at time of every row, or '' (compared as strings, as the stamps are). */
  newestStoredAt(): string {
    let newest = '';
    let newestMs = -Infinity;
    for (const row of this.rows.rows()) {
      const ms = this.storedAtMs[row];
      if (!Number.isNaN(ms)) {
        if (ms > newestMs) newestMs = ms;
      } else if (this.storedAtText.get(row)! > newest) newest = this.storedAtText.get(row)!;
    }
    const fromMs = newestMs === -Infinity ? '' : new Date(newestMs).toISOString();
    return fromMs > newest ? fromMs : newest;
  }

  /** The feed a feed article came from; null for a file's. */
  feed(row: number): string | null {
    const n = this.feeds[row];
    return n < 0 ? null : this.pool.values[n];
  }

  /** A header object as the store made it (the same fields, in the same order). */
  header(row: number): ArticleHeader {
    const flags = this.flags[row];
    const header: ArticleHeader = {
      id: this.ids[row],
      title: this.titles[row],
      date: this.dates[row],
      dateApproximate: (flags & APPROXIMATE) !== 0,
      source: this.pool.values[this.sources[row]],
      quoteCount: this.quoteCounts[row],
    };
    if (flags & HAS_URL) header.url = this.urls[row];
    if (flags & TEASER) header.teaser = true;
    if (flags & BACKLOG) header.backlog = true;
    return header;
  }

  /** The header of an article by id, or undefined. */
  byId(id: string): ArticleHeader | undefined {
    const row = this.rows.get(id);
    return row < 0 ? undefined : this.header(row);
  }
}
