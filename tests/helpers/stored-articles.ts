// What store and library tests put into the article store: a raw article, and the feed or file it came from.
import type { StoredSource } from '../../src/briefings/article-store';
import type { RawArticle } from '../../src/briefings/types';

export const rawArticle = (title: string, paragraphs: string[], date: string | null = '2026-11-01T08:00:00.000Z'): RawArticle => ({
  title,
  date,
  dateApproximate: false,
  standfirst: null,
  dateline: null,
  headings: [],
  paragraphs,
  source: 'test',
});

/** A feed as a source: no size, time or hash (its items are keyed one by one). */
export const feedSource = (url: string): StoredSource => ({
  kind: 'feed',
  root: '',
  id: url,
  size: null,
  mtimeMs: null,
  contentHash: null,
  analysisVersion: 'v',
  warnings: [],
});

/** A file of the content folder /content as a source. */
export const fileSource = (id: string): StoredSource => ({
  kind: 'file',
  root: '/content',
  id,
  size: 1,
  mtimeMs: 1,
  contentHash: 'h',
  analysisVersion: 'v',
  warnings: [],
});

/** An 08:00 UTC time on the given day of November 2026. */
export const novemberDay = (d: number): string => `2026-11-${String(d).padStart(2, '0')}T08:00:00.000Z`;
