// What a failed database write means, in words an operator can act on. SQLite reports these by code.
const STORAGE_CODES: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'the database file is not a SQLite database',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_BUSY: 'another process holds the database locked',
};

/** A short description of a database failure (e.g. "the disk is full (SQLITE_FULL)"), or null for other errors. */
export function describeStorageError(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const base = code.replace(/^(SQLITE_[A-Z]+)(_.*)?$/, '$1');
  return `${STORAGE_CODES[base] ?? 'the database refused a write'} (${code})`;
}
