// What a page says about itself: title, publication date, author, site name, canonical URL and tags,
// from JSON-LD, Open Graph and article:* meta tags, then <time> and <h1>/<title> as fallbacks.
import { cleanLine } from '../../text/whitespace';
import type { DomDocument, DomElement } from './dom';
import { readJsonLd } from './json-ld';

export interface PageMetadata {
  title: string | null;
  date: Date | null;
  author: string | null;
  siteName: string | null;
  url: string | null;
  tags: string[];
}

/**
 * The tags the metadata reads, found in one walk of the document (linkedom's selector engine, document
 * order, template contents skipped) instead of one whole-document `querySelector` per key and attribute — up
 * to 60 walks a page. Each map keeps the first `<meta>` carrying that value, as `querySelector` finds it.
 */
interface HeadTags {
  byAttribute: Record<'property' | 'name' | 'itemprop', Map<string, DomElement>>;
  firstH1: DomElement | null;
  canonical: DomElement | null;
  /** `<meta property="article:tag">`, in order. */
  articleTags: DomElement[];
  timesWithDatetime: DomElement[];
  jsonLdScripts: DomElement[];
}

const META_ATTRIBUTES = ['property', 'name', 'itemprop'] as const;

function keepFirst(map: Map<string, DomElement>, key: string | null, el: DomElement): void {
  if (key !== null && !map.has(key)) map.set(key, el);
}

/** `rel` and `type` compare without case in HTML selectors (css-select's rule); `property`, `name`, `itemprop` with it. */
const sameIgnoringCase = (value: string | null, lower: string): boolean => value !== null && value.toLowerCase() === lower;

function headTags(doc: DomDocument): HeadTags {
  const tags: HeadTags = {
    byAttribute: { property: new Map(), name: new Map(), itemprop: new Map() },
    firstH1: null,
    canonical: null,
    articleTags: [],
    timesWithDatetime: [],
    jsonLdScripts: [],
  };
  for (const el of doc.querySelectorAll('meta, link, h1, time, script')) {
    const tag = el.localName.toLowerCase();
    if (tag === 'meta') {
      for (const attribute of META_ATTRIBUTES) keepFirst(tags.byAttribute[attribute], el.getAttribute(attribute), el);
      if (el.getAttribute('property') === 'article:tag') tags.articleTags.push(el);
    } else if (tag === 'link') {
      if (!tags.canonical && sameIgnoringCase(el.getAttribute('rel'), 'canonical')) tags.canonical = el;
    } else if (tag === 'h1') {
      tags.firstH1 ??= el;
    } else if (tag === 'time') {
      if (el.hasAttribute('datetime')) tags.timesWithDatetime.push(el);
    } else if (sameIgnoringCase(el.getAttribute('type'), 'application/ld+json')) {
      tags.jsonLdScripts.push(el);
    }
  }
  return tags;
}

function meta(tags: HeadTags, ...keys: string[]): string | null {
  const { property, name, itemprop } = tags.byAttribute;
  for (const key of keys) {
    const el = property.get(key) ?? name.get(key) ?? itemprop.get(key);
    const value = cleanLine(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return null;
}

/** A date a page gives as machine text ("2019-11-19T23:11:00-05:00"); nonsense and far-off years refused. */
export function pageDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  // Bare numbers are not dates here: "20191119" or an epoch would parse to a wrong year.
  if (!/[-/ ,:]/.test(trimmed) || trimmed.length > 60) return null;
  const d = new Date(trimmed);
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < 1990 || year > 2200 ? null : d;
}

function timeElementDate(tags: HeadTags): Date | null {
  for (const el of tags.timesWithDatetime) {
    const d = pageDate(el.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

/** "Esper accuses China … | Houston Chronicle" → the part before a site-name separator. */
function titleFromTitleTag(title: string): string | null {
  const t = cleanLine(title);
  if (!t) return null;
  const parts = t.split(/\s+[|–—»·]\s+|\s+-\s+/);
  return parts[0].length >= 15 ? parts[0] : t;
}

/** An author field that is a profile URL says nothing a reader can use. */
const authorName = (v: string | null): string | null => (v && !/^https?:\/\//i.test(v) ? v : null);

export function readMetadata(doc: DomDocument): PageMetadata {
  const found = headTags(doc);
  const ld = readJsonLd(found.jsonLdScripts);
  const h1 = cleanLine(found.firstH1?.textContent ?? '');
  // doc.title only when nothing else names the page: linkedom's getter adds a <head> to a page without one.
  const title = ld?.headline ?? meta(found, 'og:title', 'twitter:title') ?? (h1 || null) ?? titleFromTitleTag(doc.title ?? '');
  const date =
    pageDate(ld?.datePublished) ??
    pageDate(
      meta(
        found,
        'article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'sailthru.date',
        'parsely-pub-date',
        'og:published_time',
      ),
    ) ??
    timeElementDate(found);
  const canonical = found.canonical?.getAttribute('href') ?? null;
  const tags: string[] = [];
  for (const el of found.articleTags) {
    const tag = cleanLine(el.getAttribute('content') ?? '');
    if (tag && tags.length < 20 && !tags.includes(tag)) tags.push(tag);
  }
  return {
    title: title ? cleanLine(title) : null,
    date,
    author: authorName(ld?.author ?? null) ?? authorName(meta(found, 'author', 'article:author', 'parsely-author', 'sailthru.author')),
    siteName: meta(found, 'og:site_name', 'application-name') ?? ld?.publisher ?? null,
    url: /^https?:\/\//i.test(canonical ?? '') ? canonical : meta(found, 'og:url'),
    tags,
  };
}
