// The article store on SQLite: every article once, with its analysis, its source and a change log.
// All article SQL lives here, so a Postgres store can implement the same ArticleReader/ArticleWriter.
import type {
  AnalysedArticle,
  ArticleReader,
  ArticleView,
  ArticleWriter,
  SearchSnapshotRecord,
  SourceKey,
  SourceKind,
  StoredArticle,
  StoredSource,
  StoreHeaders,
  StoreSnapshot,
} from '../briefings';
import type { Article, LoadWarning } from '../briefings';
import type { Db } from './open';
import { ARTICLE_COLUMNS, ARTICLE_SQL, IN_VIEW } from './sql/articles';
import { preparedOn, type Prepare } from './statements';
import { cmp, HEADER_COLUMNS, headerFromValues, rawBySourceOrder, type HeaderRow } from './article-headers';

export { cmp, HEADER_COLUMNS, headerFromRow, type HeaderRow } from './article-headers';

/** A whole article row: the columns every header has, and the text and analysis as JSON. */
export interface ArticleRow extends Pick<
  HeaderRow,
  'id' | 'source_kind' | 'source_root' | 'source_id' | 'url' | 'title' | 'date' | 'date_approximate' | 'stored_at'
> {
  body: string;
  analysis: string;
}

export interface SourceRow {
  kind: SourceKind;
  root: string;
  id: string;
  size: number | null;
  mtime_ms: number | null;
  content_hash: string | null;
  analysis_version: string;
  warnings: string;
}

/** The parts of an article kept as JSON text: what the reader found, and what the analysis found. */
type Body = Omit<Article, 'id' | 'sentences' | 'quotes' | 'people' | 'title' | 'date' | 'dateApproximate' | 'url'>;
type StoredQuote = Omit<Article['quotes'][number], 'articleId'>;
interface Analysis {
  quotes: StoredQuote[];
  people: Article['people'];
}

function bodyOf(a: AnalysedArticle): Body {
  const { slug: _slug, contentHash: _hash, quotes: _q, people: _p, title: _t, date: _d, dateApproximate: _da, url: _u, ...body } = a;
  return body;
}

function analysisOf(a: AnalysedArticle): Analysis {
  return { quotes: a.quotes.map(({ articleId: _id, ...q }) => q), people: a.people };
}

/** An article's content as the columns of WRITTEN (src/store/sql/articles.ts): the header's own columns (schema v7) beside the JSON. */
export function contentColumns(a: AnalysedArticle): (string | number | null)[] {
  return [
    a.url ?? null,
    a.title,
    a.date,
    a.dateApproximate ? 1 : 0,
    a.contentHash,
    JSON.stringify(bodyOf(a)),
    JSON.stringify(analysisOf(a)),
    a.source ?? '',
    a.teaser ? 1 : 0,
    a.backlog ? 1 : 0,
    a.quotes.length,
  ];
}

export function fromRow(r: ArticleRow): StoredArticle {
  const body = JSON.parse(r.body) as Body;
  const analysis = JSON.parse(r.analysis) as Analysis;
  const article: Omit<Article, 'sentences'> = {
    ...body,
    id: r.id,
    title: r.title,
    date: r.date,
    dateApproximate: r.date_approximate === 1,
    quotes: analysis.quotes.map((q) => ({ ...q, articleId: r.id })),
    people: analysis.people,
  };
  if (r.url !== null) article.url = r.url;
  return { article, sourceKind: r.source_kind, sourceRoot: r.source_root, sourceId: r.source_id, storedAt: r.stored_at };
}

export function sourceFromRow(r: SourceRow): StoredSource {
  return {
    kind: r.kind,
    root: r.root,
    id: r.id,
    size: r.size,
    mtimeMs: r.mtime_ms,
    contentHash: r.content_hash,
    analysisVersion: r.analysis_version,
    warnings: JSON.parse(r.warnings) as LoadWarning[],
  };
}

/** Snapshot's order: by source, then the article's place in it. */
export function bySourceOrder<R extends { source_kind: string; source_root: string; source_id: string; position: number }>(rows: R[]): R[] {
  return rows.sort(
    (x, y) => cmp(x.source_kind, y.source_kind) || cmp(x.source_root, y.source_root) || cmp(x.source_id, y.source_id) || x.position - y.position,
  );
}

/** ARTICLE_SQL.upsertSource's values. */
export function sourceValues(s: StoredSource, now: string): (string | number | null)[] {
  return [s.kind, s.root, s.id, s.size, s.mtimeMs, s.contentHash, s.analysisVersion, JSON.stringify(s.warnings), now];
}

/** ARTICLE_SQL.saveSearchSnapshot's values. */
export function snapshotValues(viewKey: string, record: SearchSnapshotRecord, now: string): (string | number | Buffer)[] {
  return [viewKey, record.seq, record.analysisVersion, Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength), now];
}

/** How a source's new articles meet its stored ones: which stored rows stay (maybe moved), which go, which are new. */
export interface ReplacePlan {
  kept: { id: string; position: number }[];
  gone: string[];
  pending: { a: AnalysedArticle; position: number }[];
}

/**
 * Unchanged articles are left alone (no change-log entry, no re-index); the rest are rewritten. `old` maps each
 * stored article of the source to its content hash ('' when other code analysed it: then it is rewritten).
 */
export function planReplace(old: Map<string, string>, articles: AnalysedArticle[]): ReplacePlan {
  const keep = new Set<string>();
  const kept: ReplacePlan['kept'] = [];
  const pending: ReplacePlan['pending'] = [];
  articles.forEach((a, position) => {
    const same = [...old.entries()].find(([id, hash]) => !keep.has(id) && hash === a.contentHash && (id === a.slug || id.startsWith(`${a.slug}-`)));
    if (!same) return void pending.push({ a, position });
    keep.add(same[0]);
    kept.push({ id: same[0], position });
  });
  return { kept, gone: [...old.keys()].filter((id) => !keep.has(id)), pending };
}

/** A folder no view has: SQLite's stand-in for "no file folder" (Postgres passes null). */
const NO_ROOT = '\u0000none';

export class SqliteArticleStore implements ArticleReader, ArticleWriter {
  private readonly sql: Prepare;
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sql = preparedOn(db);
  }

  async snapshot(view: ArticleView): Promise<StoreSnapshot> {
    return this.db.transaction(() => {
      const seq = this.currentSeq();
      const rows = this.sql(ARTICLE_SQL.snapshot).all(view.fileRoot ?? NO_ROOT) as (ArticleRow & { position: number })[];
      return { seq, articles: bySourceOrder(rows).map(fromRow) };
    })();
  }

  async headers(view: ArticleView): Promise<StoreHeaders> {
    return this.db.transaction(() => {
      const seq = this.currentSeq();
      // Raw rows: at 100,000 headers, an object per row to read and drop was ~0.25 s of a restart (issue 13).
      const rows = this.sql(`SELECT ${HEADER_COLUMNS} FROM articles INDEXED BY articles_headers WHERE ${IN_VIEW}`)
        .raw(true)
        .all(view.fileRoot ?? NO_ROOT) as unknown[][];
      return { seq, headers: rawBySourceOrder(rows).map(headerFromValues) };
    })();
  }

  async get(id: string): Promise<StoredArticle | null> {
    const r = this.sql(ARTICLE_SQL.get).get(id) as ArticleRow | undefined;
    return r ? fromRow(r) : null;
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    if (!ids.length) return [];
    // One statement for any number of ids: the list goes in as one JSON parameter.
    const rows = this.sql(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as ArticleRow[];
    return rows.map(fromRow);
  }

  private currentSeq(): number {
    return (this.sql("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'article_changes'), 0) AS s").get() as { s: number }).s;
  }

  async changesSince(seq: number): Promise<{ seq: number; ids: string[] }> {
    return this.db.transaction(() => {
      const rows = this.sql(ARTICLE_SQL.changesSince).all(seq) as { article_id: string }[];
      return { seq: this.currentSeq(), ids: rows.map((r) => r.article_id) };
    })();
  }

  /** Forgets change-log entries older than `days` (readers that fell further behind re-read everything at start). */
  pruneChangeLog(days = 1): void {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    this.sql(ARTICLE_SQL.pruneChangeLog).run(cutoff);
  }

  async warnings(view: ArticleView): Promise<LoadWarning[]> {
    const rows = this.sql(ARTICLE_SQL.warnings).all(view.fileRoot ?? NO_ROOT) as { warnings: string }[];
    return rows.flatMap((r) => JSON.parse(r.warnings) as LoadWarning[]);
  }

  async loadSearchSnapshot(viewKey: string): Promise<SearchSnapshotRecord | null> {
    const r = this.sql(ARTICLE_SQL.loadSearchSnapshot).get(viewKey) as { change_seq: number; analysis_version: string; data: Buffer } | undefined;
    return r ? { seq: r.change_seq, analysisVersion: r.analysis_version, data: r.data } : null;
  }

  async saveSearchSnapshot(viewKey: string, record: SearchSnapshotRecord): Promise<void> {
    this.sql(ARTICLE_SQL.saveSearchSnapshot).run(...snapshotValues(viewKey, record, this.clock().toISOString()));
  }

  async sources(kind: SourceKind, root: string): Promise<Map<string, StoredSource>> {
    // Raw rows, kind and root known: an object per row to read and drop, and a JSON.parse of every '[]', were a
    // third of this list's time at 12,481 files (each CLI run reads it, issue 13).
    const rows = this.sql(ARTICLE_SQL.sources).raw(true).all(kind, root) as [string, number | null, number | null, string | null, string, string][];
    const out = new Map<string, StoredSource>();
    for (const [id, size, mtimeMs, contentHash, analysisVersion, warnings] of rows) {
      out.set(id, {
        kind,
        root,
        id,
        size,
        mtimeMs,
        contentHash,
        analysisVersion,
        warnings: warnings === '[]' ? [] : (JSON.parse(warnings) as LoadWarning[]),
      });
    }
    return out;
  }

  private upsertSource(s: StoredSource): void {
    this.sql(ARTICLE_SQL.upsertSource).run(...sourceValues(s, this.clock().toISOString()));
  }

  /** Whether the source's stored articles were analysed by the code now running (else they are all rewritten). */
  private sameCode(source: StoredSource): boolean {
    const before = this.sql(ARTICLE_SQL.analysisVersion).get(source.kind, source.root, source.id) as { analysis_version: string } | undefined;
    return before?.analysis_version === source.analysisVersion;
  }

  /** The slug itself when free, else slug-2, slug-3… */
  private claimId(slug: string): string {
    const taken = this.sql(ARTICLE_SQL.idTaken);
    let id = slug;
    for (let n = 2; taken.get(id) !== undefined; n++) id = `${slug}-${n}`;
    return id;
  }

  private replaceOne(source: StoredSource, articles: AnalysedArticle[]): string[] {
    const sameCode = this.sameCode(source);
    this.upsertSource(source);
    const rows = this.sql(ARTICLE_SQL.ofSource).all(source.kind, source.root, source.id) as { id: string; content_hash: string }[];
    const plan = planReplace(new Map(rows.map((r) => [r.id, sameCode ? r.content_hash : ''])), articles);
    const ids: string[] = [];
    for (const { id, position } of plan.kept) {
      ids[position] = id;
      this.sql(ARTICLE_SQL.move).run(position, id, position);
    }
    const del = this.sql('DELETE FROM articles WHERE id = ?');
    for (const id of plan.gone) del.run(id);
    const now = this.clock().toISOString();
    for (const { a, position } of plan.pending) ids[position] = this.insertArticle(source, a, position, null, now);
    return ids;
  }

  async upsertItems(source: StoredSource, items: { key: string; article: AnalysedArticle }[]): Promise<string[]> {
    return this.db
      .transaction(() => {
        const sameCode = this.sameCode(source);
        this.upsertSource(source);
        const find = this.sql(ARTICLE_SQL.ofItem);
        const next = this.sql(ARTICLE_SQL.nextPosition);
        const update = this.sql(ARTICLE_SQL.update);
        const now = this.clock().toISOString();
        return items.map(({ key, article: a }) => {
          const old = find.get(source.kind, source.root, source.id, key) as { id: string; content_hash: string } | undefined;
          if (old && sameCode && old.content_hash === a.contentHash) return old.id;
          if (old) {
            update.run(...contentColumns(a), now, old.id);
            return old.id;
          }
          const { p } = next.get(source.kind, source.root, source.id) as { p: number };
          return this.insertArticle(source, a, p, key, now);
        });
      })
      .immediate();
  }

  private insertArticle(source: StoredSource, a: AnalysedArticle, position: number, key: string | null, now: string): string {
    const id = this.claimId(a.slug);
    this.sql(ARTICLE_SQL.insert).run(id, source.kind, source.root, source.id, position, key, ...contentColumns(a), now);
    return id;
  }

  async replaceSource(source: StoredSource, articles: AnalysedArticle[]): Promise<string[]> {
    return this.db.transaction(() => this.replaceOne(source, articles)).immediate();
  }

  async replaceSources(items: { source: StoredSource; articles: AnalysedArticle[] }[]): Promise<string[][]> {
    return this.db.transaction(() => items.map(({ source, articles }) => this.replaceOne(source, articles))).immediate();
  }

  async touchSource(source: StoredSource): Promise<void> {
    this.upsertSource(source);
  }

  async removeSources(keys: SourceKey[]): Promise<void> {
    this.db
      .transaction(() => {
        // Articles go with their source (ON DELETE CASCADE fires the delete trigger for each).
        const del = this.sql(ARTICLE_SQL.removeSource);
        for (const k of keys) del.run(k.kind, k.root, k.id);
      })
      .immediate();
  }

  async pruneFeedArticles(cutoff: Date): Promise<number> {
    return this.sql(ARTICLE_SQL.pruneFeed).run(cutoff.toISOString()).changes;
  }
}
