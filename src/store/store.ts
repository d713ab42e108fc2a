// The briefings store: one database, its repositories.
import { SqliteArticleStore } from './articles';
import { SqliteFeedStore } from './feeds';
import { DeliveryLedger } from './ledger';
import { SqliteLiveLedger } from './live';
import { LiveSubscriptionRepo } from './live-subscriptions';
import { fileIdentityCheck, openDatabase, type Db } from './open';
import { ScheduleRepo } from './schedules';

export interface Store {
  db: Db;
  schedules: ScheduleRepo;
  ledger: DeliveryLedger;
  /** Live posts: subscriptions per channel and feed, and their exactly-once ledger. */
  live: { subscriptions: LiveSubscriptionRepo; ledger: SqliteLiveLedger };
  meta: Meta;
  articles: SqliteArticleStore;
  /** Feeds, their fetch state and who follows them. */
  feeds: SqliteFeedStore;
  /** Null while the database file is the one opened; otherwise what happened to it (deleted, replaced). */
  fileProblem(): string | null;
  close(): void;
}

export interface Meta {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

function metaOn(db: Db): Meta {
  return {
    get: (key) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null,
    set: (key, value) => {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    },
  };
}

export function storeOn(db: Db, file: string = db.name): Store {
  const identity = fileIdentityCheck(file);
  const articles = new SqliteArticleStore(db);
  // Readers more than a day behind re-read everything at start anyway.
  articles.pruneChangeLog();
  return {
    db,
    articles,
    feeds: new SqliteFeedStore(db),
    fileProblem: identity,
    schedules: new ScheduleRepo(db),
    ledger: new DeliveryLedger(db),
    live: { subscriptions: new LiveSubscriptionRepo(db), ledger: new SqliteLiveLedger(db) },
    meta: metaOn(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}

export function openStore(file: string): Store {
  return storeOn(openDatabase(file), file);
}
