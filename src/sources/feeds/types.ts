// What a feed reads as, whatever its format.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** Stable identity within its feed: guid, else Atom id, else the cleaned link, else a hash of title and date. */
  id: string;
  /** Which rule gave the id (for logs and debugging re-posts). */
  idSource: 'guid' | 'atom-id' | 'json-id' | 'link' | 'title-date' | 'content';
  /** Absolute link to the article page, tracking parameters kept as the publisher gave them; null when none. */
  url: string | null;
  /** The same link without tracking parameters or fragment: what identifies the page. */
  canonicalUrl: string | null;
  title: string | null;
  /** ISO 8601; null when the feed gives no readable date. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** The fullest content the feed carries (content:encoded, Atom content, content_html), HTML. */
  contentHtml: string | null;
  /** The short description or summary, HTML or text as given. */
  summary: string | null;
  categories: string[];
  /** Hash of what a reader sees (title, link, content, summary), not the dates: a change means "update". */
  contentHash: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The site's home page, absolute, when the feed names one. */
  homeUrl: string | null;
  items: FeedItem[];
  /** Human-readable problems that did not stop the feed (duplicate ids, items with nothing to identify them). */
  warnings: string[];
}
