// Article headers as both databases read them: the columns of the covering index articles_headers (schema v7),
// as row objects (Postgres) or raw rows of values (SQLite, where an object per row was ~0.25 s of a restart at 100k).
import type { ArticleHeader, SourceKind, StoredHeader } from '../briefings';

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A header row: the article's columns without its text (schema v7 keeps the body's few header fields in columns). */
export interface HeaderRow {
  id: string;
  source_kind: SourceKind;
  source_root: string;
  source_id: string;
  url: string | null;
  title: string;
  date: string | null;
  date_approximate: number;
  stored_at: string;
  position: number;
  source_name: string;
  teaser: number;
  backlog: number;
  quote_count: number;
}

export function headerFromRow(r: HeaderRow): StoredHeader {
  return headerFromValues(HEADER_FIELDS.map((f) => r[f]));
}

/** A header row as `.raw()` reads it: the values of HEADER_COLUMNS in order (no object per row to build and drop). */
export function headerFromValues(v: readonly unknown[]): StoredHeader {
  const [id, kind, root, sourceId, url, title, date, approximate, storedAt, , sourceName, teaser, backlog, quoteCount] = v;
  const header: ArticleHeader = {
    id: id as string,
    title: title as string,
    date: date as string | null,
    dateApproximate: approximate === 1 || approximate === true,
    source: sourceName as string,
    quoteCount: Number(quoteCount ?? 0),
  };
  if (url !== null) header.url = url as string;
  if (teaser === 1) header.teaser = true;
  if (backlog === 1) header.backlog = true;
  return { header, sourceKind: kind as SourceKind, sourceRoot: root as string, sourceId: sourceId as string, storedAt: storedAt as string };
}

/** The header columns both databases read: all in the covering index articles_headers (schema v7). */
export const HEADER_COLUMNS =
  'id, source_kind, source_root, source_id, url, title, date, date_approximate, stored_at, position, source_name, teaser, backlog, quote_count';
const HEADER_FIELDS = HEADER_COLUMNS.split(', ') as (keyof HeaderRow)[];

/** Raw header rows (HEADER_COLUMNS' values) in snapshot's order: by source, then the article's place in it. */
export function rawBySourceOrder(rows: unknown[][]): unknown[][] {
  const text = (r: unknown[], i: number) => r[i] as string;
  return rows.sort(
    (x, y) => cmp(text(x, 1), text(y, 1)) || cmp(text(x, 2), text(y, 2)) || cmp(text(x, 3), text(y, 3)) || (x[9] as number) - (y[9] as number),
  );
}
