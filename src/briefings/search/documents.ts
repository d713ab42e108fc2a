// The table of indexed articles: internal number ↔ article id, title and date, liveness and weighted length.
// Not the articles themselves: their text is read from the store when an answer shows it (issue 13).
import type { Article } from '../types';
import { GrowInt32 } from './growable';

/** What the index keeps of an article: its id, and the title and date that hits and suggestions show. */
export type IndexedDoc = Pick<Article, 'id' | 'title' | 'date'>;

/** A copy of only what the index keeps, so the article's text is not held through it. */
function docOf(a: IndexedDoc): IndexedDoc {
  return { id: a.id, title: a.title, date: a.date ?? null };
}

export class DocumentTable {
  readonly articles: (IndexedDoc | null)[] = [];
  private readonly byId = new Map<string, number>();
  alive = new Uint8Array(16);
  /** Weighted length of everything but the title, and the title's length, per article. */
  readonly lengths = new GrowInt32();
  readonly titleLengths = new GrowInt32();
  liveCount = 0;
  totalLength = 0;
  totalTitleLength = 0;

  get capacity(): number {
    return this.articles.length;
  }

  docOf(articleId: string): number {
    return this.byId.get(articleId) ?? -1;
  }

  isAlive(doc: number): boolean {
    return this.alive[doc] === 1;
  }

  /** Registers an article and returns its number (ids only grow, so posting lists stay sorted). */
  open(article: IndexedDoc): number {
    const doc = this.articles.length;
    this.articles.push(docOf(article));
    this.byId.set(article.id, doc);
    if (doc >= this.alive.length) {
      const next = new Uint8Array(Math.max(16, this.alive.length * 2));
      next.set(this.alive);
      this.alive = next;
    }
    this.alive[doc] = 1;
    this.lengths.push(0);
    this.titleLengths.push(0);
    this.liveCount++;
    return doc;
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
    const a = this.articles[doc];
    if (a && this.byId.get(a.id) === doc) this.byId.delete(a.id);
    this.articles[doc] = null;
  }

  averageLength(): number {
    return this.liveCount > 0 ? Math.max(1, this.totalLength / this.liveCount) : 1;
  }

  averageTitleLength(): number {
    return this.liveCount > 0 ? Math.max(1, this.totalTitleLength / this.liveCount) : 1;
  }

  /** Article ids by number, null for removed slots: the snapshot's link back to the articles. */
  ids(): (string | null)[] {
    return this.articles.map((a) => (a ? a.id : null));
  }

  /** Restores the table from a snapshot, pairing each number with the article of that id. */
  static restore(ids: (string | null)[], lengths: Int32Array, titleLengths: Int32Array, find: (id: string) => IndexedDoc | undefined): DocumentTable {
    const t = new DocumentTable();
    ids.forEach((id, doc) => {
      const found = id !== null ? find(id) : undefined;
      const article = found ? docOf(found) : undefined;
      t.articles.push(article ?? null);
      if (doc >= t.alive.length) {
        const next = new Uint8Array(Math.max(16, t.alive.length * 2, doc + 1));
        next.set(t.alive);
        t.alive = next;
      }
      t.lengths.push(lengths[doc] ?? 0);
      t.titleLengths.push(titleLengths[doc] ?? 0);
      if (article) {
        t.byId.set(article.id, doc);
        t.alive[doc] = 1;
        t.liveCount++;
        t.totalLength += lengths[doc] ?? 0;
        t.totalTitleLength += titleLengths[doc] ?? 0;
      }
    });
    return t;
  }
}
