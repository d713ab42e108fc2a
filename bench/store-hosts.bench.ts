// `npm run bench:hosts [-- --articles 2000 --claims 400]`: the store with one host and with two. Ingest throughput
// (analysed articles through ArticleWriter.replaceSources, in batches of 50 files) and the delivery ledger's claim
// latency (p50/p95 of one claim), for SQLite on one host, Postgres on one host, and Postgres with two hosts
// (two processes writing and claiming at once; both claim the same slots, as racing hosts would). Postgres is
// the embedded one the tests use (tests/helpers/postgres.ts), on 127.0.0.1; --database-url uses another.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseRaw, type AnalysedArticle, type StoredSource } from '../src/briefings';
import { openPgStore } from '../src/store/pg/store';
import type { Store } from '../src/store/ports';
import { openStore } from '../src/store/store';
import { startPostgres } from '../tests/helpers/postgres';

const TSX = require.resolve('tsx/cli');
const WORDS = 'harbour ferry strike union council tram budget river bridge school hospital election court market storm'.split(' ');

interface Result {
  articles: number;
  /** Wall clock (ms since the epoch) when this host's ingest started and ended: two hosts' overlap is the run. */
  ingestStart: number;
  ingestEnd: number;
  claims: number;
  won: number;
  latenciesMs: number[];
}

function articles(n: number, seed: number): AnalysedArticle[] {
  return Array.from({ length: n }, (_, i) => {
    const w = (k: number) => WORDS[(i * 7 + k * 3 + seed) % WORDS.length];
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) => `The ${w(p)} ${w(p + 1)} said on Monday that the ${w(p + 2)} would reopen, officials said ${i}.`,
    );
    return analyseRaw({
      title: `Story ${seed}-${i} ${w(0)}`,
      date: '2026-11-28T08:00:00.000Z',
      dateApproximate: false,
      standfirst: null,
      dateline: null,
      headings: [],
      paragraphs,
      source: 'bench',
    });
  });
}

const file = (id: string): StoredSource => ({
  kind: 'file',
  root: '/bench',
  id,
  size: 1,
  mtimeMs: 1,
  contentHash: id,
  analysisVersion: 'bench',
  warnings: [],
});

/** One host's work: ingest its articles, then claim every slot once, timing each claim. */
async function work(store: Store, host: string, n: number, claims: number): Promise<Result> {
  const list = articles(n, host.length * 101 + host.charCodeAt(host.length - 1));
  const ingestStart = Date.now();
  for (let i = 0; i < list.length; i += 50) {
    await store.articles.replaceSources(list.slice(i, i + 50).map((a, j) => ({ source: file(`${host}/${i + j}.txt`), articles: [a] })));
  }
  const ingestEnd = Date.now();
  const latenciesMs: number[] = [];
  let won = 0;
  for (let i = 0; i < claims; i++) {
    const started = performance.now();
    const got = await store.ledger.claim({
      channelId: `c${i}`,
      guildId: 'g',
      localDate: '2026-11-29',
      trigger: 'schedule',
      late: false,
      owner: host,
      now: new Date(),
    });
    latenciesMs.push(performance.now() - started);
    if (got) won++;
  }
  return { articles: n, ingestStart, ingestEnd, claims, won, latenciesMs };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function worker(url: string, host: string, n: number, claims: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, __filename, '--worker', url, host, String(n), String(claims)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`worker ${host} exited ${code}`))));
  });
}

function row(name: string, results: Result[]): string {
  const total = results.reduce((s, r) => s + r.articles, 0);
  const wallMs = Math.max(...results.map((r) => r.ingestEnd)) - Math.min(...results.map((r) => r.ingestStart));
  const lat = results.flatMap((r) => r.latenciesMs);
  const won = results.reduce((s, r) => s + r.won, 0);
  return `| ${name} | ${Math.round((total / wallMs) * 1000)} | ${pct(lat, 50).toFixed(2)} | ${pct(lat, 95).toFixed(2)} | ${won} of ${results[0].claims} slots |`;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--worker') {
    const store = await openPgStore(argv[1], { max: 2 });
    const r = await work(store, argv[2], Number(argv[3]), Number(argv[4]));
    await store.close();
    process.stdout.write(JSON.stringify(r));
    return;
  }
  const get = (name: string, d: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : d);
  const n = Number(get('articles', '2000'));
  const claims = Number(get('claims', '400'));
  const external = argv.includes('--database-url') ? get('database-url', '') : null;
  const pg = external ? null : await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-hosts-bench-'));
  const lines = ['| store | ingest (articles/s) | claim p50 (ms) | claim p95 (ms) | claims won |', '|---|---|---|---|---|'];
  try {
    const sqlite = openStore(join(dir, 'bench.db'));
    const s = await work(sqlite, 'host-a', n, claims);
    lines.push(row('SQLite, one host', [s]));
    await sqlite.close();

    const oneUrl = external ?? (await pg!.freshDatabase());
    const seed = await openPgStore(oneUrl); // migrations run once, before the timing
    await seed.close();
    const one = await worker(oneUrl, 'host-a', n, claims);
    lines.push(row('Postgres, one host', [one]));

    const twoUrl = external ? oneUrl : await pg!.freshDatabase();
    if (!external) await (await openPgStore(twoUrl)).close();
    const two = await Promise.all([worker(twoUrl, 'host-a', n / 2, claims), worker(twoUrl, 'host-b', n / 2, claims)]);
    lines.push(row('Postgres, two hosts (two processes)', two));
  } finally {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${n} articles ingested (two hosts: half each, at once), ${claims} claims per host; load ${loadavg()[0].toFixed(2)}\n`);
  console.log(lines.join('\n'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
