// Which database: Postgres when DATABASE_URL is set (several hosts share it), else the SQLite file at
// DATABASE_PATH (one host, the embedded default).
import { openPgStore } from './pg/store';
import type { Store } from './ports';
import { openStore } from './store';

export interface StoreSettings {
  databaseUrl: string | null;
  databasePath: string;
}

export async function openConfiguredStore(settings: StoreSettings): Promise<Store> {
  return settings.databaseUrl ? openPgStore(settings.databaseUrl) : openStore(settings.databasePath);
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
