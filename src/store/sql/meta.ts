// The meta table's statements (key → value), as both databases run them (Postgres numbers the `?`).

export const META_SQL = {
  get: 'SELECT value FROM meta WHERE key = ?',
  set: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
} as const;
