// feedsmith's raw, per-format items → one intermediate shape. feedsmith keeps values as written: links may be
// relative, dates are strings, Atom titles may be HTML. Resolution and identity happen in normalise.ts.
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { nonEmpty } from './text';

export interface RawItem {
  guid: string | null;
  guidKind: 'guid' | 'atom-id' | 'json-id';
  link: string | null;
  /** Bases to resolve links against, innermost first (item xml:base, feed xml:base, channel link, feed URL). */
  bases: Array<string | null | undefined>;
  title: string | null;
  titleIsHtml: boolean;
  published: string | null;
  updated: string | null;
  author: string | null;
  contentHtml: string | null;
  summary: string | null;
  categories: string[];
}

export interface RawFeed {
  title: string | null;
  home: string | null;
  items: RawItem[];
}

const first = <T>(xs: T[] | undefined): T | undefined => (xs && xs.length ? xs[0] : undefined);
const looksLikeUrl = (s: string | null) => !!s && /^https?:\/\//i.test(s);

function rssItem(item: RssFeed.Item<string>, bases: RawItem['bases']): RawItem {
  const guid = nonEmpty(item.guid?.value);
  const permalink = item.guid?.isPermaLink !== false && looksLikeUrl(guid);
  return {
    guid,
    guidKind: 'guid',
    link: nonEmpty(item.link) ?? (permalink ? guid : null),
    bases: [item.xml?.base, ...bases],
    title: nonEmpty(item.title),
    titleIsHtml: true,
    published: nonEmpty(item.pubDate) ?? nonEmpty(first(item.dc?.dates)),
    updated: nonEmpty(item.atom?.updated) ?? nonEmpty(first(item.dcterms?.modified)),
    author: nonEmpty(first(item.authors)?.name) ?? nonEmpty(first(item.dc?.creators)),
    contentHtml: nonEmpty(item.content?.encoded),
    summary: nonEmpty(item.description),
    categories: (item.categories ?? []).map((c) => c.name).filter((n): n is string => !!n),
  };
}

function rdfItem(item: RdfFeed.Item<string>, bases: RawItem['bases']): RawItem {
  return {
    guid: null, // rdf:about is almost always the link itself; identity comes from the cleaned link
    guidKind: 'guid',
    link: nonEmpty(item.link) ?? nonEmpty(item.rdf?.about),
    bases: [item.xml?.base, ...bases],
    title: nonEmpty(item.title),
    titleIsHtml: true,
    published: nonEmpty(first(item.dc?.dates)),
    updated: nonEmpty(first(item.dcterms?.modified)),
    author: nonEmpty(first(item.dc?.creators)),
    contentHtml: nonEmpty(item.content?.encoded),
    summary: nonEmpty(item.description),
    categories: item.dc?.subjects ?? [],
  };
}

/** Atom's article link: rel="alternate" (or no rel), HTML preferred; never an enclosure, self or edit link. */
export function atomAlternate(links: Array<AtomFeed.Link<string>> | undefined): string | null {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = alternates.find((l) => !l.type || /html/i.test(l.type));
  return nonEmpty((html ?? alternates[0])?.href);
}

function atomText(t: AtomFeed.Text | AtomFeed.Content | undefined): { value: string | null; html: boolean } {
  return { value: nonEmpty(t?.value), html: !!t?.type && /html/i.test(t.type) };
}

function atomItem(entry: AtomFeed.Entry<string>, feed: AtomFeed.Feed<string>, bases: RawItem['bases']): RawItem {
  const title = atomText(entry.title);
  const content = atomText(entry.content);
  const summary = atomText(entry.summary);
  return {
    guid: nonEmpty(entry.id),
    guidKind: 'atom-id',
    link: atomAlternate(entry.links),
    bases: [entry.xml?.base, ...bases],
    title: title.value,
    titleIsHtml: title.html,
    published: nonEmpty(entry.published) ?? nonEmpty(entry.updated),
    updated: nonEmpty(entry.updated),
    author: nonEmpty(first(entry.authors)?.name) ?? nonEmpty(first(feed.authors)?.name),
    contentHtml: content.value && !content.html ? escapeAsHtml(content.value) : content.value,
    summary: summary.value,
    categories: (entry.categories ?? []).map((c) => c.label ?? c.term).filter((n): n is string => !!n),
  };
}

function jsonItem(item: JsonFeed.Item<string>, bases: RawItem['bases']): RawItem {
  const text = nonEmpty(item.content_text);
  return {
    guid: item.id === undefined || item.id === null ? null : nonEmpty(String(item.id)),
    guidKind: 'json-id',
    link: nonEmpty(item.url) ?? nonEmpty(item.external_url),
    bases,
    title: nonEmpty(item.title),
    titleIsHtml: false,
    published: nonEmpty(item.date_published),
    updated: nonEmpty(item.date_modified),
    author: nonEmpty(first(item.authors)?.name),
    contentHtml: nonEmpty(item.content_html) ?? (text ? escapeAsHtml(text) : null),
    summary: nonEmpty(item.summary),
    categories: item.tags ?? [],
  };
}

function escapeAsHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim()}</p>`)
    .join('\n');
}

/** One shape for all four formats. feedUrl is where the bytes came from (after redirects). */
export function rawFeed(parsed: AnyFeed<string>, feedUrl: string): RawFeed {
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      const bases = [f.xml?.base, f.link, feedUrl];
      return { title: nonEmpty(f.title), home: nonEmpty(f.link), items: (f.items ?? []).map((i) => rssItem(i, bases)) };
    }
    case 'rdf': {
      const f = parsed.feed;
      const bases = [f.xml?.base, f.link, feedUrl];
      return { title: nonEmpty(f.title), home: nonEmpty(f.link), items: (f.items ?? []).map((i) => rdfItem(i, bases)) };
    }
    case 'atom': {
      const f = parsed.feed;
      const bases = [f.xml?.base, feedUrl];
      const items = (f.entries ?? []).map((e) => atomItem(e, f, bases));
      return { title: atomText(f.title).value, home: atomAlternate(f.links), items };
    }
    case 'json': {
      const f = parsed.feed;
      const bases = [f.feed_url, feedUrl];
      return { title: nonEmpty(f.title), home: nonEmpty(f.home_page_url), items: (f.items ?? []).map((i) => jsonItem(i, bases)) };
    }
  }
}
