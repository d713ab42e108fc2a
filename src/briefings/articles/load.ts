// Turns a file's bytes into text, picks the reader for its format and collects warnings. Nothing a file
// contains can stop the load: every problem becomes a LoadWarning naming the file and the reason. (Reading
// the folder itself is src/sources/files: the core touches no files.)
//
// Dates: an article whose file gives no date gets the file's modification time, marked approximate,
// so that every article can be ranked by recency. `now` caps that time (and the reference for
// "2 hours ago") so a file touched after the clock the caller runs on is not dated in the future.
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LoadWarning, RawArticle } from '../types';
import { decodeBytes, looksBinary } from '../text/decode';
import { readCsv } from './csv';
import { readHtmlFile } from './html-reader';
import { readJson } from './json';
import { readMarkdown } from './markdown';
import { readPlainText } from './plain-text';
import type { Reader, ReaderContext, ReaderResult } from './reader-types';
import { looksScraped, readScrapedText } from './scraped-text';

/** Files above this size are skipped: no article is 5 MB of text, and reading one would stall the load. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /** The clock: caps file times used as dates. Default: the real time. */
  now?: Date;
}

export type Format = 'text' | 'markdown' | 'json' | 'csv' | 'html';

const FORMATS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.json': 'json',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
};

/** Saved web pages may come gzipped, as the article-extraction benchmark ships them. */
export const GZIPPED = /\.html?\.gz$/i;

export function formatOf(relPath: string): Format | null {
  if (GZIPPED.test(relPath)) return 'html';
  return FORMATS[path.extname(relPath).toLowerCase()] ?? null;
}

/** A .txt file is a scraped page when it shows the page's furniture; otherwise plain title-and-paragraphs. */
function textReader(text: string, ctx: ReaderContext): ReaderResult {
  if (looksScraped(text, ctx.savedAt)) {
    const scraped = readScrapedText(text, ctx);
    if (scraped.articles.length > 0) return scraped;
  }
  return readPlainText(text, ctx);
}

const READERS: Record<Format, Reader> = {
  text: textReader,
  markdown: readMarkdown,
  json: readJson,
  csv: readCsv,
  html: readHtmlFile,
};

/** Read text of a known format. Exposed for tests and for callers holding text rather than a file. */
export function readArticleText(text: string, format: Format, ctx: ReaderContext): ReaderResult {
  if (!text.trim()) return { articles: [], warnings: ['empty file'] };
  try {
    return READERS[format](text, ctx);
  } catch (err) {
    // Readers are written not to throw; this is the last line of defence for one file.
    return { articles: [], warnings: [`could not be parsed: ${(err as Error).message.slice(0, 120)}`] };
  }
}

export interface FileRead {
  articles: RawArticle[];
  warnings: LoadWarning[];
}

/**
 * The pure half of reading a file: its bytes (already read by whoever is allowed to touch the folder)
 * to raw articles and warnings. `mtimeMs` dates articles the file gives no date for.
 */
export function readArticleBytes(relPath: string, bytes: Uint8Array, mtimeMs: number, now: Date): FileRead {
  const warn = (reason: string): FileRead => ({ articles: [], warnings: [{ file: relPath, reason }] });
  const format = formatOf(relPath);
  if (!format) return warn(`unsupported file type "${path.extname(relPath) || '(none)'}": skipped`);
  if (bytes.length === 0) return warn('empty file');
  if (GZIPPED.test(relPath)) {
    const unzipped = gunzip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (typeof unzipped === 'string') return warn(unzipped);
    bytes = unzipped;
  }
  if (bytes.length > MAX_FILE_BYTES) return warn(`file too large (${(bytes.length / 1048576).toFixed(1)} MB, cap 5 MB): skipped`);
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (looksBinary(buffer)) return warn('binary file (contains NUL bytes): skipped');
  const decoded = decodeBytes(buffer);
  const warnings: LoadWarning[] = [];
  if (decoded.encoding === 'windows-1252') warnings.push({ file: relPath, reason: 'not valid UTF-8: decoded as Windows-1252' });

  const savedAt = new Date(Math.min(mtimeMs, now.getTime()));
  const result = readArticleText(decoded.text, format, { source: relPath, savedAt });
  for (const reason of result.warnings) warnings.push({ file: relPath, reason });
  for (const a of result.articles) {
    if (!a.date) {
      a.date = savedAt.toISOString();
      a.dateApproximate = true;
    }
  }
  return { articles: result.articles, warnings };
}

/** Unzip a .html.gz file, refusing one that unpacks beyond the file cap (a gzip bomb). Returns the reason on failure. */
export function gunzip(bytes: Buffer): Buffer | string {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return 'unpacks to more than 5 MB: skipped';
    return `not a readable gzip file (${code ?? (err as Error).message.slice(0, 80)}): skipped`;
  }
}
