// Snowflakes like Discord's: (ms since 2015) << 22 | worker | process | increment.
// The timestamp part also decides the shard: (id >> 22) % shardCount.

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
let lastMs = 0;

/** A new id. Without atMs, ids only grow, even when a test moves a faked Date backwards, as Discord's do. */
export function snowflake(atMs?: number): string {
  let ms = atMs ?? Math.max(Date.now(), lastMs);
  increment = (increment + 1n) & 0xfffn;
  if (atMs === undefined) {
    if (increment === 0n && ms === lastMs) ms++;
    lastMs = ms;
  }
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh guild id that lands on the given shard. */
export function guildIdForShard(shardId: number, shardCount: number): string {
  let ms = Date.now() - 86_400_000;
  while (shardOf(snowflake(ms), shardCount) !== shardId) ms++;
  return snowflake(ms);
}

export function isoTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
