// Migration 7: an article's header in its own columns, with a covering index, so a restart reads the headers
// (ArticleReader.headers) from the index alone: no body, no analysis, no JSON. Existing rows are filled from their
// JSON. The change-log triggers are held off while filling: no article's content changes, so readers that follow
// the log must not re-read every article.
import type { Migration } from '../migrations';

/** Source order first (the headers' order), then every column a header reads, so the index covers the query. */
const HEADER_INDEX = `CREATE INDEX articles_headers ON articles (source_kind, source_root, source_id, position, id, url, title, date,
    date_approximate, stored_at, source_name, teaser, backlog, quote_count)`;

export const V7_ARTICLE_HEADERS: Migration = {
  version: 7,
  name: 'articles: header fields (source name, teaser, backlog, quote count) in columns, with a covering index',
  sqlite: `
    ALTER TABLE articles ADD COLUMN source_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN teaser      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN backlog     INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
    DROP TRIGGER articles_updated;
    UPDATE articles SET
      source_name = COALESCE(json_extract(body, '$.source'), ''),
      teaser      = CASE WHEN json_extract(body, '$.teaser') = 1 THEN 1 ELSE 0 END,
      backlog     = CASE WHEN json_extract(body, '$.backlog') = 1 THEN 1 ELSE 0 END,
      quote_count = COALESCE(json_array_length(analysis, '$.quotes'), 0);
    CREATE TRIGGER articles_updated AFTER UPDATE ON articles BEGIN
      INSERT INTO article_changes (article_id) VALUES (NEW.id);
    END;
    ${HEADER_INDEX};
  `,
  postgres: `
    ALTER TABLE articles ADD COLUMN source_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN teaser      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN backlog     INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles DISABLE TRIGGER articles_changed;
    UPDATE articles SET
      source_name = COALESCE(body::jsonb ->> 'source', ''),
      teaser      = CASE WHEN body::jsonb ->> 'teaser' = 'true' THEN 1 ELSE 0 END,
      backlog     = CASE WHEN body::jsonb ->> 'backlog' = 'true' THEN 1 ELSE 0 END,
      quote_count = COALESCE(jsonb_array_length(analysis::jsonb -> 'quotes'), 0);
    ALTER TABLE articles ENABLE TRIGGER articles_changed;
    ${HEADER_INDEX};
  `,
};
