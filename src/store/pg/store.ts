// The briefbot store on Postgres (DATABASE_URL): the same repositories as the SQLite store, shared by every
// host of one bot. Opening connects, says clearly when the server cannot be reached, and migrates.
import type { Meta, Store } from '../ports';
import { META_SQL } from '../sql/meta';
import { PgArticleStore } from './articles';
import { connect, type PgDb } from './db';
import { PgFeedStore } from './feeds';
import { PgDeliveryLedger } from './ledger';
import { PgLiveLedger, PgLiveSubscriptions } from './live';
import { migratePg } from './migrate';
import { PgScheduleStore } from './schedules';

export interface PgStore extends Store {
  readonly backend: 'postgres';
  readonly db: PgDb;
}

function metaOn(db: PgDb): Meta {
  return {
    get: async (key) => (await db.one<{ value: string }>(META_SQL.get, [key]))?.value ?? null,
    set: async (key, value) => {
      await db.run(META_SQL.set, [key, value]);
    },
  };
}

export function pgStoreOn(db: PgDb): PgStore {
  let closed: Promise<void> | null = null;
  return {
    backend: 'postgres',
    db,
    schedules: new PgScheduleStore(db),
    ledger: new PgDeliveryLedger(db),
    live: { subscriptions: new PgLiveSubscriptions(db), ledger: new PgLiveLedger(db) },
    meta: metaOn(db),
    articles: new PgArticleStore(db),
    feeds: new PgFeedStore(db),
    fileProblem: () => null,
    close: () => (closed ??= db.close()),
  };
}

/** Connects to DATABASE_URL, brings the schema up to date and returns the store. Errors are DatabaseErrors in words. */
export async function openPgStore(url: string, opts: { max?: number } = {}): Promise<PgStore> {
  const db = await connect(url, opts);
  try {
    await migratePg(db);
    const store = pgStoreOn(db);
    // Readers more than a day behind re-read everything at start anyway.
    await (store.articles as PgArticleStore).pruneChangeLog();
    return store;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
