// `npm run bench -- --corpus ../shared/corpus --sizes 1000,10000,100000 [--repeats 1] [--out bench/results/search.md]`
// Side by side, one run: briefbot's SearchIndex, plain fuse.js over whole articles, MiniSearch.
// Every engine × size runs in its own child process (fork) so memory figures don't mix; the
// cached load runs in another fresh child that only restores the snapshot written by the first.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { SearchIndex, terms, type Article } from '../src/briefings';
import { loadCorpus, rng, scaleCorpus } from './corpus';

type Engine = 'briefbot' | 'fuse' | 'minisearch';
const ENGINES: Engine[] = ['briefbot', 'minisearch', 'fuse'];
const QUERY_SEED = 42;
const WARMUP_SEED = 7;
const FUSE_BUDGET_MS = 60_000;

interface Measure {
  engine: Engine;
  size: number;
  buildMs?: number;
  cachedLoadMs?: number;
  snapshotMB?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** CPU time per query (user + system): robust to other processes sharing the cores. */
  cpuP50?: number;
  cpuP95?: number;
  top3?: number;
  rssMB?: number;
  heapMB?: number;
  skipped?: string;
  titleSuggestP95?: number;
  speakerSuggestP95?: number;
  quoteSpeakerP95?: number;
  quoteWordsP95?: number;
}

// ---------- queries ----------

interface KnownItem {
  query: string;
  target: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit: deletion, insertion, substitution or swap of neighbours. */
function typo(word: string, r: () => number): string {
  const p = Math.floor(r() * word.length);
  const c = LETTERS[Math.floor(r() * 26)];
  switch (Math.floor(r() * 4)) {
    case 0:
      return word.slice(0, p) + word.slice(p + 1);
    case 1:
      return word.slice(0, p) + c + word.slice(p);
    case 2: {
      const d = c === word[p] ? LETTERS[(LETTERS.indexOf(c) + 1) % 26] : c;
      return word.slice(0, p) + d + word.slice(p + 1);
    }
    default:
      return p + 1 < word.length && word[p] !== word[p + 1]
        ? word.slice(0, p) + word[p + 1] + word[p] + word.slice(p + 2)
        : word.slice(0, p) + word.slice(p + 1);
  }
}

/** Three distinct title words of a random article, in title order, one of them with a typo. */
export function knownItemQueries(articles: Article[], count: number, seed: number): KnownItem[] {
  const r = rng(seed);
  const out: KnownItem[] = [];
  for (let guard = 0; out.length < count && guard < count * 100; guard++) {
    const a = articles[Math.floor(r() * articles.length)];
    const words = [...new Set(terms(a.title).filter((w) => w.length >= 3 && !/\d/.test(w)))];
    if (words.length < 3) continue;
    const picked = new Set<number>();
    while (picked.size < 3) picked.add(Math.floor(r() * words.length));
    const chosen = [...picked].sort((x, y) => x - y).map((i) => words[i]);
    const long = chosen.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
    if (long.length === 0) continue;
    const j = long[Math.floor(r() * long.length)];
    chosen[j] = typo(chosen[j], r);
    out.push({ query: chosen.join(' '), target: a.id });
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

// ---------- engines ----------

interface Built {
  search(q: string): string[];
  snapshot(): string;
}

function bodyText(a: Article): string {
  return [a.standfirst ?? '', ...(a.headings ?? []), ...a.paragraphs].join('\n');
}

const MINI_OPTIONS = {
  fields: ['title', 'text'],
  idField: 'id',
  extractField: (doc: any, field: string) => (field === 'text' ? bodyText(doc) : doc[field]),
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
};

const FUSE_OPTIONS = { keys: ['title', 'text'], ignoreLocation: true, includeScore: true };

function buildEngine(engine: Engine, articles: Article[]): Built {
  if (engine === 'briefbot') {
    const index = SearchIndex.build(articles);
    return { search: (q) => index.search(q, { limit: 10 }).map((h) => h.articleId), snapshot: () => JSON.stringify(index.toJSON()) };
  }
  if (engine === 'minisearch') {
    const ms = new MiniSearch(MINI_OPTIONS as any);
    ms.addAll(articles);
    return {
      search: (q) =>
        ms
          .search(q)
          .slice(0, 10)
          .map((h) => String(h.id)),
      snapshot: () => JSON.stringify(ms),
    };
  }
  const docs = articles.map((a) => ({ id: a.id, title: a.title, text: bodyText(a) }));
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  return { search: (q) => fuse.search(q, { limit: 10 }).map((h) => h.item.id), snapshot: () => JSON.stringify(fuse.getIndex().toJSON()) };
}

function restoreEngine(engine: Engine, text: string, articles: Article[]): (q: string) => string[] {
  if (engine === 'briefbot') {
    const index = SearchIndex.fromJSON(JSON.parse(text), articles);
    return (q) => index.search(q, { limit: 10 }).map((h) => h.articleId);
  }
  if (engine === 'minisearch') {
    const ms = MiniSearch.loadJSON(text, MINI_OPTIONS as any);
    return (q) =>
      ms
        .search(q)
        .slice(0, 10)
        .map((h) => String(h.id));
  }
  const docs = articles.map((a) => ({ id: a.id, title: a.title, text: bodyText(a) }));
  const fuse = new Fuse(docs, FUSE_OPTIONS, Fuse.parseIndex(JSON.parse(text)));
  return (q) => fuse.search(q, { limit: 10 }).map((h) => h.item.id);
}

// ---------- child process work ----------

interface Job {
  kind: 'measure' | 'restore';
  engine: Engine;
  size: number;
  basePath: string;
  snapshotPath: string;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function memory(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.arrayBuffers };
}

function timeEach<T>(items: T[], run: (item: T) => void): number[] {
  return timeBoth(items, run).wall;
}

function timeBoth<T>(items: T[], run: (item: T) => void): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(item);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall, cpu };
}

export function briefbotExtras(articles: Article[], index: SearchIndex): Partial<Measure> {
  const r = rng(99);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const titlePrefixes = Array.from({ length: 100 }, () => {
    const t = pick(articles).title;
    return t.slice(0, 2 + Math.floor(r() * 10));
  });
  const speakers = [...new Set(articles.flatMap((a) => a.quotes.map((q) => q.speaker).filter((s): s is string => !!s)))];
  const speakerPrefixes = Array.from({ length: 100 }, () => {
    const s = pick(speakers) ?? 'a';
    // Half by the surname's start ("zel"), half by the name's start.
    const parts = s.split(' ');
    const base = r() < 0.5 ? parts[parts.length - 1] : s;
    return base.slice(0, 2 + Math.floor(r() * 6)).toLowerCase();
  });
  const speakerQueries = Array.from({ length: 100 }, () => {
    const s = pick(speakers) ?? 'a';
    const parts = s.split(' ');
    const last = parts[parts.length - 1].toLowerCase();
    return r() < 0.5 && last.length >= 5 ? typo(last, r) : last;
  });
  const quotes = articles.flatMap((a) => a.quotes).filter((q) => terms(q.text).length >= 3);
  const quoteWordQueries = Array.from({ length: 100 }, () => {
    const ws = terms(pick(quotes)?.text ?? 'no quote here');
    const at = Math.floor(r() * Math.max(1, ws.length - 2));
    return ws.slice(at, at + 3).join(' ');
  });
  for (const p of titlePrefixes.slice(0, 10)) index.suggest('title', p);
  return {
    titleSuggestP95: percentile(
      timeEach(titlePrefixes, (p) => index.suggest('title', p, 25)),
      95,
    ),
    speakerSuggestP95: percentile(
      timeEach(speakerPrefixes, (p) => index.suggest('speaker', p, 25)),
      95,
    ),
    quoteSpeakerP95: percentile(
      timeEach(speakerQueries, (s) => index.quoteRefs({ speaker: s, limit: 10 })),
      95,
    ),
    quoteWordsP95: percentile(
      timeEach(quoteWordQueries, (q) => index.quoteRefs({ query: q, limit: 10 })),
      95,
    ),
  };
}

function runJob(job: Job): Measure {
  const base = JSON.parse(readFileSync(job.basePath, 'utf8')) as Article[];
  const articles = scaleCorpus(base, job.size);
  const out: Measure = { engine: job.engine, size: articles.length };
  if (job.kind === 'restore') {
    gc();
    const t = performance.now();
    const search = restoreEngine(job.engine, readFileSync(job.snapshotPath, 'utf8'), articles);
    out.cachedLoadMs = performance.now() - t;
    search('warm up');
    return out;
  }
  const queries = knownItemQueries(articles, 100, QUERY_SEED);
  const warmup = knownItemQueries(articles, 20, WARMUP_SEED);
  if (job.engine === 'fuse' && articles.length > 1000) {
    // fuse.js scans every record, so its query time grows linearly: time three queries on 1,000
    // articles, scale up, and skip the size when 100 queries would blow the budget.
    const sample = buildEngine('fuse', articles.slice(0, 1000));
    const t0 = performance.now();
    for (const q of queries.slice(0, 3)) sample.search(q.query);
    const est = ((performance.now() - t0) / 3) * (articles.length / 1000);
    if (est * queries.length > FUSE_BUDGET_MS) {
      out.skipped = `~${(est / 1000).toFixed(1)} s per query, extrapolated from 1,000 articles (100 queries ≈ ${((est * queries.length) / 60000).toFixed(0)} min)`;
      return out;
    }
  }
  gc();
  const before = memory();
  const t = performance.now();
  const built = buildEngine(job.engine, articles);
  out.buildMs = performance.now() - t;
  gc();
  const after = memory();
  out.rssMB = (after.rss - before.rss) / 1e6;
  out.heapMB = (after.heap - before.heap) / 1e6;
  if (job.engine === 'fuse') {
    // Whole-article fuse.js: estimate from one query before committing to a hundred.
    const t0 = performance.now();
    built.search(queries[0].query);
    const one = performance.now() - t0;
    if (one * queries.length > FUSE_BUDGET_MS) {
      out.skipped = `~${(one / 1000).toFixed(1)} s per query, measured on one (100 queries ≈ ${((one * queries.length) / 60000).toFixed(0)} min)`;
      return out;
    }
  }
  for (const w of warmup) built.search(w.query);
  let found = 0;
  const { wall: lat, cpu } = timeBoth(queries, (q) => {
    const ids = built.search(q.query);
    if (ids.slice(0, 3).includes(q.target)) found++;
  });
  out.p50 = percentile(lat, 50);
  out.p95 = percentile(lat, 95);
  out.p99 = percentile(lat, 99);
  out.cpuP50 = percentile(cpu, 50);
  out.cpuP95 = percentile(cpu, 95);
  out.top3 = found / queries.length;
  const snap = built.snapshot();
  writeFileSync(job.snapshotPath, snap);
  out.snapshotMB = Buffer.byteLength(snap) / 1e6;
  if (job.engine === 'briefbot') {
    const index = SearchIndex.fromJSON(JSON.parse(snap), articles);
    Object.assign(out, briefbotExtras(articles, index));
  }
  return out;
}

function child(job: Job): Promise<Measure> {
  return new Promise((resolvePromise, reject) => {
    const execArgv = [...process.execArgv, '--expose-gc', '--max-old-space-size=12000'];
    const p = fork(__filename, ['--child'], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Measure | null = null;
    p.on('message', (m) => (result = m as Measure));
    p.once('error', reject);
    p.once('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`${job.engine} ${job.size}: child exited ${code}`))));
    p.send(job);
  });
}

// ---------- report ----------

function median(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : undefined;
}

function fmtMs(x: number | undefined): string {
  if (x === undefined) return '—';
  if (x >= 10000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  return `${x.toFixed(x >= 10 ? 1 : 2)} ms`;
}

const fmtMB = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(0)} MB`);
const ENGINE_LABEL: Record<Engine, string> = {
  briefbot: 'briefbot (fuse.js vocabulary + BM25)',
  minisearch: 'MiniSearch (fuzzy 0.2, prefix, title ×2)',
  fuse: 'fuse.js over whole articles (ignoreLocation)',
};

function table(size: number, rows: Measure[]): string {
  const lines = [
    `### ${size.toLocaleString('en-US')} articles`,
    '',
    '| engine | build | cached load | p50 query | p95 query | p99 query | CPU p50 / p95 | found in top 3 | memory RSS Δ | heap Δ | snapshot |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(
        `| ${ENGINE_LABEL[r.engine]} | ${fmtMs(r.buildMs)} | — | skipped: ${r.skipped} | — | — | — | — | ${fmtMB(r.rssMB)} | ${fmtMB(r.heapMB)} | — |`,
      );
      continue;
    }
    lines.push(
      `| ${ENGINE_LABEL[r.engine]} | ${fmtMs(r.buildMs)} | ${fmtMs(r.cachedLoadMs)} | ${fmtMs(r.p50)} | ${fmtMs(r.p95)} | ${fmtMs(r.p99)} | ${fmtMs(r.cpuP50)} / ${fmtMs(r.cpuP95)} | ${
        r.top3 === undefined ? '—' : `${Math.round(r.top3 * 100)}%`
      } | ${fmtMB(r.rssMB)} | ${fmtMB(r.heapMB)} | ${r.snapshotMB === undefined ? '—' : `${r.snapshotMB.toFixed(1)} MB`} |`,
    );
  }
  const b = rows.find((r) => r.engine === 'briefbot');
  if (b) {
    lines.push(
      '',
      `briefbot at ${size.toLocaleString('en-US')}: autocomplete p95 — titles ${fmtMs(b.titleSuggestP95)}, speakers ${fmtMs(
        b.speakerSuggestP95,
      )}; quote lookup p95 — by speaker ${fmtMs(b.quoteSpeakerP95)}, by words ${fmtMs(b.quoteWordsP95)}.`,
    );
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): { corpus: string; sizes: number[]; repeats: number; out: string | null; engines: Engine[] } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const defaultCorpus = existsSync(resolve('../shared/corpus')) ? '../shared/corpus' : 'tests/fixtures/search';
  return {
    corpus: resolve(get('corpus') ?? defaultCorpus),
    sizes: (get('sizes') ?? '1000,10000')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0),
    repeats: Math.max(1, Number(get('repeats') ?? 1)),
    out: get('out') ?? null,
    engines: ((get('engines') ?? ENGINES.join(',')).split(',') as Engine[]).filter((e) => ENGINES.includes(e)),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const { articles, reader } = await loadCorpus(args.corpus);
  const work = join(tmpdir(), `briefbot-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const basePath = join(work, 'base.json');
  writeFileSync(basePath, JSON.stringify(articles));
  const corpusHash = createHash('sha1').update(readFileSync(basePath)).digest('hex').slice(0, 12);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM (${(freemem() / 2 ** 30).toFixed(0)} GB free at start), Node ${process.version}`;
  const header = [
    `Corpus: ${args.corpus} — ${articles.length.toLocaleString('en-US')} articles read by ${reader} (content hash ${corpusHash}); larger sizes are distinct copies (see bench/corpus.ts scaleCorpus).`,
    `Machine: ${machine}; load average at start ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (the cores were shared with other work: CPU-time percentiles are given beside wall-clock ones).`,
    `Queries: 100 known-item queries per size (three title words, one with a typo; seed ${QUERY_SEED}), after 20 warm-up queries (seed ${WARMUP_SEED}); each engine and size in its own child process, the cached load in a further fresh one; ${args.repeats} run(s) per engine, medians reported.`,
  ].join('\n');
  console.log(header + '\n');
  const sections: string[] = [];
  for (const size of args.sizes) {
    const rows: Measure[] = [];
    for (const engine of args.engines) {
      const runs: Measure[] = [];
      for (let rep = 0; rep < args.repeats; rep++) {
        const snapshotPath = join(work, `${engine}-${size}.json`);
        const m = await child({ kind: 'measure', engine, size, basePath, snapshotPath });
        if (!m.skipped) {
          const restored = await child({ kind: 'restore', engine, size, basePath, snapshotPath });
          m.cachedLoadMs = restored.cachedLoadMs;
        }
        if (existsSync(snapshotPath)) rmSync(snapshotPath);
        runs.push(m);
        console.error(`  ${engine} @ ${size}: ${JSON.stringify(m)}`);
      }
      const keys: (keyof Measure)[] = [
        'buildMs',
        'cachedLoadMs',
        'snapshotMB',
        'p50',
        'p95',
        'p99',
        'cpuP50',
        'cpuP95',
        'top3',
        'rssMB',
        'heapMB',
        'titleSuggestP95',
        'speakerSuggestP95',
        'quoteSpeakerP95',
        'quoteWordsP95',
      ];
      const med: Measure = { engine, size: runs[0].size, skipped: runs.find((r) => r.skipped)?.skipped };
      for (const k of keys) (med as unknown as Record<string, unknown>)[k] = median(runs.map((r) => r[k] as number | undefined));
      rows.push(med);
    }
    const t = table(rows[0]?.size ?? size, rows);
    sections.push(t);
    console.log(t + '\n');
  }
  rmSync(work, { recursive: true, force: true });
  if (args.out) {
    const doc = [
      '# Search benchmark',
      '',
      `Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\` (finished ${new Date().toISOString()}, ${((Date.now() - started) / 60000).toFixed(1)} min)`,
      '',
      header,
      '',
      ...sections.flatMap((s) => [s, '']),
    ].join('\n');
    writeFileSync(args.out, doc);
  }
}

if (process.argv.includes('--child')) {
  process.once('message', (job) => {
    try {
      const m = runJob(job as Job);
      process.send!(m, () => process.exit(0));
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  });
} else if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
