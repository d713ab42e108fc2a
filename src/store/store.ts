// The briefings store on SQLite: one database file, its repositories (synchronous inside, async outside).
import { SqliteArticleStore } from './articles';
import { SqliteFeedStore } from './feeds';
import { DeliveryLedger } from './ledger';
import { SqliteLiveLedger } from './live';
import { LiveSubscriptionRepo } from './live-subscriptions';
import { closeDatabase, fileIdentityCheck, openDatabase, type Db } from './open';
import type { Meta, Store } from './ports';
import { ScheduleRepo } from './schedules';
import { META_SQL } from './sql/meta';

export type { Meta, Store } from './ports';

/** The SQLite store, with the database handle (tests and tools reach into it). */
export interface SqliteStore extends Store {
  readonly backend: 'sqlite';
  db: Db;
}

function metaOn(db: Db): Meta {
  return {
    get: async (key) => (db.prepare(META_SQL.get).get(key) as { value: string } | undefined)?.value ?? null,
    set: async (key, value) => {
      db.prepare(META_SQL.set).run(key, value);
    },
  };
}

export function storeOn(db: Db, file: string = db.name): SqliteStore {
  const identity = fileIdentityCheck(file);
  const articles = new SqliteArticleStore(db);
  // Readers more than a day behind re-read everything at start anyway.
  articles.pruneChangeLog();
  return {
    backend: 'sqlite',
    db,
    articles,
    feeds: new SqliteFeedStore(db),
    fileProblem: identity,
    schedules: new ScheduleRepo(db),
    ledger: new DeliveryLedger(db),
    live: { subscriptions: new LiveSubscriptionRepo(db), ledger: new SqliteLiveLedger(db) },
    meta: metaOn(db),
    close: async () => {
      closeDatabase(db, file);
    },
  };
}

export function openStore(file: string): SqliteStore {
  return storeOn(openDatabase(file), file);
}
