// Article bodies on demand: the library keeps headers in memory and reads an article's text from the store when an
// answer shows it. The last few read are kept (a search's hits, then the summary of one of them), never all.
import { withLazySentences } from './analyse';
import type { ArticleReader, StoredArticle } from './article-store';
import type { Article, ArticleHeader } from './types';

/** How many bodies stay in memory: a page of hits, a briefing and what was opened from them. */
const KEEP = 64;

/** What the library keeps of an article: its header (the store reads the same from its columns). */
export function headerOf(a: Omit<Article, 'sentences'>): ArticleHeader {
  const header: ArticleHeader = {
    id: a.id,
    title: a.title,
    date: a.date,
    dateApproximate: a.dateApproximate,
    source: a.source,
    quoteCount: a.quotes.length,
  };
  if (a.url) header.url = a.url;
  if (a.teaser) header.teaser = true;
  if (a.backlog) header.backlog = true;
  return header;
}

export class Bodies {
  private readonly kept = new Map<string, Article>();

  constructor(
    private readonly reader: ArticleReader,
    /** Whether a stored article belongs to the library's view (another view's article is not shown). */
    private readonly inView: (s: StoredArticle) => boolean,
  ) {}

  /** The article's whole text, or undefined when the store no longer has it in this view. */
  async get(id: string): Promise<Article | undefined> {
    const kept = this.kept.get(id);
    if (kept) {
      // Most recently used last: the first key is the one to drop.
      this.kept.delete(id);
      this.kept.set(id, kept);
      return kept;
    }
    const s = await this.reader.get(id);
    if (!s || !this.inView(s)) return undefined;
    const article = withLazySentences(s.article);
    this.keep(article);
    return article;
  }

  /** Several bodies at once, by id (missing ones left out): those not kept come in one read of the store when it can. */
  async many(ids: readonly string[]): Promise<Map<string, Article>> {
    const unique = [...new Set(ids)];
    const missing = new Set(unique.filter((id) => !this.kept.has(id)));
    const batched = missing.size > 1 && this.reader.getMany !== undefined;
    const read = new Map<string, Article>();
    if (batched) for (const s of await this.reader.getMany!([...missing])) if (this.inView(s)) read.set(s.article.id, withLazySentences(s.article));
    const out = new Map<string, Article>();
    for (const id of unique) {
      const a = batched && missing.has(id) ? read.get(id) : await this.get(id);
      if (a) out.set(id, a);
    }
    // Kept in the order asked (the page's order), so what was just shown is the newest in memory.
    for (const a of out.values()) this.keep(a);
    return out;
  }

  /** An article just read or changed: remembered as the newest. */
  keep(article: Article): void {
    this.kept.delete(article.id);
    this.kept.set(article.id, article);
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
  }

  forget(id: string): void {
    this.kept.delete(id);
  }
}
