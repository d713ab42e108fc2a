// The page's metadata is found in one walk of the document; it must read what a `querySelector` per key and
// attribute reads (the way it was written first, kept here as the specification), on any mix of tags.
import fc from 'fast-check';
import { parsePage, type DomDocument } from '../../src/briefings/articles/html/dom';
import { readJsonLd } from '../../src/briefings/articles/html/json-ld';
import { pageDate, readMetadata } from '../../src/briefings/articles/html/metadata';
import { cleanLine } from '../../src/briefings/text/whitespace';

/** The first non-empty `content` of the keys, each key tried as property, then name, then itemprop. */
function metaBySelectors(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
    const value = cleanLine(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return null;
}

/** What readMetadata reads from `<meta>`, `<link>`, `<time>`, `<h1>` and JSON-LD, each by its own selector. */
function specification(doc: DomDocument) {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const tags: string[] = [];
  for (const el of doc.querySelectorAll('meta[property="article:tag"]')) {
    const tag = cleanLine(el.getAttribute('content') ?? '');
    if (tag && tags.length < 20 && !tags.includes(tag)) tags.push(tag);
  }
  const ld = readJsonLd(doc.querySelectorAll('script[type="application/ld+json"]'));
  return {
    ogTitle: metaBySelectors(doc, 'og:title', 'twitter:title'),
    h1: cleanLine(doc.querySelector('h1')?.textContent ?? ''),
    published: metaBySelectors(doc, 'article:published_time', 'date', 'dc.date'),
    time: doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    author: metaBySelectors(doc, 'author', 'article:author'),
    siteName: metaBySelectors(doc, 'og:site_name', 'application-name'),
    url: /^https?:\/\//i.test(canonical ?? '') ? canonical : metaBySelectors(doc, 'og:url'),
    tags,
    ld,
  };
}

const KEYS = [
  'og:title',
  'twitter:title',
  'article:published_time',
  'date',
  'dc.date',
  'author',
  'article:author',
  'og:site_name',
  'application-name',
  'og:url',
  'article:tag',
  'OG:TITLE',
];
const VALUES = ['', '  ', 'First', 'Second', 'https://example.com/a', '2019-11-20T06:35:39Z', 'Jane Doe', 'Tag one'];

const metaTag = fc
  .record({
    attribute: fc.constantFrom('property', 'name', 'itemprop', 'PROPERTY', 'content'),
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom(...VALUES),
  })
  .map(({ attribute, key, value }) => `<meta ${attribute}="${key}" content="${value}">`);
const otherTag = fc.constantFrom(
  '<link rel="canonical" href="https://example.com/canonical">',
  '<link rel="Canonical" href="https://example.com/upper">',
  '<link rel="canonical" href="/relative">',
  '<link rel="stylesheet" href="x.css">',
  '<h1>Headline one</h1>',
  '<h1>  </h1>',
  '<time datetime="2020-01-02T03:04:05Z">2 Jan</time>',
  '<time>no attribute</time>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"From LD"}</script>',
  '<script type="Application/LD+JSON">{"@type":"Article","author":"LD Author"}</script>',
  '<script>var notData = 1;</script>',
  '<template><meta property="og:title" content="In a template"><h1>Template heading</h1></template>',
  '<svg><meta property="og:site_name" content="In svg"></svg>',
  '<p>Some text</p>',
);
const body = fc.array(fc.oneof(metaTag, otherTag), { maxLength: 14 });

describe('page metadata read in one walk', () => {
  it('reads what one querySelector per key and attribute reads, on any mix of tags', () => {
    fc.assert(
      fc.property(body, body, (head, rest) => {
        const page = `<!doctype html><html><head>${head.join('\n')}</head><body>${rest.join('\n')}</body></html>`;
        const expected = specification(parsePage(page));
        const meta = readMetadata(parsePage(page));
        // Titles: JSON-LD's headline first, then og/twitter, then the first <h1> (the page has no <title>).
        expect(meta.title).toBe(expected.ld?.headline ?? expected.ogTitle ?? (expected.h1 || null));
        expect(meta.siteName).toBe(expected.siteName);
        expect(meta.url).toBe(expected.url);
        expect(meta.tags).toEqual(expected.tags);
        // An author given as a profile URL is no name.
        const name = (v: string | null | undefined) => (v && !/^https?:\/\//i.test(v) ? v : null);
        expect(meta.author).toBe(name(expected.ld?.author) ?? name(expected.author));
        const date = pageDate(expected.published) ?? pageDate(expected.time);
        expect(meta.date?.toISOString() ?? null).toBe(date?.toISOString() ?? null);
      }),
      { numRuns: 400 },
    );
  });

  it('takes a key as property before name before itemprop, wherever each stands in the page', () => {
    const page = `<html><head><meta itemprop="og:title" content="By itemprop"><meta name="og:title" content="By name">
      <meta property="og:title" content="By property"><meta property="og:title" content="Second by property"></head><body></body></html>`;
    expect(readMetadata(parsePage(page)).title).toBe('By property');
  });
});
