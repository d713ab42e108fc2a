// The deliveries ledger on Postgres: the statements of src/store/ledger.ts (src/store/sql/ledger.ts), with
// RETURNING * where a write reads its row back, and Postgres's own ways where one statement does more.
// As on SQLite, the UNIQUE (channel_id, local_date) constraint is the claim: exactly one caller of any host gets it.
import {
  claimValues,
  finishValues,
  fromRaw,
  takeOverValues,
  type ClaimRequest,
  type Delivery,
  type FailureKind,
  type RawDelivery,
  type TakeOverRequest,
} from '../ledger';
import type { DeliveryLedgerStore, FinishOutcome } from '../ports';
import { LEDGER_SQL } from '../sql/ledger';
import { SCHEDULE_SQL } from '../sql/schedules';
import type { PgDb } from './db';

export class PgDeliveryLedger implements DeliveryLedgerStore {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string, localDate: string): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(LEDGER_SQL.get, [channelId, localDate]);
    return r ? fromRaw(r) : null;
  }

  async latest(channelId: string): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(LEDGER_SQL.latest, [channelId]);
    return r ? fromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(`${LEDGER_SQL.claim} RETURNING *`, claimValues(req));
    return r ? fromRaw(r) : null;
  }

  async takeOver(seen: Delivery, req: TakeOverRequest): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(`${LEDGER_SQL.takeOver} RETURNING *`, takeOverValues(seen, req));
    return r ? fromRaw(r) : null;
  }

  async noteAttempt(channelId: string, localDate: string, owner: string, error: string): Promise<void> {
    await this.db.run(LEDGER_SQL.noteAttempt, [error, channelId, localDate, owner]);
  }

  async notePlan(channelId: string, localDate: string, owner: string, articleIds: string[]): Promise<void> {
    await this.db.run(LEDGER_SQL.notePlan, [JSON.stringify(articleIds), channelId, localDate, owner]);
  }

  async addMessageIds(channelId: string, localDate: string, owner: string, ids: string[]): Promise<void> {
    // One statement appends, so two appends never lose one another.
    await this.db.run(
      `UPDATE deliveries SET message_ids = (message_ids::jsonb || ?::jsonb)::text
       WHERE channel_id = ? AND local_date = ? AND claimed_by = ?`,
      [JSON.stringify(ids), channelId, localDate, owner],
    );
  }

  async finish(channelId: string, localDate: string, owner: string, outcome: FinishOutcome): Promise<boolean> {
    return this.db.tx(async (q) => {
      const iso = outcome.now.toISOString();
      if ((await q.run(LEDGER_SQL.finish, finishValues(channelId, localDate, owner, outcome))) !== 1) return false;
      if (outcome.articleIds.length) {
        // Every article in one statement (SQLite inserts them one by one, with no round trip to pay).
        await q.run(
          `INSERT INTO briefed_articles (channel_id, article_id, local_date, briefed_at)
           SELECT ?, id, ?, ? FROM unnest(?::text[]) AS id ON CONFLICT (channel_id, article_id) DO NOTHING`,
          [channelId, localDate, iso, outcome.articleIds],
        );
      }
      await q.run(SCHEDULE_SQL.recordSuccess, [channelId]);
      return true;
    });
  }

  async fail(channelId: string, localDate: string, owner: string, kind: FailureKind, error: string): Promise<{ newFailedDay: boolean }> {
    return this.db.tx(async (q) => {
      const raw = await q.one<RawDelivery>(`${LEDGER_SQL.get} FOR UPDATE`, [channelId, localDate]);
      const row = raw ? fromRaw(raw) : null;
      if (!row || row.status !== 'claimed' || row.claimedBy !== owner) return { newFailedDay: false };
      await q.run(LEDGER_SQL.fail, [error, kind, channelId, localDate, owner]);
      return { newFailedDay: !row.failureCounted };
    });
  }

  async unfinished(): Promise<Delivery[]> {
    return (await this.db.rows<RawDelivery>(LEDGER_SQL.unfinished)).map(fromRaw);
  }

  async briefedIn(channelId: string): Promise<Set<string>> {
    const rows = await this.db.rows<{ article_id: string }>(LEDGER_SQL.briefedIn, [channelId]);
    return new Set(rows.map((r) => r.article_id));
  }

  async all(channelId: string): Promise<Delivery[]> {
    return (await this.db.rows<RawDelivery>(LEDGER_SQL.all, [channelId])).map(fromRaw);
  }
}
