// `npm run bench [-- --corpus DIR] [--sizes corpus,100000] [--quick] [--no-ingest] [--hosts]`: every row a user waits for,
// from one run, side by side with MiniSearch on the same texts: the CLI's whole-process wall time (seed and the
// largest size ≤ 10k, warm), first load, restart and RSS, search and autocomplete p50/p95, and ingest rate.
// Each measurement runs in a fresh process (bench/library.bench.ts). The run is written to bench/results/.
// `corpus` as a size is the corpus folder itself, read as the bot reads it; other sizes are the corpus's
// articles as JSON files, made up to the size with distinct variants (bench/variants.ts). `--hosts` adds the
// store's rows with one and two hosts (bench/store-hosts.bench.ts; it starts an embedded Postgres, hence opt-in).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { rng } from './corpus';
import { benchArticles, cliSearch, ingestRows, type CliTiming } from './all-parts';
import type { Job, Query, Result } from './library.bench';
import { knownItemQueries } from './search.bench';
import { distinctArticles, writeContent, type BenchArticle } from './variants';
import { report, type SizeRun } from './all-report';

const ROOT = join(__dirname, '..');
const TSX = require.resolve('tsx/cli');

interface Args {
  corpus: string;
  sizes: string[];
  quick: boolean;
  ingest: boolean;
  restarts: number;
  hosts: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    corpus: resolve(get('corpus') ?? join(ROOT, '..', '..', 'shared', 'corpus')),
    sizes: (get('sizes') ?? (quick ? '1000,3000' : 'corpus,100000')).split(',').map((s) => s.trim()),
    quick,
    ingest: !argv.includes('--no-ingest'),
    restarts: Number(get('restarts') ?? (quick ? 1 : 2)),
    hosts: argv.includes('--hosts'),
  };
}

function child(job: Job, dir: string): Result {
  const file = join(dir, `job-${job.kind}.json`);
  writeFileSync(file, JSON.stringify(job));
  // tsx's CLI (its ESM loader) cost the measured process ~130 MB of heap at 100k that the bot (`node dist/main.js`)
  // never carries; the CommonJS hook alone only lets this TypeScript file run — the library itself comes from dist/.
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8000', '-r', 'tsx/cjs', join(__dirname, 'library.bench.ts'), file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${job.kind} at ${job.content}: exit ${r.status}\n${r.stdout}`);
  return JSON.parse(line) as Result;
}

function queriesFor(articles: BenchArticle[], count: number): Query[] {
  const withIds = articles.map((a, i) => ({ ...a, id: String(i), quotes: [], people: [], sentences: [], headings: [] }));
  const r = rng(5);
  return knownItemQueries(withIds as never, count, 42).map((k) => {
    const title = articles[Number(k.target)].title;
    return { query: k.query, title, prefix: title.slice(0, 2 + Math.floor(r() * 10)) };
  });
}

function runSize(size: string, base: BenchArticle[], args: Args, work: string, cliAt: boolean): SizeRun {
  const dir = join(work, size);
  mkdirSync(dir, { recursive: true });
  const fromFolder = size === 'corpus';
  const articles = fromFolder ? base : distinctArticles(base, Number(size));
  const content = fromFolder ? args.corpus : join(dir, 'content');
  if (!fromFolder) writeContent(content, articles);
  const articlesFile = join(dir, 'articles.json');
  const queriesFile = join(dir, 'queries.json');
  writeFileSync(articlesFile, JSON.stringify(articles));
  writeFileSync(queriesFile, JSON.stringify(queriesFor(articles, args.quick ? 50 : 100)));
  const job = (kind: Job['kind']): Job => ({ kind, content, database: join(dir, 'briefbot.db'), articlesFile, queriesFile });
  const log = (what: string, r: unknown) => console.error(`  ${size} ${what}: ${JSON.stringify(r)}`);
  const first = child(job('first'), dir);
  log('first load', first);
  const restarts: Result[] = [];
  for (let i = 0; i < args.restarts; i++) {
    restarts.push(child(job('restart'), dir));
    log(`restart ${i + 1}`, restarts[i]);
  }
  const mini = child(job('mini'), dir);
  log('MiniSearch', mini);
  const cli: CliTiming | undefined = cliAt ? cliSearch(ROOT, content, job('first').database, articles[0].title) : undefined;
  if (cli) log('CLI', cli);
  return {
    size: fromFolder ? `${first.articles} (corpus files)` : Number(size).toLocaleString('en-US'),
    articles: first.articles ?? 0,
    first,
    restarts,
    mini,
    cli,
  };
}

/** The store with one host and two (SQLite, Postgres), as a report section; its own process, as `npm run bench:hosts`. */
function hostsSection(quick: boolean): string {
  const extra = quick ? ['--articles', '500', '--claims', '100'] : [];
  const r = spawnSync(process.execPath, [TSX, join(__dirname, 'store-hosts.bench.ts'), ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const body = r.status === 0 ? r.stdout.trim() : `not measured: bench/store-hosts.bench.ts exited with ${r.status ?? r.signal}`;
  return `\n## Store: one host and two (SQLite, Postgres)\n\n${body}\n`;
}

function commitOf(): string {
  const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return dirty ? `${sha} + uncommitted changes` : sha;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join('/')} at start`;
  console.error(`building dist/ (the CLI is timed compiled, as installed) …`);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  // As `npm run build` does: the compiled core's analysis version, so the CLI reuses what the bench's loads stored.
  execFileSync(process.execPath, [join(ROOT, 'dist', 'build-info.js')], { cwd: ROOT, stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
  try {
    const base = benchArticles(args.corpus);
    console.error(`corpus: ${base.length} articles read from ${args.corpus}`);
    const seed = cliSearch(ROOT, join(ROOT, 'content'), join(work, 'seed.db'), 'ukraine');
    console.error(`  seed CLI: ${JSON.stringify(seed)}`);
    const cliSize = args.sizes.filter((s) => s === 'corpus' || Number(s) <= 10_000).pop();
    const runs = args.sizes.map((s) => runSize(s, base, args, work, s === cliSize));
    const ingest = args.ingest ? ingestRows(join(args.corpus, 'article-extraction-benchmark')) : [];
    const hosts = args.hosts ? hostsSection(args.quick) : '';
    const text =
      report({ args: process.argv.slice(2), machine, commit: commitOf(), minutes: (Date.now() - started) / 60000, seed, runs, ingest }) + hosts;
    console.log(text);
    const out = join(
      ROOT,
      'bench',
      'results',
      `bench-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}${args.quick ? '-quick' : ''}.md`,
    );
    writeFileSync(out, text);
    console.error(`written to ${out}`);
  } finally {
    if (existsSync(work)) rmSync(work, { recursive: true, force: true });
  }
}

main();
