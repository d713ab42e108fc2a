// Walks a content folder, turns each file's bytes into text, picks the reader for its format and
// collects warnings. Nothing a file contains can stop the load: every problem becomes a LoadWarning
// naming the file and the reason, and the other files still load.
//
// Dates: an article whose file gives no date gets the file's modification time, marked approximate,
// so that every article can be ranked by recency. `now` caps that time (and the reference for
// "2 hours ago") so a file touched after the clock the caller runs on is not dated in the future.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listContentFiles, type ContentFile } from '../content-files';
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

export type LoadedFile = ContentFile;

export interface LoadResult {
  articles: RawArticle[];
  warnings: LoadWarning[];
  files: LoadedFile[];
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

interface FileRead {
  articles: RawArticle[];
  warnings: LoadWarning[];
}

function readFile(contentDir: string, relPath: string, now: Date): FileRead {
  const warn = (reason: string): FileRead => ({ articles: [], warnings: [{ file: relPath, reason }] });
  const format = formatOf(relPath);
  if (!format) return warn(`unsupported file type "${path.extname(relPath) || '(none)'}": skipped`);
  const abs = path.join(contentDir, relPath);
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(abs);
    if (!stat.isFile()) return warn('not a regular file: skipped');
    if (stat.size > MAX_FILE_BYTES) return warn(`file too large (${(stat.size / 1048576).toFixed(1)} MB, cap 5 MB): skipped`);
    if (stat.size === 0) return warn('empty file');
    bytes = fs.readFileSync(abs);
  } catch (err) {
    return warn(`could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (GZIPPED.test(relPath)) {
    const unzipped = gunzip(bytes);
    if (typeof unzipped === 'string') return warn(unzipped);
    bytes = unzipped;
  }
  if (bytes.length > MAX_FILE_BYTES) return warn(`file too large (${(bytes.length / 1048576).toFixed(1)} MB, cap 5 MB): skipped`);
  if (looksBinary(bytes)) return warn('binary file (contains NUL bytes): skipped');
  const decoded = decodeBytes(bytes);
  const warnings: LoadWarning[] = [];
  if (decoded.encoding === 'windows-1252') warnings.push({ file: relPath, reason: 'not valid UTF-8: decoded as Windows-1252' });

  const savedAt = new Date(Math.min(stat.mtimeMs, now.getTime()));
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

/** Resolve a path inside the content folder, refusing ones that climb out of it. */
function insideRelative(contentDir: string, relPath: string): string | null {
  const normalised = path.posix.normalize(relPath.replace(/\\/g, '/'));
  if (normalised.startsWith('../') || normalised === '..' || path.isAbsolute(normalised)) return null;
  const abs = path.resolve(contentDir, normalised);
  const root = path.resolve(contentDir);
  return abs === root || abs.startsWith(root + path.sep) ? normalised.replace(/^\.\//, '') : null;
}

/**
 * Read one file of the content folder again (it was added or changed). A file that no longer
 * exists yields no articles and no warning, so a caller can treat it as removed.
 */
export function readArticleFile(contentDir: string, relPath: string, opts: LoadOptions = {}): FileRead {
  const rel = insideRelative(contentDir, relPath);
  if (rel === null) return { articles: [], warnings: [{ file: relPath, reason: 'outside the content folder: skipped' }] };
  if (!fs.existsSync(path.join(contentDir, rel))) return { articles: [], warnings: [] };
  return readFile(contentDir, rel, opts.now ?? new Date());
}

/** Load every article under `contentDir` (recursively; dotfiles, dot-folders and node_modules skipped). */
export function loadRawArticles(contentDir: string, opts: LoadOptions = {}): LoadResult {
  const now = opts.now ?? new Date();
  const articles: RawArticle[] = [];
  const warnings: LoadWarning[] = [];
  const files = listContentFiles(contentDir, (file, reason) => warnings.push({ file, reason }));
  for (const f of files) {
    const result = readFile(contentDir, f.path, now);
    for (const a of result.articles) articles.push(a);
    for (const w of result.warnings) warnings.push(w);
  }
  return { articles, warnings, files };
}
