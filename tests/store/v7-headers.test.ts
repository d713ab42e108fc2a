// Schema v7 puts an article's header fields in columns. A store written before it (v6: header fields only inside
// the body and analysis JSON) must read the same headers after the upgrade, and the upgrade must not look like an
// edit of every article to readers that follow the change log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { analyseRaw } from '../../src/briefings/analyse-file';
import type { AnalysedArticle } from '../../src/briefings/article-store';
import type { ArticleReader } from '../../src/briefings';
import { contentColumns } from '../../src/store/articles';
import { migrate, MIGRATIONS } from '../../src/store/migrations';
import { connect } from '../../src/store/pg/db';
import { migratePg } from '../../src/store/pg/migrate';
import { openPgStore } from '../../src/store/pg/store';
import { openStore } from '../../src/store/store';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { rawArticle } from '../helpers/stored-articles';

const V6 = MIGRATIONS.filter((m) => m.version <= 6);

const ARTICLES: [string, AnalysedArticle][] = [
  ['file', analyseRaw({ ...rawArticle('Mayor opens bridge', ['"We built this together," said Mayor Ann Lee.']), source: 'b.txt' })],
  ['feed', analyseRaw({ ...rawArticle('Ferry strike ends', ['Boats sail.']), teaser: true, source: 'rss', url: 'https://n.example/f' })],
  ['feed', analyseRaw({ ...rawArticle('Old tram story', ['Long ago.'], null), backlog: true, dateApproximate: true })],
];

/** v6's article row: the content columns as they were (url … analysis), no header columns. */
function v6Rows(): unknown[][] {
  return ARTICLES.map(([kind, a], i) => {
    const root = kind === 'file' ? '/content' : '';
    return [a.slug, kind, root, `s${i}`, 0, kind === 'feed' ? `g${i}` : null, ...contentColumns(a).slice(0, 7), '2026-11-01T00:00:00.000Z'];
  });
}

const INSERT_SOURCE = `INSERT INTO sources (kind, root, id, analysis_version, synced_at) VALUES (?, ?, ?, 'v', 'now')`;
const INSERT_V6 = `INSERT INTO articles (id, source_kind, source_root, source_id, position, item_key, url, title, date, date_approximate,
  content_hash, body, analysis, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The headers the whole articles give (what the reader read before v7, from the JSON). */
async function expectHeadersMatchWholeRead(reader: ArticleReader): Promise<void> {
  const view = { fileRoot: '/content' };
  const whole = await reader.snapshot(view);
  const heads = await reader.headers(view);
  expect(heads.headers.map((h) => h.header)).toEqual(
    whole.articles.map(({ article: a }) => ({
      id: a.id,
      title: a.title,
      date: a.date,
      dateApproximate: a.dateApproximate,
      source: a.source,
      ...(a.url ? { url: a.url } : {}),
      ...(a.teaser ? { teaser: true } : {}),
      ...(a.backlog ? { backlog: true } : {}),
      quoteCount: a.quotes.length,
    })),
  );
  expect(heads.headers.map((h) => [h.header.title, h.header.quoteCount, !!h.header.teaser, !!h.header.backlog])).toEqual([
    ['Ferry strike ends', 0, true, false],
    ['Old tram story', 0, false, true],
    ['Mayor opens bridge', 1, false, false],
  ]);
}

describe('upgrading a store to header columns (schema v7)', () => {
  it('on SQLite: fills the columns from the JSON, reads the headers from the covering index, logs no change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-v7-'));
    const file = path.join(dir, 'old.db');
    try {
      const db = new Database(file);
      migrate(db, V6);
      v6Rows().forEach((r) => db.prepare(INSERT_SOURCE).run(r[1], r[2], r[3]));
      v6Rows().forEach((r) => db.prepare(INSERT_V6).run(...r));
      const logged = (db.prepare('SELECT COUNT(*) AS n FROM article_changes').get() as { n: number }).n;
      db.close();
      const store = openStore(file);
      try {
        await expectHeadersMatchWholeRead(store.articles);
        const after = store.db.prepare('SELECT COUNT(*) AS n FROM article_changes').get() as { n: number };
        expect(after.n).toBe(logged);
        const plan = store.db
          .prepare(
            "EXPLAIN QUERY PLAN SELECT title, quote_count FROM articles WHERE source_kind = 'feed' OR (source_kind = 'file' AND source_root = ?)",
          )
          .all('/content') as { detail: string }[];
        expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX articles_headers/);
      } finally {
        store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on Postgres', () => {
    let server: TestPostgres;
    beforeAll(async () => {
      server = await startPostgres();
    }, 90_000);
    afterAll(async () => server?.stop());

    it('fills the columns from the JSON and logs no change', async () => {
      const url = await server.freshDatabase();
      const db = await connect(url, { max: 1 });
      const pgParams = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
      let logged: number;
      try {
        await migratePg(db, V6);
        for (const r of v6Rows())
          await db.run(`INSERT INTO sources (kind, root, id, analysis_version, synced_at) VALUES (${pgParams(3)}, 'v', 'now')`, r.slice(1, 4));
        for (const r of v6Rows()) await db.run(INSERT_V6.replace(/VALUES \(.*\)$/, `VALUES (${pgParams(14)})`), r);
        logged = Number((await db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM article_changes'))!.n);
      } finally {
        await db.close();
      }
      const store = await openPgStore(url, { max: 2 });
      try {
        await expectHeadersMatchWholeRead(store.articles);
        expect((await store.db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM article_changes'))!.n).toBe(logged);
      } finally {
        await store.close();
      }
    });
  });
});
