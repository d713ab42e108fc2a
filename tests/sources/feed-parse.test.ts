import { fixture } from './feed-server';
import { FeedParseError, parseFeedBytes, parseFeedText } from '../../src/sources/feeds/parse';
import { canonicalLink } from '../../src/sources/feeds/links';
import { feedLinksInHtml } from '../../src/sources/feeds/discover';
import type { FeedItem } from '../../src/sources/feeds/types';

const byTitle = (items: FeedItem[], start: string) => items.find((i) => i.title?.startsWith(start));

describe('reading RSS 2.0', () => {
  const feed = parseFeedBytes(fixture('rss2.xml'), 'application/rss+xml', 'https://news.example/feeds/business.rss');

  it('reads the channel and keeps the first of two items that share a guid, with a warning', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Business & Tech');
    expect(feed.homeUrl).toBe('https://news.example/business/');
    expect(feed.items).toHaveLength(4);
    expect(feed.items.filter((i) => i.id === 'bbc-business-001')).toHaveLength(1);
    expect(byTitle(feed.items, 'Ad sales')!.title).toBe('Ad sales boost Time Warner profit');
    expect(feed.warnings.join(' ')).toMatch(/1 item\(s\) repeated an id .*bbc-business-001/);
  });

  it('makes relative links absolute against the channel link and identifies items by guid', () => {
    const item = byTitle(feed.items, 'Ad sales')!;
    expect(item.id).toBe('bbc-business-001');
    expect(item.idSource).toBe('guid');
    expect(item.url).toBe('https://news.example/business/story/time-warner?utm_source=rss&utm_medium=feed#xtor=RSS-1');
    expect(item.canonicalUrl).toBe('https://news.example/business/story/time-warner');
    expect(item.published).toBe('2025-06-10T04:00:00.000Z');
    expect(item.author).toBe('Business reporter');
    expect(item.contentHtml).toContain('<p>The firm, which is now one of the biggest investors in Google');
    expect(item.summary).toContain('<p>Quarterly profits'); // CDATA kept as HTML
  });

  it('tolerates a bare & and uses the cleaned link as the id when there is no guid', () => {
    const item = byTitle(feed.items, 'Dollar gains')!;
    expect(item.title).toBe('Dollar gains on Greenspan & co speech');
    expect(item.idSource).toBe('link');
    expect(item.id).toBe('https://news.example/business/dollar-gains?id=7');
    expect(item.published).toBe('2025-06-10T01:00:00.000Z'); // CEST is UTC+2
  });

  it('keeps items without a link, a title or a date', () => {
    const noLink = byTitle(feed.items, 'Yukos')!;
    expect(noLink).toMatchObject({ id: 'bbc-business-003', url: null, published: null });
    const noTitle = feed.items.find((i) => i.title === null)!;
    expect(noTitle).toMatchObject({ id: 'https://news.example/tech/phones', idSource: 'link' });
    expect(noTitle.summary).toBe('Mobile phones are the new must-have gadget for children.');
  });
});

describe('reading RSS 1.0, Atom and JSON Feed', () => {
  it('reads RSS 1.0 (RDF) items with Dublin Core dates and creators', () => {
    const feed = parseFeedBytes(fixture('rss1.rdf'), 'application/rdf+xml', 'https://rdf.example/index.rdf');
    expect(feed.format).toBe('rdf');
    expect(feed.items.map((i) => i.id)).toEqual(['https://rdf.example/tech/broadband', 'https://rdf.example/tech/games']);
    expect(feed.items[0]).toMatchObject({ published: '2025-06-09T07:30:00.000Z', author: 'Tech desk' });
  });

  it('reads Atom: nested xml:base, the alternate link (not the enclosure), HTML titles, published vs updated', () => {
    const feed = parseFeedBytes(fixture('atom.xml'), 'application/atom+xml', 'https://atom.example/feed.atom');
    expect(feed.format).toBe('atom');
    expect(feed.homeUrl).toBe('https://atom.example/');
    const [jobs, japan] = feed.items;
    expect(jobs).toMatchObject({
      id: 'tag:atom.example,2025:jobs',
      idSource: 'atom-id',
      url: 'https://atom.example/news/economy/jobs-growth.html',
      title: 'Jobs growth still & strong',
      published: '2025-06-09T10:00:00.000Z',
      updated: '2025-06-10T08:00:00.000Z',
      author: 'Atom desk',
    });
    expect(jobs.contentHtml).toBe('<p>US employers added more jobs than expected last month.</p>');
    // No <published>: <updated> stands in; text content is escaped into a paragraph.
    expect(japan).toMatchObject({
      url: 'https://atom.example/news/japan-recession.html',
      published: '2025-06-08T07:00:00.000Z',
      author: 'Tokyo correspondent',
    });
    expect(japan.contentHtml).toBe("<p>Japan's economy teetered on the brink of a technical recession.</p>");
  });

  it('reads JSON Feed 1.1: ids (numbers too), relative urls against feed_url, content_text as paragraphs', () => {
    const feed = parseFeedBytes(fixture('feed.json'), 'application/feed+json', 'https://json.example/feed.json');
    expect(feed.format).toBe('json');
    const [ipod, spam] = feed.items;
    expect(ipod).toMatchObject({
      id: 'json-1',
      url: 'https://json.example/tech/ipod?utm_campaign=x',
      canonicalUrl: 'https://json.example/tech/ipod',
      author: 'Gadget desk',
    });
    expect(spam).toMatchObject({ id: '2', published: null });
    expect(spam.contentHtml).toBe('<p>Computer users across the world continue to ignore security warnings.</p>');
  });
});

describe('decoding feeds in other charsets', () => {
  it('reads ISO-8859-1 declared only in the XML declaration', () => {
    const feed = parseFeedBytes(fixture('latin1.xml'), 'application/xml', 'https://latin.example/rss');
    expect(feed.items[0].title).toBe('Café prices rise in München');
    expect(feed.warnings).toEqual([]);
  });

  it('reads windows-1251 from the HTTP charset', () => {
    const feed = parseFeedBytes(fixture('cp1251.xml'), 'text/xml; charset=windows-1251', 'https://cyr.example/rss');
    expect(feed.title).toBe('Новости');
    expect(feed.items[0].title).toBe('Рынок акций вырос');
  });

  it('survives a wrong HTTP charset (says UTF-8, is windows-1251) and says so', () => {
    const feed = parseFeedBytes(fixture('cp1251.xml'), 'text/xml; charset=utf-8', 'https://cyr.example/rss');
    expect(feed.items[0].title).toBe('Рынок акций вырос');
    expect(feed.warnings[0]).toMatch(/charset: declared as UTF-8 but not valid UTF-8; read as windows-1251/);
  });

  it('reads Latin-1 bytes with no charset anywhere as windows-1252 rather than replacement characters', () => {
    const feed = parseFeedBytes(fixture('latin1-undeclared.xml'), 'application/rss+xml', 'https://latin.example/rss');
    expect(feed.items[0].title).toBe('Café prices rise in München');
    expect(feed.warnings[0]).toMatch(/no charset declared but not valid UTF-8/);
  });
});

describe('links without a channel link', () => {
  it('resolve against the feed URL (after redirects), and an item xml:base nests inside it', () => {
    const text = `<rss version="2.0" xmlns:xml="http://www.w3.org/XML/1998/namespace"><channel><title>t</title>
      <item><guid>a</guid><link>../story/1</link></item>
      <item xml:base="/archive/2025/"><guid>b</guid><link>story-2.html</link></item></channel></rss>`;
    const [a, b] = parseFeedText(text, 'https://cdn.example/feeds/main/rss.xml').items;
    expect(a.url).toBe('https://cdn.example/feeds/story/1');
    expect(b.url).toBe('https://cdn.example/archive/2025/story-2.html');
  });
});

describe('bad feeds fail with a reason', () => {
  const reasonFor = (text: string) => {
    try {
      parseFeedText(text, 'https://bad.example/feed');
    } catch (e) {
      expect(e).toBeInstanceOf(FeedParseError);
      return (e as FeedParseError).message;
    }
    throw new Error('expected a FeedParseError');
  };

  it('names malformed XML, an empty body and an HTML page', () => {
    expect(reasonFor(fixture('malformed.xml').toString())).toBe('the feed is not well-formed XML and could not be read');
    expect(reasonFor('')).toBe('the feed is empty (no bytes, or only whitespace)');
    expect(reasonFor(fixture('home.html').toString())).toBe('the address serves a web page (HTML), not a feed');
    expect(reasonFor('{"hello": "world"}')).toBe('the content is not RSS, Atom or JSON Feed');
  });

  it('reads a feed with no items as an empty list', () => {
    expect(parseFeedText(fixture('no-items.xml').toString(), 'https://empty.example/rss').items).toEqual([]);
  });
});

describe('identity', () => {
  const rss = (items: string) =>
    parseFeedText(`<rss version="2.0"><channel><title>t</title><link>https://id.example/</link>${items}</channel></rss>`, 'https://id.example/rss')
      .items;

  it('removes tracking parameters and fragments but keeps the parameters that choose the page', () => {
    expect(canonicalLink('https://Ex.com/a?id=3&utm_source=x&gclid=1&fbclid=2#xtor=RSS-8')).toBe('https://ex.com/a?id=3');
    expect(canonicalLink('https://ex.com/a?xtor=RSS-8&page=2')).toBe('https://ex.com/a?page=2');
  });

  it('falls back to title and date, never the date alone', () => {
    const [a, b] = rss(
      '<item><title>Same day A</title><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item><item><title>Same day B</title><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>',
    );
    expect(a.idSource).toBe('title-date');
    expect(a.id).not.toBe(b.id);
    const [dateOnly] = rss('<item><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>');
    expect(dateOnly).toBeUndefined();
    const [textOnly] = rss('<item><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate><description>Only &lt;b&gt;text&lt;/b&gt;</description></item>');
    expect(textOnly.idSource).toBe('content');
    expect(textOnly.id).toMatch(/^content:[0-9a-f]{40}$/);
  });

  it('keeps the id and the content hash when only the date is rewritten', () => {
    const item = (date: string) => rss(`<item><guid>g</guid><title>T</title><pubDate>${date}</pubDate><description>d</description></item>`)[0];
    const before = item('Tue, 10 Jun 2025 04:00:00 GMT');
    const after = item('Wed, 11 Jun 2025 09:00:00 GMT');
    expect(after.id).toBe(before.id);
    expect(after.contentHash).toBe(before.contentHash);
    expect(rss('<item><guid>g</guid><title>T</title><description>changed</description></item>')[0].contentHash).not.toBe(before.contentHash);
  });

  it('reads unreadable dates as missing rather than guessing', () => {
    const [item] = rss('<item><guid>g</guid><title>T</title><pubDate>0000-00-00 00:00:00</pubDate></item>');
    expect(item.published).toBeNull();
  });
});

describe('discovering a feed from a home page', () => {
  it('finds rel=alternate feed links, resolved against <base href>, in document order', () => {
    const links = feedLinksInHtml(fixture('home.html').toString(), 'https://www.news.example/');
    expect(links).toEqual([
      { url: 'https://news.example/feeds/all.rss', type: 'application/rss+xml', title: 'All stories' },
      { url: 'https://news.example/feeds/all.atom', type: 'application/atom+xml', title: null },
    ]);
  });
});
