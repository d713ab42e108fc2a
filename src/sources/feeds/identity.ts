// Which item is which, across polls. A guid or Atom id wins; else the link without tracking noise; else a hash of
// title and date. Never the date alone, and never position: a feed that rewrites its dates must not make new items.
import { createHash } from 'node:crypto';
import type { FeedItem } from './types';

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export interface IdentityInput {
  guid: string | null;
  guidKind: 'guid' | 'atom-id' | 'json-id';
  canonicalUrl: string | null;
  title: string | null;
  published: string | null;
  /** Only computed when nothing else identifies the item (stripping tags from every item's HTML is not free). */
  contentText: () => string | null;
}

/** The id and which rule made it; null when nothing identifies the item (no guid, link, title or content). */
export function itemIdentity(i: IdentityInput): Pick<FeedItem, 'id' | 'idSource'> | null {
  if (i.guid) return { id: i.guid, idSource: i.guidKind };
  if (i.canonicalUrl) return { id: i.canonicalUrl, idSource: 'link' };
  if (i.title) return { id: `title:${sha1(`${i.title}\n${i.published ?? ''}`)}`, idSource: 'title-date' };
  const text = i.contentText();
  if (text) return { id: `content:${sha1(text)}`, idSource: 'content' };
  return null;
}

/** What a reader would notice changing. Dates are left out on purpose (publishers rewrite them on every build). */
export function contentHash(item: Pick<FeedItem, 'title' | 'canonicalUrl' | 'contentHtml' | 'summary'>): string {
  return sha1([item.title ?? '', item.canonicalUrl ?? '', item.contentHtml ?? '', item.summary ?? ''].join('\u0000'));
}
