// The article store's statements, as both databases run them: SQLite as written, Postgres with its `?`
// placeholders numbered (src/store/pg/db.ts). Where the dialects differ (the change counter, a list of ids,
// the headers' index hint, pruning the change log), each repository writes its own.
export const ARTICLE_COLUMNS = 'id, source_kind, source_root, source_id, url, title, date, date_approximate, body, analysis, stored_at';

/** The columns an article's content is written to, in contentColumns' order (schema v7's header fields last). */
export const WRITTEN = [
  'url',
  'title',
  'date',
  'date_approximate',
  'content_hash',
  'body',
  'analysis',
  'source_name',
  'teaser',
  'backlog',
  'quote_count',
];

/** The articles a view sees: every feed's, and the files of its folder (one value: the folder). */
export const IN_VIEW = "source_kind = 'feed' OR (source_kind = 'file' AND source_root = ?)";

const INSERTED = ['id', 'source_kind', 'source_root', 'source_id', 'position', 'item_key', ...WRITTEN, 'stored_at'];
const UPDATED = [...WRITTEN, 'stored_at'];
const SOURCE = 'source_kind = ? AND source_root = ? AND source_id = ?';

export const ARTICLE_SQL = {
  /** Sorted by the caller: ORDER BY would copy every body through a temporary b-tree (~1 s at 10k on SQLite). */
  snapshot: `SELECT ${ARTICLE_COLUMNS}, position FROM articles WHERE ${IN_VIEW}`,
  get: `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`,
  changesSince: 'SELECT DISTINCT article_id FROM article_changes WHERE seq > ?',
  pruneChangeLog: 'DELETE FROM article_changes WHERE changed_at < ?',
  warnings: `SELECT warnings FROM sources WHERE warnings <> '[]' AND (kind = 'feed' OR (kind = 'file' AND root = ?)) ORDER BY kind, root, id`,
  loadSearchSnapshot: 'SELECT change_seq, analysis_version, data FROM search_snapshots WHERE view = ?',
  saveSearchSnapshot: `INSERT INTO search_snapshots (view, change_seq, analysis_version, data, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (view) DO UPDATE SET change_seq = excluded.change_seq, analysis_version = excluded.analysis_version,
         data = excluded.data, saved_at = excluded.saved_at`,
  /** A folder's (or the feeds') sources, kind and root known: the rest of each row. */
  sources: 'SELECT id, size, mtime_ms, content_hash, analysis_version, warnings FROM sources WHERE kind = ? AND root = ?',
  /** Values: sourceValues. */
  upsertSource: `INSERT INTO sources (kind, root, id, size, mtime_ms, content_hash, analysis_version, warnings, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, root, id) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
         content_hash = excluded.content_hash, analysis_version = excluded.analysis_version,
         warnings = excluded.warnings, synced_at = excluded.synced_at`,
  analysisVersion: 'SELECT analysis_version FROM sources WHERE kind = ? AND root = ? AND id = ?',
  removeSource: 'DELETE FROM sources WHERE kind = ? AND root = ? AND id = ?',
  idTaken: 'SELECT 1 FROM articles WHERE id = ?',
  ofSource: `SELECT id, content_hash FROM articles WHERE ${SOURCE}`,
  ofItem: `SELECT id, content_hash FROM articles WHERE ${SOURCE} AND item_key = ?`,
  nextPosition: `SELECT COALESCE(MAX(position) + 1, 0) AS p FROM articles WHERE ${SOURCE}`,
  /** Values: position, id, position. */
  move: 'UPDATE articles SET position = ? WHERE id = ? AND position <> ?',
  /** Values: id, the source's kind, root and id, position, item key, contentColumns, now. */
  insert: `INSERT INTO articles (${INSERTED.join(', ')}) VALUES (${INSERTED.map(() => '?').join(', ')})`,
  /** Values: contentColumns, now, id. */
  update: `UPDATE articles SET ${UPDATED.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  pruneFeed: `DELETE FROM articles WHERE source_kind = 'feed' AND COALESCE(date, stored_at) < ?`,
} as const;
