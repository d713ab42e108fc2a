// One file's bytes to analysed articles, ready for the store. Pure: runs in a worker thread or inline.
import * as crypto from 'node:crypto';
import { analysedFields } from './analyse';
import type { AnalysedArticle } from './article-store';
import { readArticleBytes } from './articles/load';
import { slugify } from './slug';
import type { Article, LoadWarning, RawArticle } from './types';

export interface AnalyseJob {
  /** Path inside the content folder (names the articles' source and every warning). */
  path: string;
  bytes: Uint8Array;
  mtimeMs: number;
  /** The clock, as epoch ms: caps file times used as dates. */
  now: number;
  /** Positions of articles to leave out (they ran past the time budget on an earlier try). */
  skip?: number[];
}

export interface AnalysedFile {
  articles: AnalysedArticle[];
  warnings: LoadWarning[];
}

export function articleHash(raw: RawArticle): string {
  const h = crypto.createHash('sha256');
  // Every part followed by a NUL, as one update: the same bytes as an update per part and per NUL, without two
  // calls into the hash per paragraph (4% of analysing an article went to those calls; issue 13).
  const parts = [raw.title, raw.date ?? '', raw.standfirst ?? '', raw.dateline ?? '', ...raw.headings, ...raw.paragraphs];
  h.update(`${parts.join('\u0000')}\u0000`);
  h.update(JSON.stringify([raw.url ?? null, raw.tags ?? null, raw.providedSummary ?? null, raw.headingPositions ?? null]));
  return h.digest('hex').slice(0, 32);
}

/** Analysis of one article; `id` is a placeholder the store replaces. */
export function analyseRaw(raw: RawArticle): AnalysedArticle {
  // Straight from the fields, never through the lazy-sentences getter (a `sentences` key a reader left is dropped,
  // as withoutSentences drops it): the same keys in the same order, one object fewer to copy.
  const { id: _id, sentences: _sentences, ...rest } = analysedFields(raw, '') as Omit<Article, 'sentences'> & { sentences?: unknown };
  return { ...rest, slug: slugify(raw.title), contentHash: articleHash(raw) };
}

/**
 * Reads and analyses a file. `onArticle(i)` is called before article i is analysed, so a supervisor can
 * time each one; articles listed in `skip` are left out with a warning.
 */
export function analyseFile(
  job: AnalyseJob,
  onArticle?: (position: number, title: string) => void,
  skipReason = 'took too long to analyse',
): AnalysedFile {
  const read = readArticleBytes(job.path, job.bytes, job.mtimeMs, new Date(job.now));
  const skip = new Set(job.skip ?? []);
  const articles: AnalysedArticle[] = [];
  const warnings = [...read.warnings];
  read.articles.forEach((raw, i) => {
    if (skip.has(i)) {
      warnings.push({ file: job.path, reason: `article "${raw.title.slice(0, 60)}" skipped: ${skipReason}` });
      return;
    }
    onArticle?.(i, raw.title);
    try {
      articles.push(analyseRaw(raw));
    } catch (err) {
      warnings.push({ file: job.path, reason: `article "${raw.title.slice(0, 60)}" skipped: ${(err as Error).message}` });
    }
  });
  return { articles, warnings };
}
