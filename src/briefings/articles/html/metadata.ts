// What a page says about itself: title, publication date, author, site name, canonical URL and tags,
// from JSON-LD, Open Graph and article:* meta tags, then <time> and <h1>/<title> as fallbacks.
import { cleanLine } from '../../text/whitespace';
import type { DomDocument } from './dom';
import { readJsonLd } from './json-ld';

export interface PageMetadata {
  title: string | null;
  date: Date | null;
  author: string | null;
  siteName: string | null;
  url: string | null;
  tags: string[];
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
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

function timeElementDate(doc: DomDocument): Date | null {
  for (const el of doc.querySelectorAll('time[datetime]')) {
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
  const ld = readJsonLd(doc);
  const h1 = cleanLine(doc.querySelector('h1')?.textContent ?? '');
  const title = ld?.headline ?? meta(doc, 'og:title', 'twitter:title') ?? (h1 || null) ?? titleFromTitleTag(doc.title ?? '');
  const date =
    pageDate(ld?.datePublished) ??
    pageDate(
      meta(
        doc,
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
    timeElementDate(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const tags: string[] = [];
  for (const el of doc.querySelectorAll('meta[property="article:tag"]')) {
    const tag = cleanLine(el.getAttribute('content') ?? '');
    if (tag && tags.length < 20 && !tags.includes(tag)) tags.push(tag);
  }
  return {
    title: title ? cleanLine(title) : null,
    date,
    author: authorName(ld?.author ?? null) ?? authorName(meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author')),
    siteName: meta(doc, 'og:site_name', 'application-name') ?? ld?.publisher ?? null,
    url: /^https?:\/\//i.test(canonical ?? '') ? canonical : meta(doc, 'og:url'),
    tags,
  };
}
