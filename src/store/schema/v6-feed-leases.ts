// Migration 6: a lease on each feed, so that of several processes (shards, hosts) sharing the store exactly
// one fetches a due feed; a holder that dies lets its lease run out and another takes the feed.
import type { Migration } from '../migrations';

export const V6_FEED_LEASES: Migration = {
  version: 6,
  name: 'feeds: who is fetching a feed now, and until when (a lease)',
  sqlite: `
    ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
    ALTER TABLE feeds ADD COLUMN lease_until TEXT;  -- ISO instant; an expired lease is free
  `,
  postgres: `
    ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
    ALTER TABLE feeds ADD COLUMN lease_until TEXT;
  `,
};
