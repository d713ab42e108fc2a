// `npm run bench:ingest -- [corpus dir]` (default ../shared/corpus/article-extraction-benchmark)
// Ingest speed, from feed XML to searchable: an RSS feed of the corpus's pages served from loopback, polled
// once by the bot's own feed sources (page fetched over HTTP, read and analysed in the worker pool, stored in
// SQLite, the library caught up); side by side with the file reader on the same pages copied into a content
// folder; then the extraction F1 on the same pages (runExtractionBench).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openLibrary } from '../src/briefings';
import { WorkerPool } from '../src/sources/files/analyse-pool';
import { openFolderLibrary } from '../src/sources/files/folder-library';
import { HttpFetcher } from '../src/sources/http';
import { FeedSources } from '../src/sources/sources-service';
import { openStore } from '../src/store/store';
import { DEFAULT_CORPUS, extractionTable, runExtractionBench } from './extract.bench';

interface Page {
  id: string;
  html: string;
}

function loadPages(dir: string): Page[] {
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>;
  return Object.keys(gold)
    .sort()
    .map((id) => ({ id, html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8') }));
}

function rss(base: string, pages: Page[]): string {
  const now = Date.now();
  const items = pages.map(
    (p, i) => `<item><title>Page ${p.id}</title><link>${base}/page/${p.id}</link><guid isPermaLink="false">${p.id}</guid>
<pubDate>${new Date(now - i * 60_000).toUTCString()}</pubDate><description>Item ${p.id}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>${base}/</link>${items.join('\n')}</channel></rss>`;
}

async function serve(pages: Page[]): Promise<{ base: string; close: () => Promise<void> }> {
  const byId = new Map(pages.map((p) => [p.id, p.html]));
  let base = '';
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      return res.end(rss(base, pages));
    }
    const html = byId.get(path.replace('/page/', ''));
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function feedIngest(pages: Page[], dir: string): Promise<{ articles: number; seconds: number }> {
  const site = await serve(pages);
  const store = openStore(join(dir, 'feeds.db'));
  const pool = new WorkerPool({ size: 2 });
  const library = await openLibrary({ reader: store.articles, view: { fileRoot: null } });
  const silent = { info: () => undefined, warn: () => undefined, error: (o: object, m: string) => console.error(m, o) };
  const sources = new FeedSources({
    feeds: store.feeds,
    writer: store.articles,
    fetcher: new HttpFetcher({ allowPrivateNetwork: true }),
    analyser: pool,
    logger: silent,
    intervalSeconds: 900,
    shared: [`${site.base}/feed.xml`],
    catchUp: () => library.catchUp(),
  });
  const started = performance.now();
  await sources.pollAll();
  const seconds = (performance.now() - started) / 1000;
  const articles = library.stats().articles;
  await pool.close();
  await store.close();
  await site.close();
  return { articles, seconds };
}

async function fileIngest(pages: Page[], dir: string): Promise<{ articles: number; seconds: number }> {
  const content = join(dir, 'content');
  mkdirSync(content);
  for (const p of pages) writeFileSync(join(content, `${p.id}.html`), p.html);
  const store = openStore(join(dir, 'files.db'));
  const pool = new WorkerPool({ size: 2 });
  const started = performance.now();
  const folder = await openFolderLibrary({ contentDir: content, articles: store.articles, analyser: pool });
  const seconds = (performance.now() - started) / 1000;
  const articles = folder.stats().articles;
  await folder.close();
  await pool.close();
  await store.close();
  return { articles, seconds };
}

async function main(): Promise<void> {
  const corpus = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? DEFAULT_CORPUS;
  if (!existsSync(join(corpus, 'ground-truth.json'))) {
    console.error(`ingest bench: no ground-truth.json in ${corpus} (pass the article-extraction-benchmark folder)`);
    process.exitCode = 1;
    return;
  }
  const pages = loadPages(corpus);
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const feed = await feedIngest(pages, dir);
    const files = await fileIngest(pages, dir);
    console.log(`ingest: ${pages.length} pages, to searchable (SQLite store, 2 analysis workers)\n`);
    console.log('| path | articles | seconds | articles/s |\n|---|---|---|---|');
    for (const [name, r] of [
      ['feed XML → page over loopback HTTP → read → store → index', feed],
      ['file reader: .html files in CONTENT_DIR → store → index', files],
    ] as const) {
      console.log(`| ${name} | ${r.articles} | ${r.seconds.toFixed(2)} | ${(r.articles / r.seconds).toFixed(1)} |`);
    }
    console.log(`\nextraction on the same ${pages.length} pages:\n`);
    console.log(extractionTable(runExtractionBench(corpus)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
