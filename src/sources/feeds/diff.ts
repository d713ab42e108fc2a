// This poll's items against what was seen before: new, updated (content changed), unchanged. An item whose guid
// changed but whose cleaned link was seen under another id keeps the old id, so it is not a new article.
import type { SeenItem } from './state';
import type { FeedItem } from './types';

export interface ItemChange {
  kind: 'new' | 'updated';
  item: FeedItem;
}

export interface ItemDiff {
  changes: ItemChange[];
  unchanged: number;
  /** Ids that changed for a known link (old → new), for a warning. */
  reidentified: number;
  /** What to remember after this poll is stored. */
  seen: Record<string, SeenItem>;
}

/** How many ids to remember beyond the current document (items that dropped out and may come back). */
const SEEN_LIMIT = 1000;

export function diffItems(items: FeedItem[], seen: Record<string, SeenItem>): ItemDiff {
  const byLink = new Map<string, string>();
  for (const [id, s] of Object.entries(seen)) if (s.link) byLink.set(s.link, id);
  const changes: ItemChange[] = [];
  const next: Record<string, SeenItem> = {};
  let unchanged = 0;
  let reidentified = 0;
  for (const original of items) {
    let item = original;
    if (!seen[item.id] && item.canonicalUrl && byLink.has(item.canonicalUrl)) {
      const oldId = byLink.get(item.canonicalUrl)!;
      if (!next[oldId] && !items.some((i) => i.id === oldId)) {
        item = { ...item, id: oldId };
        reidentified++;
      }
    }
    if (next[item.id]) continue; // two items folded onto one id: keep the first
    const prior = seen[item.id];
    if (!prior) changes.push({ kind: 'new', item });
    else if (prior.hash !== item.contentHash) changes.push({ kind: 'updated', item });
    else unchanged++;
    next[item.id] = { hash: item.contentHash, link: item.canonicalUrl };
  }
  for (const [id, s] of Object.entries(seen)) {
    if (Object.keys(next).length >= SEEN_LIMIT) break;
    if (!next[id]) next[id] = s;
  }
  return { changes, unchanged, reidentified, seen: next };
}
