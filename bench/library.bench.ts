// One measurement of bench/all.bench.ts, run in a fresh process so memory and start-up figures don't mix:
//   first    — first load of a content folder into an empty store (read, analyse in 2 workers, store, index)
//   restart  — open the same folder again (what a bot restart does), then search and autocomplete through it
//   mini     — MiniSearch over the same texts: build, search, autocomplete
// Usage (by all.bench.ts): npx tsx bench/library.bench.ts <job.json>; prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Library } from '../src/briefings';
import type * as Pool from '../src/sources/files/analyse-pool';
import type * as Folder from '../src/sources/files/folder-library';
import type * as Store from '../src/store/store';
import { rng } from './corpus';
import type { BenchArticle } from './variants';

// The compiled build (dist/, as `npm start` and the bin run it), not the TypeScript through tsx: the stored
// analysis version is a fingerprint of the code that ran, so the CLI timed afterwards reuses this store.
const load = createRequire(__filename);
const built = <T>(file: string): T => load(join(__dirname, '..', 'dist', file)) as T;
const { WorkerPool } = built<typeof Pool>('sources/files/analyse-pool.js');
const { openFolderLibrary } = built<typeof Folder>('sources/files/folder-library.js');
const { openStore } = built<typeof Store>('store/store.js');

export interface Job {
  kind: 'first' | 'restart' | 'mini';
  content: string;
  database: string;
  /** JSON file of BenchArticle[] (mini) and of the queries (restart, mini). */
  articlesFile: string;
  queriesFile: string;
}

export interface Query {
  query: string;
  /** The target's title (ids differ between engines; titles do not). */
  title: string;
  /** A title prefix, as someone types it into an autocomplete box. */
  prefix: string;
}

export interface Result {
  ms?: number;
  articles?: number;
  rssMB?: number;
  heapMB?: number;
  /** CPU seconds of the whole process (all threads) over the timed part: ~2× wall means both cores worked. */
  cpuS?: number;
  p50?: number;
  p95?: number;
  cpuP50?: number;
  cpuP95?: number;
  top3?: number;
  titleP50?: number;
  titleP95?: number;
  speakerP50?: number;
  speakerP95?: number;
  /** Of the open: reading the store, restoring (or building) the index, grouping stories (the library's LoadReport). */
  readMs?: number;
  indexMs?: number;
  storiesMs?: number;
}

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

function percentile(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Wall-clock percentiles, and CPU-time ones (user + system of this process): on a shared machine a query
 * that waited for a core shows in the first, not in the second. */
async function timed<T>(items: T[], run: (item: T) => unknown): Promise<{ p50: number; p95: number; cpuP50: number; cpuP95: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const c = process.cpuUsage();
    const t = performance.now();
    await run(item);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
}

function settle(): { rssMB: number; heapMB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rssMB: m.rss / 1e6, heapMB: (m.heapUsed + m.arrayBuffers) / 1e6 };
}

/** Searches and autocompletes through the library, the way the bot's commands do. */
async function queryLibrary(library: Library, queries: Query[]): Promise<Result> {
  // The speakers of the newest articles' quotes (the library keeps no quote text in memory: they are read once here).
  const quoted = await library.quotes({ limit: 5000 });
  const speakers = [...new Set(quoted.map((q) => q.speaker).filter((s): s is string => !!s))].sort();
  const r = rng(99);
  const speakerPrefixes = queries.map(() => {
    const parts = (speakers[Math.floor(r() * speakers.length)] ?? 'a').split(' ');
    return parts[parts.length - 1].slice(0, 2 + Math.floor(r() * 4)).toLowerCase();
  });
  for (const q of queries.slice(0, 20)) await library.search(q.query, { limit: 10 });
  let found = 0;
  const search = await timed(queries, async (q) => {
    const hits = await library.search(q.query, { limit: 10 });
    if (hits.slice(0, 3).some((h) => norm(h.title) === norm(q.title))) found++;
  });
  const titles = await timed(queries, (q) => library.suggest('title', q.prefix, 25));
  const people = await timed(speakerPrefixes, (p) => library.suggest('speaker', p, 25));
  return { ...search, top3: found / queries.length, titleP50: titles.p50, titleP95: titles.p95, speakerP50: people.p50, speakerP95: people.p95 };
}

async function openOnce(job: Job, query: boolean): Promise<Result> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const store = openStore(job.database);
  const pool = new WorkerPool({ size: 2 });
  const library = await openFolderLibrary({ contentDir: job.content, articles: store.articles, analyser: pool });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const { readMs, indexMs, storiesMs } = library.loadReport;
  const out: Result = { ms, articles: library.stats().articles, cpuS: (used.user + used.system) / 1e6, readMs, indexMs, storiesMs, ...settle() };
  if (query) Object.assign(out, await queryLibrary(library, JSON.parse(readFileSync(job.queriesFile, 'utf8')) as Query[]));
  await library.close();
  await pool.close();
  store.close();
  return out;
}

function bodyText(a: BenchArticle): string {
  return [a.standfirst ?? '', ...a.paragraphs].join('\n');
}

/** MiniSearch as in bench/search.bench.ts: fuzzy 0.2, prefix, title ×2; autocomplete on titles. */
async function miniSearch(job: Job): Promise<Result> {
  const articles = JSON.parse(readFileSync(job.articlesFile, 'utf8')) as BenchArticle[];
  const queries = JSON.parse(readFileSync(job.queriesFile, 'utf8')) as Query[];
  const docs = articles.map((a, id) => ({ id, title: a.title, a }));
  const before = settle();
  const started = performance.now();
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    extractField: (doc: Record<string, unknown>, field: string) => (field === 'text' ? bodyText(doc.a as BenchArticle) : (doc[field] as string)),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
  });
  ms.addAll(docs);
  const buildMs = performance.now() - started;
  const after = settle();
  for (const q of queries.slice(0, 20)) ms.search(q.query);
  let found = 0;
  const search = await timed(queries, (q) => {
    const hits = ms.search(q.query).slice(0, 3);
    if (hits.some((h) => norm(articles[h.id as number].title) === norm(q.title))) found++;
  });
  const titles = await timed(queries, (q) => ms.autoSuggest(q.prefix, { fields: ['title'] }).slice(0, 25));
  return {
    ms: buildMs,
    articles: articles.length,
    rssMB: after.rssMB - before.rssMB,
    heapMB: after.heapMB - before.heapMB,
    ...search,
    top3: found / queries.length,
    titleP50: titles.p50,
    titleP95: titles.p95,
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
  const result = job.kind === 'mini' ? await miniSearch(job) : await openOnce(job, job.kind === 'restart');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
