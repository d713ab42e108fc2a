// The table of indexed articles: internal number ↔ article id, title and date, liveness and weighted length.
// Not the articles themselves: their text is read from the store when an answer shows it (issue 13).
// Columns, not an object per article: the id, title and date strings are the caller's own (a restart hands in the
// library's header strings, so they are kept once), and a removed number holds null / '' / null.
import type { Article } from '../types';
import { IdTable } from '../id-table';
import { GrowInt32 } from './growable';

/** What the index keeps of an article: its id, and the title and date that hits and suggestions show. */
export type IndexedDoc = Pick<Article, 'id' | 'title' | 'date'>;

export class DocumentTable {
  /** Per number: the article's id (null once removed), title and date. */
  private readonly idColumn: (string | null)[];
  private readonly titleColumn: string[];
  private readonly dateColumn: (string | null)[];
  private readonly byId = new IdTable((doc) => this.idColumn[doc]!);
  alive = new Uint8Array(16);
  /** Weighted length of everything but the title, and the title's length, per article. */
  lengths = new GrowInt32();
  titleLengths = new GrowInt32();
  liveCount = 0;
  totalLength = 0;
  totalTitleLength = 0;

  private constructor(found: (IndexedDoc | undefined)[] = []) {
    // Filled by map: arrays of exactly the restored length (no growth slack).
    this.idColumn = found.map((a) => (a ? a.id : null));
    this.titleColumn = found.map((a) => (a ? a.title : ''));
    this.dateColumn = found.map((a) => (a ? (a.date ?? null) : null));
  }

  static empty(): DocumentTable {
    return new DocumentTable();
  }

  get capacity(): number {
    return this.idColumn.length;
  }

  docOf(articleId: string): number {
    return this.byId.get(articleId);
  }

  isAlive(doc: number): boolean {
    return this.alive[doc] === 1;
  }

  /** The id of a number, null when removed (or never used). */
  id(doc: number): string | null {
    return this.idColumn[doc] ?? null;
  }

  /** The title of a number, '' when removed. */
  title(doc: number): string {
    return this.titleColumn[doc] ?? '';
  }

  /** The date of a number, null when removed or undated. */
  date(doc: number): string | null {
    return this.dateColumn[doc] ?? null;
  }

  /** Registers an article and returns its number (ids only grow, so posting lists stay sorted). */
  open(article: IndexedDoc): number {
    const doc = this.idColumn.length;
    this.idColumn.push(article.id);
    this.titleColumn.push(article.title);
    this.dateColumn.push(article.date ?? null);
    this.byId.set(article.id, doc);
    this.ensureAlive(doc);
    this.alive[doc] = 1;
    this.lengths.push(0);
    this.titleLengths.push(0);
    this.liveCount++;
    return doc;
  }

  private ensureAlive(doc: number): void {
    if (doc < this.alive.length) return;
    const next = new Uint8Array(Math.max(16, this.alive.length * 2, doc + 1));
    next.set(this.alive);
    this.alive = next;
  }

  setLength(doc: number, length: number, titleLength: number): void {
    this.lengths.data[doc] = length;
    this.totalLength += length;
    this.titleLengths.data[doc] = titleLength;
    this.totalTitleLength += titleLength;
  }

  close(doc: number): void {
    if (!this.isAlive(doc)) return;
    this.alive[doc] = 0;
    this.liveCount--;
    this.totalLength -= this.lengths.data[doc];
    this.totalTitleLength -= this.titleLengths.data[doc];
    const id = this.idColumn[doc];
    if (id !== null && this.byId.get(id) === doc) this.byId.delete(id);
    this.idColumn[doc] = null;
    this.titleColumn[doc] = '';
    this.dateColumn[doc] = null;
  }

  averageLength(): number {
    return this.liveCount > 0 ? Math.max(1, this.totalLength / this.liveCount) : 1;
  }

  averageTitleLength(): number {
    return this.liveCount > 0 ? Math.max(1, this.totalTitleLength / this.liveCount) : 1;
  }

  /** Article ids by number, null for removed slots: the snapshot's link back to the articles. */
  ids(): (string | null)[] {
    return this.idColumn.slice();
  }

  /**
   * Restores the table from a snapshot, pairing each number with the article `find` gives for its id and number
   * (undefined: the number stays removed).
   */
  static restore(
    ids: (string | null)[],
    lengths: Int32Array,
    titleLengths: Int32Array,
    find: (id: string, doc: number) => IndexedDoc | undefined,
  ): DocumentTable {
    const t = new DocumentTable(ids.map((id, doc) => (id !== null ? find(id, doc) : undefined)));
    t.ensureAlive(ids.length - 1);
    t.byId.reserve(ids.length);
    // The saved columns are taken as they are (views over the saved bytes: the first push copies them).
    const whole = lengths.length === ids.length && titleLengths.length === ids.length;
    if (whole) {
      t.lengths = GrowInt32.from(lengths);
      t.titleLengths = GrowInt32.from(titleLengths);
    }
    for (let doc = 0; doc < ids.length; doc++) {
      if (!whole) {
        t.lengths.push(lengths[doc] ?? 0);
        t.titleLengths.push(titleLengths[doc] ?? 0);
      }
      const id = t.idColumn[doc];
      if (id === null) continue;
      t.byId.set(id, doc);
      t.alive[doc] = 1;
      t.liveCount++;
      t.totalLength += lengths[doc] ?? 0;
      t.totalTitleLength += titleLengths[doc] ?? 0;
    }
    return t;
  }
}
