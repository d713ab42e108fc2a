// The deliveries ledger: one row per (channel, local date). The row's existence is the claim;
// a UNIQUE constraint makes the database the arbiter between processes.
import type { Db } from './open';
import type { DeliveryLedgerStore, FinishOutcome } from './ports';
import { LEDGER_SQL } from './sql/ledger';
import { SCHEDULE_SQL } from './sql/schedules';
import { preparedOn, type Prepare } from './statements';

export type DeliveryStatus = 'claimed' | 'posted' | 'empty' | 'failed';
export type DeliveryTrigger = 'schedule' | 'catch-up' | 'now' | 'recovery';
export type FailureKind = 'permissions' | 'gone' | 'transient' | 'interrupted' | 'unknown';

export interface Delivery {
  channelId: string;
  guildId: string;
  localDate: string;
  status: DeliveryStatus;
  trigger: DeliveryTrigger;
  late: boolean;
  claimedBy: string;
  claimedAt: string;
  postedAt: string | null;
  messageIds: string[];
  articleIds: string[];
  attempts: number;
  error: string | null;
  errorKind: FailureKind | null;
  failureCounted: boolean;
}

export interface RawDelivery {
  channel_id: string;
  guild_id: string;
  local_date: string;
  status: DeliveryStatus;
  trigger: DeliveryTrigger;
  late: number;
  claimed_by: string;
  claimed_at: string;
  posted_at: string | null;
  message_ids: string;
  article_ids: string;
  attempts: number;
  error: string | null;
  error_kind: FailureKind | null;
  failure_counted: number;
}

export type TakeOverRequest = Pick<ClaimRequest, 'owner' | 'now' | 'trigger'> & { late?: boolean };

/** The values of the take-over UPDATE, in the order both stores write its placeholders. */
export function takeOverValues(seen: Delivery, req: TakeOverRequest): (string | number | null)[] {
  const { channelId, localDate, status, claimedBy, claimedAt } = seen;
  return [req.owner, req.now.toISOString(), req.trigger, (req.late ?? seen.late) ? 1 : 0, channelId, localDate, status, claimedBy, claimedAt];
}

/** LEDGER_SQL.claim's values. */
export function claimValues(req: ClaimRequest): (string | number)[] {
  return [req.channelId, req.guildId, req.localDate, req.trigger, req.late ? 1 : 0, req.owner, req.now.toISOString()];
}

/** The values of the finishing UPDATE, in the order both stores write its placeholders. */
export function finishValues(channelId: string, localDate: string, owner: string, outcome: FinishOutcome): (string | null)[] {
  const { status, now, messageIds, articleIds, detail } = outcome;
  return [status, now.toISOString(), JSON.stringify(messageIds), JSON.stringify(articleIds), detail ?? null, channelId, localDate, owner];
}

export function fromRaw(r: RawDelivery): Delivery {
  return {
    channelId: r.channel_id,
    guildId: r.guild_id,
    localDate: r.local_date,
    status: r.status,
    trigger: r.trigger,
    late: r.late === 1,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    postedAt: r.posted_at,
    messageIds: JSON.parse(r.message_ids) as string[],
    articleIds: JSON.parse(r.article_ids) as string[],
    attempts: r.attempts,
    error: r.error,
    errorKind: r.error_kind,
    failureCounted: r.failure_counted === 1,
  };
}

export interface ClaimRequest {
  channelId: string;
  guildId: string;
  localDate: string;
  trigger: DeliveryTrigger;
  late: boolean;
  owner: string;
  now: Date;
}

export class DeliveryLedger implements DeliveryLedgerStore {
  private readonly sql: Prepare;
  constructor(private readonly db: Db) {
    this.sql = preparedOn(db);
  }

  async get(channelId: string, localDate: string): Promise<Delivery | null> {
    return this.row(channelId, localDate);
  }

  private row(channelId: string, localDate: string): Delivery | null {
    const r = this.sql(LEDGER_SQL.get).get(channelId, localDate) as RawDelivery | undefined;
    return r ? fromRaw(r) : null;
  }

  async latest(channelId: string): Promise<Delivery | null> {
    const r = this.sql(LEDGER_SQL.latest).get(channelId) as RawDelivery | undefined;
    return r ? fromRaw(r) : null;
  }

  /** Takes the (channel, date) slot. Exactly one caller ever gets true for a slot, across processes. */
  async claim(req: ClaimRequest): Promise<Delivery | null> {
    const info = this.sql(LEDGER_SQL.claim).run(...claimValues(req));
    return info.changes === 1 ? this.row(req.channelId, req.localDate) : null;
  }

  /**
   * Takes over a row seen in state `seen` (a stale claim, or a failed day an admin retries with /briefing now).
   * Compare-and-swap on status, owner and claim time: of two processes racing for it, one wins.
   */
  async takeOver(seen: Delivery, req: TakeOverRequest): Promise<Delivery | null> {
    const info = this.sql(LEDGER_SQL.takeOver).run(...takeOverValues(seen, req));
    return info.changes === 1 ? this.row(seen.channelId, seen.localDate) : null;
  }

  /** Notes one more send attempt on a claim we hold. */
  async noteAttempt(channelId: string, localDate: string, owner: string, error: string): Promise<void> {
    this.sql(LEDGER_SQL.noteAttempt).run(error, channelId, localDate, owner);
  }

  /** Records which articles a claim is about to post, so a restart that finds the post can still remember them. */
  async notePlan(channelId: string, localDate: string, owner: string, articleIds: string[]): Promise<void> {
    this.sql(LEDGER_SQL.notePlan).run(JSON.stringify(articleIds), channelId, localDate, owner);
  }

  /** Records messages as they are sent, so a crash mid-way leaves a trail. */
  async addMessageIds(channelId: string, localDate: string, owner: string, ids: string[]): Promise<void> {
    const row = this.row(channelId, localDate);
    if (!row || row.claimedBy !== owner) return;
    this.sql('UPDATE deliveries SET message_ids = ? WHERE channel_id = ? AND local_date = ? AND claimed_by = ?').run(
      JSON.stringify([...row.messageIds, ...ids]),
      channelId,
      localDate,
      owner,
    );
  }

  /** Finishes a claim we hold as posted (or empty: nothing new and nothing announced) and remembers the articles. */
  async finish(channelId: string, localDate: string, owner: string, outcome: FinishOutcome): Promise<boolean> {
    return this.db.transaction(() => {
      const iso = outcome.now.toISOString();
      const info = this.sql(LEDGER_SQL.finish).run(...finishValues(channelId, localDate, owner, outcome));
      if (info.changes !== 1) return false;
      const remember = this.sql(
        `INSERT INTO briefed_articles (channel_id, article_id, local_date, briefed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel_id, article_id) DO NOTHING`,
      );
      for (const id of outcome.articleIds) remember.run(channelId, id, localDate, iso);
      this.sql(SCHEDULE_SQL.recordSuccess).run(channelId);
      return true;
    })();
  }

  /** Finishes a claim we hold as failed. Returns whether this day newly counts as a failed day. */
  async fail(channelId: string, localDate: string, owner: string, kind: FailureKind, error: string): Promise<{ newFailedDay: boolean }> {
    return this.db.transaction(() => {
      const row = this.row(channelId, localDate);
      if (!row || row.status !== 'claimed' || row.claimedBy !== owner) return { newFailedDay: false };
      this.sql(LEDGER_SQL.fail).run(error, kind, channelId, localDate, owner);
      return { newFailedDay: !row.failureCounted };
    })();
  }

  /** Claims left unfinished (by a crash, or by a process still working on them). */
  async unfinished(): Promise<Delivery[]> {
    return (this.sql(LEDGER_SQL.unfinished).all() as RawDelivery[]).map(fromRaw);
  }

  /** Ids of articles already briefed in a channel. */
  async briefedIn(channelId: string): Promise<Set<string>> {
    const rows = this.sql(LEDGER_SQL.briefedIn).all(channelId) as { article_id: string }[];
    return new Set(rows.map((r) => r.article_id));
  }

  async all(channelId: string): Promise<Delivery[]> {
    return (this.sql(LEDGER_SQL.all).all(channelId) as RawDelivery[]).map(fromRaw);
  }
}
