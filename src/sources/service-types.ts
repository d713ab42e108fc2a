// src/sources/service-types.ts — what the rest of the bot may ask of the feed sources.
export interface SourceView {
  url: string; // the feed URL (after discovery from a home page)
  title: string | null; // the feed's own title, when known
  scope: 'shared' | 'server'; // shared = from the FEEDS setting (every server sees it); server = added by this guild
  status: string; // one human-readable line: "ok · 12 articles · fetched 3 min ago" or the failure reason
  disabledReason: string | null;
  lastFetchedAt: string | null; // ISO time
  articleCount: number;
}
export type AddSourceResult = { ok: true; source: SourceView; discoveredFrom?: string; alreadyAdded?: boolean } | { ok: false; reason: string }; // user-facing reason: not a feed, private address refused, unreachable, …
export interface NewArticles {
  feedUrl: string;
  articleIds: string[]; // oldest first, just stored (new, not updated); empty after a poll with nothing new
  firstPoll: boolean; // the feed's first successful poll ever (false on a poll with nothing new)
}
export interface SourcesService {
  add(guildId: string, url: string): Promise<AddSourceResult>;
  remove(guildId: string, url: string): Promise<boolean>; // false: this guild had no such source
  list(guildId: string): Promise<SourceView[]>; // shared ones first, then the guild's own
  /** Feed URLs whose articles this guild may see (shared + its own). */
  visibleFeeds(guildId: string | null): ReadonlySet<string>;
  /** Called after each successful poll, with the new articles it stored, if any (the live-post service listens). Returns an unsubscribe. */
  onNewArticles(listener: (batch: NewArticles) => void | Promise<void>): () => void;
}
