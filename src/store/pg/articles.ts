// The article store on Postgres: the same rows, ids and change log as SqliteArticleStore. Every transaction that
// writes articles first takes one advisory lock, so change seqs commit in order across hosts and a reader that
// polls "changes after seq n" never misses one that committed late.
import type pg from 'pg';
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
import {
  ARTICLE_COLUMNS,
  bySourceOrder,
  contentColumns,
  fromRow,
  HEADER_COLUMNS,
  insertArticleSql,
  updateArticleSql,
  headerFromRow,
  sourceFromRow,
  type ArticleRow,
  type HeaderRow,
  type SourceRow,
} from '../articles';
import type { PgDb, Queryable } from './db';

const ARTICLE_WRITE_LOCK = 7_240_002;

async function currentSeq(q: Queryable): Promise<number> {
  return (await q.query<{ s: number }>('SELECT COALESCE(MAX(seq), 0)::bigint AS s FROM article_changes')).rows[0].s;
}

export class PgArticleStore implements ArticleReader, ArticleWriter {
  constructor(
    private readonly db: PgDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A writing transaction, serialised with every other article writer of any host. */
  private write<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.db.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [ARTICLE_WRITE_LOCK]);
      return fn(c);
    });
  }

  async snapshot(view: ArticleView): Promise<StoreSnapshot> {
    return this.db.tx(async (c) => {
      const seq = await currentSeq(c);
      const { rows } = await c.query<ArticleRow & { position: number }>(
        `SELECT ${ARTICLE_COLUMNS}, position FROM articles WHERE source_kind = 'feed' OR (source_kind = 'file' AND source_root = $1)`,
        [view.fileRoot],
      );
      return { seq, articles: bySourceOrder(rows).map(fromRow) };
    }, 'REPEATABLE READ');
  }

  async headers(view: ArticleView): Promise<StoreHeaders> {
    return this.db.tx(async (c) => {
      const seq = await currentSeq(c);
      const { rows } = await c.query<HeaderRow>(
        `SELECT ${HEADER_COLUMNS} FROM articles WHERE source_kind = 'feed' OR (source_kind = 'file' AND source_root = $1)`,
        [view.fileRoot],
      );
      return { seq, headers: bySourceOrder(rows).map(headerFromRow) };
    }, 'REPEATABLE READ');
  }

  async get(id: string): Promise<StoredArticle | null> {
    const r = await this.db.one<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return r ? fromRow(r) : null;
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    if (!ids.length) return [];
    return (await this.db.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids])).map(fromRow);
  }

  async changesSince(seq: number): Promise<{ seq: number; ids: string[] }> {
    return this.db.tx(async (c) => {
      const { rows } = await c.query<{ article_id: string }>('SELECT DISTINCT article_id FROM article_changes WHERE seq > $1', [seq]);
      return { seq: await currentSeq(c), ids: rows.map((r) => r.article_id) };
    }, 'REPEATABLE READ');
  }

  /** Forgets change-log entries older than `days`, always keeping the newest (it is the change counter). */
  async pruneChangeLog(days = 1): Promise<void> {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    await this.db.run('DELETE FROM article_changes WHERE changed_at < $1 AND seq < (SELECT MAX(seq) FROM article_changes)', [cutoff]);
  }

  async warnings(view: ArticleView): Promise<LoadWarning[]> {
    const rows = await this.db.rows<{ warnings: string }>(
      // A null root matches no file (source_root = NULL is never true).
      `SELECT warnings FROM sources WHERE warnings <> '[]' AND (kind = 'feed' OR (kind = 'file' AND root = $1)) ORDER BY kind, root, id`,
      [view.fileRoot],
    );
    return rows.flatMap((r) => JSON.parse(r.warnings) as LoadWarning[]);
  }

  async loadSearchSnapshot(viewKey: string): Promise<SearchSnapshotRecord | null> {
    const r = await this.db.one<{ change_seq: number; analysis_version: string; data: Buffer }>(
      'SELECT change_seq, analysis_version, data FROM search_snapshots WHERE view = $1',
      [viewKey],
    );
    return r ? { seq: r.change_seq, analysisVersion: r.analysis_version, data: r.data } : null;
  }

  async saveSearchSnapshot(viewKey: string, record: SearchSnapshotRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO search_snapshots (view, change_seq, analysis_version, data, saved_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (view) DO UPDATE SET change_seq = excluded.change_seq, analysis_version = excluded.analysis_version,
         data = excluded.data, saved_at = excluded.saved_at`,
      [
        viewKey,
        record.seq,
        record.analysisVersion,
        Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength),
        this.clock().toISOString(),
      ],
    );
  }

  async sources(kind: SourceKind, root: string): Promise<Map<string, StoredSource>> {
    const rows = await this.db.rows<SourceRow>('SELECT * FROM sources WHERE kind = $1 AND root = $2', [kind, root]);
    return new Map(rows.map((r) => [r.id, sourceFromRow(r)]));
  }

  private async upsertSource(c: Queryable, s: StoredSource): Promise<void> {
    await c.query(
      `INSERT INTO sources (kind, root, id, size, mtime_ms, content_hash, analysis_version, warnings, synced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (kind, root, id) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
         content_hash = excluded.content_hash, analysis_version = excluded.analysis_version,
         warnings = excluded.warnings, synced_at = excluded.synced_at`,
      [s.kind, s.root, s.id, s.size, s.mtimeMs, s.contentHash, s.analysisVersion, JSON.stringify(s.warnings), this.clock().toISOString()],
    );
  }

  private async analysisBefore(c: Queryable, s: StoredSource): Promise<string | undefined> {
    const { rows } = await c.query<{ analysis_version: string }>('SELECT analysis_version FROM sources WHERE kind = $1 AND root = $2 AND id = $3', [
      s.kind,
      s.root,
      s.id,
    ]);
    return rows[0]?.analysis_version;
  }

  /** The slug itself when free, else slug-2, slug-3… */
  private async claimId(c: Queryable, slug: string): Promise<string> {
    let id = slug;
    for (let n = 2; (await c.query('SELECT 1 FROM articles WHERE id = $1', [id])).rowCount; n++) id = `${slug}-${n}`;
    return id;
  }

  private async insertArticle(
    c: Queryable,
    source: StoredSource,
    a: AnalysedArticle,
    position: number,
    key: string | null,
    now: string,
  ): Promise<string> {
    const id = await this.claimId(c, a.slug);
    await c.query(
      insertArticleSql((i) => `$${i}`),
      [id, source.kind, source.root, source.id, position, key, ...contentColumns(a), now],
    );
    return id;
  }

  private async replaceOne(c: Queryable, source: StoredSource, articles: AnalysedArticle[]): Promise<string[]> {
    const sameCode = (await this.analysisBefore(c, source)) === source.analysisVersion;
    await this.upsertSource(c, source);
    const { rows } = await c.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM articles WHERE source_kind = $1 AND source_root = $2 AND source_id = $3',
      [source.kind, source.root, source.id],
    );
    const old = new Map(rows.map((r) => [r.id, sameCode ? r.content_hash : '']));
    // Unchanged articles are left alone (no change-log entry, no re-index); the rest are rewritten.
    const keep = new Set<string>();
    const ids: string[] = [];
    const pending: { a: AnalysedArticle; position: number }[] = [];
    for (const [position, a] of articles.entries()) {
      const same = [...old.entries()].find(([id, hash]) => !keep.has(id) && hash === a.contentHash && (id === a.slug || id.startsWith(`${a.slug}-`)));
      if (!same) {
        pending.push({ a, position });
        continue;
      }
      keep.add(same[0]);
      ids[position] = same[0];
      await c.query('UPDATE articles SET position = $1 WHERE id = $2 AND position <> $1', [position, same[0]]);
    }
    const gone = [...old.keys()].filter((id) => !keep.has(id));
    if (gone.length) await c.query('DELETE FROM articles WHERE id = ANY($1::text[])', [gone]);
    const now = this.clock().toISOString();
    for (const { a, position } of pending) ids[position] = await this.insertArticle(c, source, a, position, null, now);
    return ids;
  }

  replaceSource(source: StoredSource, articles: AnalysedArticle[]): Promise<string[]> {
    return this.write((c) => this.replaceOne(c, source, articles));
  }

  async replaceSources(items: { source: StoredSource; articles: AnalysedArticle[] }[]): Promise<string[][]> {
    return this.write(async (c) => {
      const ids: string[][] = [];
      for (const { source, articles } of items) ids.push(await this.replaceOne(c, source, articles));
      return ids;
    });
  }

  upsertItems(source: StoredSource, items: { key: string; article: AnalysedArticle }[]): Promise<string[]> {
    return this.write(async (c) => {
      const sameCode = (await this.analysisBefore(c, source)) === source.analysisVersion;
      await this.upsertSource(c, source);
      const now = this.clock().toISOString();
      const ids: string[] = [];
      for (const { key, article: a } of items) {
        const { rows } = await c.query<{ id: string; content_hash: string }>(
          'SELECT id, content_hash FROM articles WHERE source_kind = $1 AND source_root = $2 AND source_id = $3 AND item_key = $4',
          [source.kind, source.root, source.id, key],
        );
        const old = rows[0];
        if (old && !(sameCode && old.content_hash === a.contentHash)) {
          await c.query(
            updateArticleSql((i) => `$${i}`),
            [...contentColumns(a), now, old.id],
          );
        }
        if (old) {
          ids.push(old.id);
          continue;
        }
        const next = await c.query<{ p: number }>(
          'SELECT COALESCE(MAX(position) + 1, 0)::int AS p FROM articles WHERE source_kind = $1 AND source_root = $2 AND source_id = $3',
          [source.kind, source.root, source.id],
        );
        ids.push(await this.insertArticle(c, source, a, next.rows[0].p, key, now));
      }
      return ids;
    });
  }

  async touchSource(source: StoredSource): Promise<void> {
    await this.upsertSource(this.db.pool, source);
  }

  async removeSources(keys: SourceKey[]): Promise<void> {
    if (!keys.length) return;
    await this.write(async (c) => {
      // Articles go with their source (ON DELETE CASCADE fires the change trigger for each).
      for (const k of keys) await c.query('DELETE FROM sources WHERE kind = $1 AND root = $2 AND id = $3', [k.kind, k.root, k.id]);
    });
  }

  pruneFeedArticles(cutoff: Date): Promise<number> {
    return this.write(async (c) => {
      const r = await c.query(`DELETE FROM articles WHERE source_kind = 'feed' AND COALESCE(date, stored_at) < $1`, [cutoff.toISOString()]);
      return r.rowCount ?? 0;
    });
  }
}
