// `briefbot fetch`: every followed feed polled once, what is new stored, and a table of what happened.
import type { CliIo } from './run';

/** One feed's poll, as the entry point reports it (src/sources' PollOutcome, without the CLI knowing it). */
export interface FetchRow {
  feed: string;
  status: 'ok' | 'not-modified' | 'failed' | 'disabled' | 'not-due';
  new: number;
  updated: number;
  unchanged: number;
  /** Why it failed or is disabled. */
  reason: string | null;
}

export type FeedFetcher = (database: string) => Promise<FetchRow[]>;

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** A plain-text table: feed, new, updated, unchanged, failed (and why). */
export function formatFetchTable(rows: FetchRow[]): string {
  const head = ['feed', 'new', 'updated', 'unchanged', 'failed'];
  const cells = rows.map((r) => [
    r.feed,
    String(r.new),
    String(r.updated),
    r.status === 'not-modified' ? 'not modified' : String(r.unchanged),
    r.status === 'failed' || r.status === 'disabled' ? (r.reason ?? r.status) : '',
  ]);
  const widths = head.slice(0, 4).map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    [pad(c[0], widths[0]), pad(c[1], widths[1], true), pad(c[2], widths[2], true), pad(c[3], widths[3], true), c[4]].join('  ').trimEnd();
  const totals = rows.reduce((t, r) => ({ new: t.new + r.new, updated: t.updated + r.updated, failed: t.failed + (r.reason ? 1 : 0) }), {
    new: 0,
    updated: 0,
    failed: 0,
  });
  return [line(head), ...cells.map(line), '', `${rows.length} feed(s): ${totals.new} new, ${totals.updated} updated, ${totals.failed} failed`].join(
    '\n',
  );
}

export async function runFetch(database: string, io: CliIo, fetchFeeds: FeedFetcher | undefined): Promise<number> {
  if (!fetchFeeds) {
    io.err('briefbot: fetch is not available here');
    return 1;
  }
  let rows: FetchRow[];
  try {
    rows = await fetchFeeds(database);
  } catch (err) {
    io.err(`briefbot: ${(err as Error).message}`);
    return 1;
  }
  if (!rows.length) {
    io.out('No feeds to fetch: set FEEDS (comma-separated feed addresses) or add one in Discord with /sources add.');
    return 0;
  }
  io.out(formatFetchTable(rows));
  return rows.some((r) => r.status === 'failed' || r.status === 'disabled') ? 1 : 0;
}
