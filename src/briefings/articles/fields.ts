// Reading article fields out of loosely structured records (JSON objects, CSV rows), where every
// publisher names things differently.
import { cleanLine } from '../text/whitespace';
import { ArticleBuilder } from './builder';
import { parseDateValue } from './dates';
import { textToParagraphs } from './plain-text';
import type { RawArticle } from '../types';

export type Fields = Record<string, unknown>;

const TITLE = ['title', 'headline', 'name'];
const DATE = ['date', 'published', 'publishedAt', 'published_at', 'datePublished', 'pubDate', 'publication_date', 'updated', 'updatedAt'];
const STANDFIRST = ['standfirst', 'description', 'subtitle', 'dek', 'lede'];
const BODY = ['body', 'content', 'text', 'articleBody', 'article', 'story'];
const SUMMARY = ['summary', 'abstract'];
const URL = ['url', 'link', 'href'];
const TAGS = ['tags', 'keywords', 'categories', 'category'];

/** The first field present under any of the names (case-insensitive). */
function pick(record: Fields, names: string[]): unknown {
  for (const n of names) if (record[n] !== undefined && record[n] !== null) return record[n];
  const lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const key = lower.get(n.toLowerCase());
    if (key !== undefined && record[key] !== undefined && record[key] !== null) return record[key];
  }
  return undefined;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return cleanLine(v) || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function paragraphs(record: Fields): string[] {
  const list = pick(record, ['paragraphs']);
  if (Array.isArray(list)) return list.map((p) => (typeof p === 'string' ? cleanLine(p) : '')).filter(Boolean);
  const body = pick(record, BODY);
  if (typeof body === 'string') return textToParagraphs(body);
  if (Array.isArray(body)) return body.map((p) => (typeof p === 'string' ? cleanLine(p) : '')).filter(Boolean);
  return [];
}

/** A record → a RawArticle, or a reason why it is not one. */
export function articleFromFields(record: Fields, source: string, savedAt: Date): RawArticle | string {
  const builder = new ArticleBuilder(source);
  builder.title = text(pick(record, TITLE)) ?? '';
  builder.offerDate(parseDateValue(pick(record, DATE), savedAt));
  const standfirst = text(pick(record, STANDFIRST));
  if (standfirst) builder.setStandfirst(standfirst);
  const summary = text(pick(record, SUMMARY));
  if (summary) builder.providedSummary = summary;
  const url = text(pick(record, URL));
  if (url) builder.url = url;
  const tags = pick(record, TAGS);
  if (Array.isArray(tags)) builder.tags = tags.map(text).filter((t): t is string => t !== null);
  else if (typeof tags === 'string')
    builder.tags = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const body = paragraphs(record);
  // Headings are kept only when their positions say where they go (RawArticle's own shape).
  const headings = pick(record, ['headings']);
  const positions = pick(record, ['headingPositions']);
  const placed = new Map<number, string[]>();
  if (Array.isArray(headings) && Array.isArray(positions) && headings.length === positions.length) {
    headings.forEach((h, i) => {
      const at = positions[i];
      if (typeof h === 'string' && typeof at === 'number' && Number.isInteger(at) && at >= 0) placed.set(at, [...(placed.get(at) ?? []), h]);
    });
  }
  body.forEach((p, i) => {
    for (const h of placed.get(i) ?? []) builder.addHeading(h);
    builder.addParagraph(p);
  });
  if (builder.paragraphCount === 0)
    return builder.title ? `article "${builder.title.slice(0, 60)}" has no body text` : 'record has no title and no body text';
  const article = builder.build();
  return article ?? 'record has no title and no body text';
}
