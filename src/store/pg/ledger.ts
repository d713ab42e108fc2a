// The deliveries ledger on Postgres. As on SQLite, the UNIQUE (channel_id, local_date) constraint is the claim:
// INSERT … ON CONFLICT DO NOTHING gives a slot to exactly one caller of any host.
import {
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
import type { PgDb } from './db';

export class PgDeliveryLedger implements DeliveryLedgerStore {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string, localDate: string): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>('SELECT * FROM deliveries WHERE channel_id = $1 AND local_date = $2', [channelId, localDate]);
    return r ? fromRaw(r) : null;
  }

  async latest(channelId: string): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>('SELECT * FROM deliveries WHERE channel_id = $1 ORDER BY local_date DESC LIMIT 1', [channelId]);
    return r ? fromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(
      `INSERT INTO deliveries (channel_id, guild_id, local_date, status, trigger, late, claimed_by, claimed_at)
       VALUES ($1, $2, $3, 'claimed', $4, $5, $6, $7)
       ON CONFLICT (channel_id, local_date) DO NOTHING RETURNING *`,
      [req.channelId, req.guildId, req.localDate, req.trigger, req.late ? 1 : 0, req.owner, req.now.toISOString()],
    );
    return r ? fromRaw(r) : null;
  }

  async takeOver(seen: Delivery, req: TakeOverRequest): Promise<Delivery | null> {
    const r = await this.db.one<RawDelivery>(
      `UPDATE deliveries SET status = 'claimed', claimed_by = $1, claimed_at = $2, attempts = attempts + 1,
                             trigger = $3, late = $4, error = NULL, error_kind = NULL
       WHERE channel_id = $5 AND local_date = $6 AND status = $7 AND claimed_by = $8 AND claimed_at = $9 RETURNING *`,
      takeOverValues(seen, req),
    );
    return r ? fromRaw(r) : null;
  }

  async noteAttempt(channelId: string, localDate: string, owner: string, error: string): Promise<void> {
    await this.db.run(
      `UPDATE deliveries SET attempts = attempts + 1, error = $1
       WHERE channel_id = $2 AND local_date = $3 AND status = 'claimed' AND claimed_by = $4`,
      [error, channelId, localDate, owner],
    );
  }

  async notePlan(channelId: string, localDate: string, owner: string, articleIds: string[]): Promise<void> {
    await this.db.run(`UPDATE deliveries SET article_ids = $1 WHERE channel_id = $2 AND local_date = $3 AND status = 'claimed' AND claimed_by = $4`, [
      JSON.stringify(articleIds),
      channelId,
      localDate,
      owner,
    ]);
  }

  async addMessageIds(channelId: string, localDate: string, owner: string, ids: string[]): Promise<void> {
    // One statement appends, so two appends never lose one another.
    await this.db.run(
      `UPDATE deliveries SET message_ids = (message_ids::jsonb || $1::jsonb)::text
       WHERE channel_id = $2 AND local_date = $3 AND claimed_by = $4`,
      [JSON.stringify(ids), channelId, localDate, owner],
    );
  }

  async finish(channelId: string, localDate: string, owner: string, outcome: FinishOutcome): Promise<boolean> {
    return this.db.tx(async (c) => {
      const iso = outcome.now.toISOString();
      const done = await c.query(
        `UPDATE deliveries SET status = $1, posted_at = $2, message_ids = $3, article_ids = $4, error = $5, error_kind = NULL
         WHERE channel_id = $6 AND local_date = $7 AND status = 'claimed' AND claimed_by = $8`,
        finishValues(channelId, localDate, owner, outcome),
      );
      if (done.rowCount !== 1) return false;
      if (outcome.articleIds.length) {
        await c.query(
          `INSERT INTO briefed_articles (channel_id, article_id, local_date, briefed_at)
           SELECT $1, id, $2, $3 FROM unnest($4::text[]) AS id ON CONFLICT (channel_id, article_id) DO NOTHING`,
          [channelId, localDate, iso, outcome.articleIds],
        );
      }
      await c.query('UPDATE schedules SET failure_days = 0 WHERE channel_id = $1', [channelId]);
      return true;
    });
  }

  async fail(channelId: string, localDate: string, owner: string, kind: FailureKind, error: string): Promise<{ newFailedDay: boolean }> {
    return this.db.tx(async (c) => {
      const { rows } = await c.query<RawDelivery>('SELECT * FROM deliveries WHERE channel_id = $1 AND local_date = $2 FOR UPDATE', [
        channelId,
        localDate,
      ]);
      const row = rows[0] ? fromRaw(rows[0]) : null;
      if (!row || row.status !== 'claimed' || row.claimedBy !== owner) return { newFailedDay: false };
      await c.query(
        `UPDATE deliveries SET status = 'failed', error = $1, error_kind = $2, failure_counted = 1
         WHERE channel_id = $3 AND local_date = $4 AND claimed_by = $5`,
        [error, kind, channelId, localDate, owner],
      );
      return { newFailedDay: !row.failureCounted };
    });
  }

  async unfinished(): Promise<Delivery[]> {
    return (await this.db.rows<RawDelivery>("SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY claimed_at")).map(fromRaw);
  }

  async briefedIn(channelId: string): Promise<Set<string>> {
    const rows = await this.db.rows<{ article_id: string }>('SELECT article_id FROM briefed_articles WHERE channel_id = $1', [channelId]);
    return new Set(rows.map((r) => r.article_id));
  }

  async all(channelId: string): Promise<Delivery[]> {
    return (await this.db.rows<RawDelivery>('SELECT * FROM deliveries WHERE channel_id = $1 ORDER BY local_date', [channelId])).map(fromRaw);
  }
}
