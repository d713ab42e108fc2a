// The article store on Postgres: the same rows, ids, change log and statements as SqliteArticleStore
// (src/store/sql/articles.ts). Every transaction that writes articles first takes one advisory lock, so change
// seqs commit in order across hosts and a reader that polls "changes after seq n" never misses one that
// committed late.
import type {
  AnalysedArticle,
  ArticleReader,
  ArticleView,
  ArticleWriter,
  LoadWarning,
  SearchSnapshotRecord,
  SourceKey,
  SourceKind,
  StoredArticle,
  StoredSource,
  StoreHeaders,
  StoreSnapshot,
} from '../../briefings';
import { HEADER_COLUMNS, headerFromRow, type HeaderRow } from '../article-headers';
import {
  bySourceOrder,
  contentColumns,
  fromRow,
  planReplace,
  snapshotValues,
  sourceFromRow,
  sourceValues,
  type ArticleRow,
  type SourceRow,
} from '../articles';
import { ARTICLE_COLUMNS, ARTICLE_SQL, IN_VIEW } from '../sql/articles';
import type { PgDb, PgSql } from './db';

const ARTICLE_WRITE_LOCK = 7_240_002;

async function currentSeq(q: PgSql): Promise<number> {
  return (await q.one<{ s: number }>('SELECT COALESCE(MAX(seq), 0)::bigint AS s FROM article_changes'))!.s;
}

export class PgArticleStore implements ArticleReader, ArticleWriter {
  constructor(
    private readonly db: PgDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A writing transaction, serialised with every other article writer of any host. */
  private write<T>(fn: (q: PgSql) => Promise<T>): Promise<T> {
    return this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(?)', [ARTICLE_WRITE_LOCK]);
      return fn(q);
    });
  }

  async snapshot(view: ArticleView): Promise<StoreSnapshot> {
    return this.db.tx(async (q) => {
      const seq = await currentSeq(q);
      const rows = await q.rows<ArticleRow & { position: number }>(ARTICLE_SQL.snapshot, [view.fileRoot]);
      return { seq, articles: bySourceOrder(rows).map(fromRow) };
    }, 'REPEATABLE READ');
  }

  async headers(view: ArticleView): Promise<StoreHeaders> {
    return this.db.tx(async (q) => {
      const seq = await currentSeq(q);
      const rows = await q.rows<HeaderRow>(`SELECT ${HEADER_COLUMNS} FROM articles WHERE ${IN_VIEW}`, [view.fileRoot]);
      return { seq, headers: bySourceOrder(rows).map(headerFromRow) };
    }, 'REPEATABLE READ');
  }

  async get(id: string): Promise<StoredArticle | null> {
    const r = await this.db.one<ArticleRow>(ARTICLE_SQL.get, [id]);
    return r ? fromRow(r) : null;
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    if (!ids.length) return [];
    return (await this.db.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY(?::text[])`, [ids])).map(fromRow);
  }

  async changesSince(seq: number): Promise<{ seq: number; ids: string[] }> {
    return this.db.tx(async (q) => {
      const rows = await q.rows<{ article_id: string }>(ARTICLE_SQL.changesSince, [seq]);
      return { seq: await currentSeq(q), ids: rows.map((r) => r.article_id) };
    }, 'REPEATABLE READ');
  }

  /** Forgets change-log entries older than `days`, always keeping the newest (it is the change counter). */
  async pruneChangeLog(days = 1): Promise<void> {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    await this.db.run(`${ARTICLE_SQL.pruneChangeLog} AND seq < (SELECT MAX(seq) FROM article_changes)`, [cutoff]);
  }

  async warnings(view: ArticleView): Promise<LoadWarning[]> {
    // A null root matches no file (root = NULL is never true).
    const rows = await this.db.rows<{ warnings: string }>(ARTICLE_SQL.warnings, [view.fileRoot]);
    return rows.flatMap((r) => JSON.parse(r.warnings) as LoadWarning[]);
  }

  async loadSearchSnapshot(viewKey: string): Promise<SearchSnapshotRecord | null> {
    const r = await this.db.one<{ change_seq: number; analysis_version: string; data: Buffer }>(ARTICLE_SQL.loadSearchSnapshot, [viewKey]);
    return r ? { seq: r.change_seq, analysisVersion: r.analysis_version, data: r.data } : null;
  }

  async saveSearchSnapshot(viewKey: string, record: SearchSnapshotRecord): Promise<void> {
    await this.db.run(ARTICLE_SQL.saveSearchSnapshot, snapshotValues(viewKey, record, this.clock().toISOString()));
  }

  async sources(kind: SourceKind, root: string): Promise<Map<string, StoredSource>> {
    const rows = await this.db.rows<Omit<SourceRow, 'kind' | 'root'>>(ARTICLE_SQL.sources, [kind, root]);
    return new Map(rows.map((r) => [r.id, sourceFromRow({ ...r, kind, root })]));
  }

  private async upsertSource(q: PgSql, s: StoredSource): Promise<void> {
    await q.run(ARTICLE_SQL.upsertSource, sourceValues(s, this.clock().toISOString()));
  }

  /** Whether the source's stored articles were analysed by the code now running (else they are all rewritten). */
  private async sameCode(q: PgSql, s: StoredSource): Promise<boolean> {
    const before = await q.one<{ analysis_version: string }>(ARTICLE_SQL.analysisVersion, [s.kind, s.root, s.id]);
    return before?.analysis_version === s.analysisVersion;
  }

  /** The slug itself when free, else slug-2, slug-3… */
  private async claimId(q: PgSql, slug: string): Promise<string> {
    let id = slug;
    for (let n = 2; (await q.one(ARTICLE_SQL.idTaken, [id])) !== null; n++) id = `${slug}-${n}`;
    return id;
  }

  private async insertArticle(
    q: PgSql,
    source: StoredSource,
    a: AnalysedArticle,
    position: number,
    key: string | null,
    now: string,
  ): Promise<string> {
    const id = await this.claimId(q, a.slug);
    await q.run(ARTICLE_SQL.insert, [id, source.kind, source.root, source.id, position, key, ...contentColumns(a), now]);
    return id;
  }

  private async replaceOne(q: PgSql, source: StoredSource, articles: AnalysedArticle[]): Promise<string[]> {
    const sameCode = await this.sameCode(q, source);
    await this.upsertSource(q, source);
    const rows = await q.rows<{ id: string; content_hash: string }>(ARTICLE_SQL.ofSource, [source.kind, source.root, source.id]);
    const plan = planReplace(new Map(rows.map((r) => [r.id, sameCode ? r.content_hash : ''])), articles);
    const ids: string[] = [];
    for (const { id, position } of plan.kept) {
      ids[position] = id;
      await q.run(ARTICLE_SQL.move, [position, id, position]);
    }
    // One statement for every article gone (SQLite deletes them one by one, with no round trip to pay).
    if (plan.gone.length) await q.run('DELETE FROM articles WHERE id = ANY(?::text[])', [plan.gone]);
    const now = this.clock().toISOString();
    for (const { a, position } of plan.pending) ids[position] = await this.insertArticle(q, source, a, position, null, now);
    return ids;
  }

  replaceSource(source: StoredSource, articles: AnalysedArticle[]): Promise<string[]> {
    return this.write((q) => this.replaceOne(q, source, articles));
  }

  async replaceSources(items: { source: StoredSource; articles: AnalysedArticle[] }[]): Promise<string[][]> {
    return this.write(async (q) => {
      const ids: string[][] = [];
      for (const { source, articles } of items) ids.push(await this.replaceOne(q, source, articles));
      return ids;
    });
  }

  upsertItems(source: StoredSource, items: { key: string; article: AnalysedArticle }[]): Promise<string[]> {
    return this.write(async (q) => {
      const sameCode = await this.sameCode(q, source);
      await this.upsertSource(q, source);
      const now = this.clock().toISOString();
      const ids: string[] = [];
      for (const { key, article: a } of items) {
        const old = await q.one<{ id: string; content_hash: string }>(ARTICLE_SQL.ofItem, [source.kind, source.root, source.id, key]);
        if (old && !(sameCode && old.content_hash === a.contentHash)) await q.run(ARTICLE_SQL.update, [...contentColumns(a), now, old.id]);
        if (old) {
          ids.push(old.id);
          continue;
        }
        const next = await q.one<{ p: number }>(ARTICLE_SQL.nextPosition, [source.kind, source.root, source.id]);
        ids.push(await this.insertArticle(q, source, a, next!.p, key, now));
      }
      return ids;
    });
  }

  async touchSource(source: StoredSource): Promise<void> {
    await this.upsertSource(this.db, source);
  }

  async removeSources(keys: SourceKey[]): Promise<void> {
    if (!keys.length) return;
    await this.write(async (q) => {
      // Articles go with their source (ON DELETE CASCADE fires the change trigger for each).
      for (const k of keys) await q.run(ARTICLE_SQL.removeSource, [k.kind, k.root, k.id]);
    });
  }

  pruneFeedArticles(cutoff: Date): Promise<number> {
    return this.write((q) => q.run(ARTICLE_SQL.pruneFeed, [cutoff.toISOString()]));
  }
}
