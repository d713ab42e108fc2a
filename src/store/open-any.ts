// Which database: Postgres when DATABASE_URL is set (several hosts share it), else the SQLite file at
// DATABASE_PATH (one host, the embedded default).
import type { Store } from './ports';
import { openStore } from './store';

export interface StoreSettings {
  databaseUrl: string | null;
  databasePath: string;
}

export async function openConfiguredStore(settings: StoreSettings): Promise<Store> {
  if (!settings.databaseUrl) return openStore(settings.databasePath);
  // Loaded only when asked for: the pg client is not part of a SQLite start (or a CLI search).
  const { openPgStore } = await import('./pg/store');
  return openPgStore(settings.databaseUrl);
}

/** Where the store is, for messages: the Postgres host (never its password) or the SQLite file. */
export function storeLocation(settings: StoreSettings): string {
  if (!settings.databaseUrl) return settings.databasePath;
  try {
    const u = new URL(settings.databaseUrl);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
