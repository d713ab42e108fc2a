// A site's home page → its feed, from <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">.
import type { Fetcher } from '../http/fetcher';
import { FEED_MAX_BYTES } from '../http/fetcher';
import { decodeBytes } from '../decode';
import { absoluteUrl } from './links';
import { FeedParseError, parseFeedText } from './parse';
import { decodeEntities } from './text';
import type { ParsedFeed } from './types';

export interface FeedLink {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml)$|^application\/json$/i;

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** The feeds a page advertises, in document order, made absolute against <base href> and the page URL. */
export function feedLinksInHtml(html: string, pageUrl: string): FeedLink[] {
  const head = html.slice(0, 512 * 1024);
  const baseTag = head.match(/<base\s[^>]*>/i);
  const base = baseTag ? attributes(baseTag[0]).href : undefined;
  const links: FeedLink[] = [];
  for (const m of head.matchAll(/<link\s[^>]*>/gi)) {
    const a = attributes(m[0]);
    const rels = (a.rel ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('alternate') || !FEED_TYPES.test((a.type ?? '').trim())) continue;
    const url = absoluteUrl(a.href, base, pageUrl);
    if (url && !links.some((l) => l.url === url)) links.push({ url, type: a.type.trim(), title: a.title?.trim() || null });
  }
  return links;
}

export interface ResolvedFeed {
  /** The feed's own address (the one to store and poll). */
  feedUrl: string;
  feed: ParsedFeed;
  /** True when the given URL was a web page and the feed was found through it. */
  discovered: boolean;
}

/** Accepts a feed URL or a page that links to one (what `/sources add url:` will use). Throws with a reason. */
export async function resolveFeed(fetcher: Fetcher, url: string): Promise<ResolvedFeed> {
  const res = await fetcher.fetch({ url, maxBytes: FEED_MAX_BYTES });
  if (res.status !== 'ok') throw new Error(`${url} answered "not modified" to a first request`);
  const text = decodeBytes(res.body, res.contentType).text;
  try {
    return { feedUrl: res.url, feed: parseFeedText(text, res.url), discovered: false };
  } catch (e) {
    if (!(e instanceof FeedParseError) || e.problem !== 'html') throw e;
  }
  const candidates = feedLinksInHtml(text, res.url);
  if (!candidates.length) throw new FeedParseError('html', `${res.url} is a web page that does not link to a feed`);
  const failures: string[] = [];
  for (const link of candidates.slice(0, 3)) {
    try {
      const found = await fetcher.fetch({ url: link.url, maxBytes: FEED_MAX_BYTES });
      if (found.status !== 'ok') continue;
      return {
        feedUrl: found.url,
        feed: parseFeedText(decodeBytes(found.body, found.contentType).text, found.url),
        discovered: true,
      };
    } catch (err) {
      failures.push(`${link.url}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new FeedParseError('html', `${res.url} links to feeds that could not be read (${failures.join('; ')})`);
}
