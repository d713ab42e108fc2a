// Raw items → FeedItems: absolute links, parsed dates, plain-text titles, stable ids; duplicates within the feed
// dropped (first one kept) and items with nothing to identify them skipped, each with a warning.
import { absoluteUrl, canonicalLink } from './links';
import { parseFeedDate } from './dates';
import { contentHash, itemIdentity } from './identity';
import type { RawFeed, RawItem } from './raw-items';
import { plainText } from './text';
import type { FeedItem } from './types';

function toItem(raw: RawItem): FeedItem | null {
  const url = absoluteUrl(raw.link, ...raw.bases);
  const canonicalUrl = canonicalLink(url);
  const title = plainText(raw.title, raw.titleIsHtml || /[<&]/.test(raw.title ?? ''));
  const published = parseFeedDate(raw.published);
  const updated = parseFeedDate(raw.updated) ?? published;
  const contentText = () => plainText(raw.contentHtml ?? raw.summary, true);
  const identity = itemIdentity({ guid: raw.guid, guidKind: raw.guidKind, canonicalUrl, title, published, contentText });
  if (!identity) return null;
  const base = { url, canonicalUrl, title, contentHtml: raw.contentHtml, summary: raw.summary };
  return {
    ...identity,
    ...base,
    published,
    updated,
    author: plainText(raw.author),
    categories: raw.categories.map((c) => c.trim()).filter(Boolean),
    contentHash: contentHash(base),
  };
}

export interface NormalisedItems {
  items: FeedItem[];
  warnings: string[];
}

export function normaliseItems(raw: RawFeed): NormalisedItems {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let unidentifiable = 0;
  const duplicates: string[] = [];
  for (const r of raw.items) {
    const item = toItem(r);
    if (!item) {
      unidentifiable++;
      continue;
    }
    if (seen.has(item.id)) {
      duplicates.push(item.id);
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  const warnings: string[] = [];
  if (unidentifiable) warnings.push(`${unidentifiable} item(s) had no id, link, title or text and were skipped`);
  if (duplicates.length) {
    const shown = [...new Set(duplicates)].slice(0, 3).join(', ');
    warnings.push(`${duplicates.length} item(s) repeated an id already used in this feed and were skipped (${shown})`);
  }
  return { items, warnings };
}
