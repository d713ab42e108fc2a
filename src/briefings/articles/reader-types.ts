// The shape every format reader shares: text in, articles and problems out. Readers never throw
// and never touch the file system; the loader decodes bytes and attaches file names to warnings.
import type { RawArticle } from '../types';

export interface ReaderContext {
  /** Path relative to the content folder, forward slashes; becomes RawArticle.source. */
  source: string;
  /** When the file was saved (its mtime, never later than "now"): relative dates resolve against it. */
  savedAt: Date;
}

export interface ReaderResult {
  articles: RawArticle[];
  /** Reasons, without the file name (the loader adds it). */
  warnings: string[];
}

export type Reader = (text: string, ctx: ReaderContext) => ReaderResult;
