// `briefbot extract <file | folder | URL> [--json]`: what the library reads from web pages, so a user can
// see why a site reads badly and a benchmark can run the extractor. A folder gives one JSON object a line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GZIPPED, MAX_FILE_BYTES, decodeBytes, formatOf, gunzip, readHtml, type HtmlPage } from '../briefings';
import type { CliIo } from './run';

/** Fetches a page: its HTML and the URL it ended at. Injected so the SSRF-safe fetcher can replace the plain one. */
export type PageFetcher = (url: string) => Promise<{ html: string; url: string }>;

export interface ExtractOptions {
  json: boolean;
  fetchPage?: PageFetcher;
  /** The folder walk (src/sources/files, wired by the entry point). */
  listFiles: (dir: string, onWarning: (file: string, reason: string) => void) => { path: string }[];
}

type Where = { file: string } | { url: string };

function pageJson(where: Where, page: HtmlPage) {
  const a = page.article;
  return {
    ...where,
    title: a?.title ?? null,
    date: a?.date ?? null,
    author: page.author,
    siteName: page.siteName,
    teaser: page.teaser,
    standfirst: a?.standfirst ?? null,
    text: page.text,
    paragraphs: a?.paragraphs ?? [],
  };
}

function pageText(where: Where, page: HtmlPage): string {
  const a = page.article;
  const lines = [
    `${'file' in where ? where.file : where.url}`,
    `title:     ${a?.title ?? '(none)'}`,
    `date:      ${a?.date ?? '(none)'}`,
    `author:    ${page.author ?? '(none)'}`,
    `site:      ${page.siteName ?? '(none)'}`,
    `paragraphs: ${a?.paragraphs.length ?? 0}, ${page.text.length} characters${page.teaser ? ' — a teaser: the feed description would stand in' : ''}`,
  ];
  if (a?.standfirst) lines.push(`standfirst: ${a.standfirst}`);
  return `${lines.join('\n')}\n\n${page.text}\n`;
}

/** A page file's text: gunzipped when .gz, decoded as UTF-8 (else Windows-1252). Returns the reason on failure. */
function readPageFile(abs: string): string | { error: string } {
  try {
    if (fs.statSync(abs).size > MAX_FILE_BYTES) return { error: 'file too large (cap 5 MB)' };
    let bytes: Buffer = fs.readFileSync(abs);
    if (GZIPPED.test(abs)) {
      const unzipped = gunzip(bytes);
      if (typeof unzipped === 'string') return { error: unzipped };
      bytes = unzipped;
    }
    return decodeBytes(bytes).text;
  } catch (err) {
    return { error: `could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

function extractFolder(dir: string, io: CliIo, listFiles: ExtractOptions['listFiles']): number {
  const files = listFiles(dir, (f, reason) => io.err(`warning: ${f}: ${reason}`)).filter((f) => formatOf(f.path) === 'html');
  if (files.length === 0) {
    io.err(`briefbot: no .html, .htm or .html.gz pages in ${dir}`);
    return 1;
  }
  for (const f of files) {
    const text = readPageFile(path.join(dir, f.path));
    if (typeof text !== 'string') {
      io.err(`warning: ${f.path}: ${text.error}`);
      continue;
    }
    io.out(JSON.stringify(pageJson({ file: f.path }, readHtml(text, null, { source: f.path }))));
  }
  return 0;
}

async function extractUrl(url: string, opts: ExtractOptions, io: CliIo): Promise<number> {
  const fetchPage = opts.fetchPage ?? plainFetchPage;
  let fetched: { html: string; url: string };
  try {
    fetched = await fetchPage(url);
  } catch (err) {
    io.err(`briefbot: could not fetch ${url}: ${(err as Error).message}`);
    return 1;
  }
  const page = readHtml(fetched.html, fetched.url);
  io.out(opts.json ? JSON.stringify(pageJson({ url: fetched.url }, page)) : pageText({ url: fetched.url }, page));
  return 0;
}

export async function runExtract(target: string, opts: ExtractOptions, io: CliIo): Promise<number> {
  if (/^https?:\/\//i.test(target)) return extractUrl(target, opts, io);
  const abs = path.resolve(target);
  if (!fs.existsSync(abs)) {
    io.err(`briefbot: no such file or folder: ${target}`);
    return 1;
  }
  if (fs.statSync(abs).isDirectory()) return extractFolder(abs, io, opts.listFiles);
  if (formatOf(abs) !== 'html') {
    io.err(`briefbot: ${target} is not a web page (.html, .htm or .html.gz)`);
    return 1;
  }
  const text = readPageFile(abs);
  if (typeof text !== 'string') {
    io.err(`briefbot: ${target}: ${text.error}`);
    return 1;
  }
  const page = readHtml(text, null, { source: target });
  io.out(opts.json ? JSON.stringify(pageJson({ file: target }, page)) : pageText({ file: target }, page));
  return 0;
}

/** Cap on a fetched page, enforced while reading (the 3 MB page cap). */
const MAX_PAGE_BYTES = 3 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/**
 * A plain fetch with a 15 s timeout and a 3 MB cap. Not SSRF-safe: it is for a user's own command line;
 * the bot fetches through src/sources/http.
 */
export async function plainFetchPage(url: string): Promise<{ html: string; url: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { 'user-agent': 'briefbot (+https://github.com/briefbot)' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    size += next.value.byteLength;
    if (size > MAX_PAGE_BYTES) {
      await reader?.cancel();
      throw new Error('page larger than 3 MB');
    }
    chunks.push(next.value);
  }
  return { html: decodeBytes(Buffer.concat(chunks)).text, url: res.url || url };
}
