// `npx tsx --expose-gc bench/search-parts.ts --corpus ../shared/corpus --size 100000 [--profile] [--base cache.json]`
// Where the search index's bytes and milliseconds go, in one process: heap per part (by walking the index's
// object graph: typed arrays, strings, arrays, Maps), build / save / restore times, the 100 known-item
// queries (wall and CPU) and, with --profile, the functions the queries spend their CPU in; --typos: the CPU of
// correcting one query word not seen before.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg } from 'node:os';
import { SearchIndex, type Article } from '../src/briefings';
import { scaleCorpus } from './corpus';
import { arg, gc, loadBase } from './index-bench-setup';
import { briefbotExtras, knownItemQueries } from './search.bench';

const heap = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Estimated bytes reachable from `root` not yet seen (V8 object layouts, 64-bit, compressed pointers). */
function sizeOf(root: unknown, seen: Set<unknown>, skip: Set<unknown>): number {
  const stack: unknown[] = [root];
  let bytes = 0;
  while (stack.length) {
    const v = stack.pop();
    if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      // Strings are counted once per distinct object; identical text in two places counts twice in V8
      // unless shared, which a Set of values cannot tell: count per value (a lower bound).
      if (seen.has(v)) continue;
      seen.add(v);
      bytes += 16 + (/[\u0100-\uffff]/.test(v) ? 2 * v.length : v.length);
      continue;
    }
    if (typeof v === 'function' || seen.has(v) || skip.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      // Count the whole backing store once (views over one buffer share it).
      if (!seen.has(v.buffer)) {
        seen.add(v.buffer);
        bytes += v.buffer.byteLength + 64;
      }
      bytes += 48;
      continue;
    }
    if (Array.isArray(v)) {
      bytes += 16 + 4 * v.length;
      for (const x of v) if (typeof x === 'object' || typeof x === 'string') stack.push(x);
      continue;
    }
    if (v instanceof Map) {
      bytes += 32 + 12 * v.size * 1.5 + 8 * v.size;
      for (const [k, x] of v) {
        stack.push(k);
        stack.push(x);
      }
      continue;
    }
    if (v instanceof Set) {
      bytes += 32 + 8 * v.size * 1.5 + 8 * v.size;
      for (const x of v) stack.push(x);
      continue;
    }
    const keys = Object.keys(v as object);
    bytes += 16 + 4 * keys.length;
    for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
  }
  return bytes;
}

/** Bytes per named part of the index: depth-first over its fields, the articles themselves excluded. */
function parts(index: SearchIndex, articles: Article[]): [string, number][] {
  const skip = new Set<unknown>(articles);
  for (const a of articles) {
    skip.add(a.paragraphs);
    skip.add(a.quotes);
    for (const q of a.quotes) skip.add(q);
    for (const p of a.paragraphs) skip.add(p);
    skip.add(a.title);
    skip.add(a.id);
  }
  const seen = new Set<unknown>();
  const out: [string, number][] = [];
  const walk = (name: string, obj: object, depth: number) => {
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      const label = `${name}.${k}`;
      const isContainer = depth > 0 && !ArrayBuffer.isView(v) && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
      if (isContainer) walk(label, v, depth - 1);
      else out.push([label, sizeOf(v, seen, skip)]);
    }
  };
  walk('index', index, 2);
  return out.sort((a, b) => b[1] - a[1]);
}

function percentile(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function cpuMs(run: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const d = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (d.user + d.system) / 1000 };
}

async function profile<T>(run: () => T): Promise<[T, string]> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((res, rej) => session.post(method, params ?? {}, (err, r) => (err ? rej(err) : res(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  const result = run();
  const { profile: p } = await post('Profiler.stop');
  session.disconnect();
  const self = new Map<string, number>();
  const dt = p.timeDeltas as number[];
  const byId = new Map<number, any>((p.nodes as any[]).map((n) => [n.id, n]));
  (p.samples as number[]).forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${String(f.url).split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [result, `CPU profile (self time, ${total.toFixed(0)} ms sampled):\n${lines.join('\n')}`];
}

async function main(): Promise<void> {
  const size = Number(arg('size') ?? 10000);
  const articles = scaleCorpus(await loadBase(), size);
  const restorePath = arg('restore');
  if (restorePath) return restart(articles, restorePath);
  console.log(
    `${articles.length} articles; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  gc();
  const h0 = heap();
  const rss0 = process.memoryUsage().rss;
  let index!: SearchIndex;
  const build = cpuMs(() => (index = SearchIndex.build(articles)));
  gc();
  const built = heap() - h0;
  console.log(
    `build ${build.wall.toFixed(0)} ms wall, ${build.cpu.toFixed(0)} ms CPU; heap Δ ${(built / 1e6).toFixed(1)} MB = ${(built / articles.length).toFixed(0)} B/article; RSS Δ ${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)} MB`,
  );
  let total = 0;
  for (const [name, bytes] of parts(index, articles)) {
    total += bytes;
    if (bytes > built / 200)
      console.log(`  ${name.padEnd(44)} ${(bytes / 1e6).toFixed(1).padStart(7)} MB ${(bytes / articles.length).toFixed(0).padStart(6)} B/article`);
  }
  console.log(`  (walked ${(total / 1e6).toFixed(1)} MB)`);
  const savePath = arg('save');
  if (savePath) {
    const binary = typeof index.toBinary === 'function';
    writeFileSync(savePath, binary ? index.toBinary() : JSON.stringify(index.toJSON()));
  }
  let text = '';
  const save = cpuMs(() => (text = JSON.stringify(index.toJSON())));
  console.log(`save (toJSON + stringify) ${save.wall.toFixed(0)} ms wall, ${save.cpu.toFixed(0)} ms CPU, ${(text.length / 1e6).toFixed(1)} MB`);
  index = null as unknown as SearchIndex;
  gc();
  const h1 = heap();
  const restore = cpuMs(() => (index = SearchIndex.fromJSON(JSON.parse(text), articles)));
  text = '';
  gc();
  console.log(
    `restore (parse + fromJSON) ${restore.wall.toFixed(0)} ms wall, ${restore.cpu.toFixed(0)} ms CPU; heap Δ ${((heap() - h1) / 1e6).toFixed(1)} MB = ${((heap() - h1) / articles.length).toFixed(0)} B/article`,
  );
  await queries(articles, index);
}

/** A restart: the index restored from the file `--save` wrote (binary or JSON), in a fresh process. */
async function restart(articles: Article[], path: string): Promise<void> {
  gc();
  const h0 = heap();
  const rss0 = process.memoryUsage().rss;
  let index!: SearchIndex;
  const restore = cpuMs(() => {
    const bytes = readFileSync(path);
    index = bytes[0] === 0x7b ? SearchIndex.fromJSON(JSON.parse(bytes.toString('utf8')), articles) : SearchIndex.fromBinary(bytes, articles);
  });
  const rssPeak = process.memoryUsage().rss - rss0;
  gc();
  console.log(
    `restart: ${articles.length} articles, load average ${loadavg()[0].toFixed(1)}; restore from file ${restore.wall.toFixed(0)} ms wall, ${restore.cpu.toFixed(0)} ms CPU; heap Δ ${((heap() - h0) / 1e6).toFixed(1)} MB = ${((heap() - h0) / articles.length).toFixed(0)} B/article; RSS Δ ${(rssPeak / 1e6).toFixed(0)} MB`,
  );
  await queries(articles, index);
}

/**
 * --dump FILE: every hit (id and score to 9 decimals) of 300 known-item queries, their first and last two words, and
 * a second page, as JSON lines: two builds that must rank alike are compared with `diff`.
 */
function dumpHits(articles: Article[], index: SearchIndex, path: string): void {
  const lines: string[] = [];
  const asked = (query: string, opts: { limit: number; offset?: number }) => {
    const hits = index.search(query, opts).map((h) => `${h.articleId} ${h.score.toFixed(9)}`);
    lines.push(JSON.stringify({ query, ...opts, hits }));
  };
  for (const q of knownItemQueries(articles, 300, 99)) {
    const words = q.query.split(' ');
    asked(q.query, { limit: 10 });
    asked(words.slice(0, 2).join(' '), { limit: 10 });
    asked(words.slice(1).join(' '), { limit: 5, offset: 5 });
    asked(q.query, { limit: 20, offset: 10 });
  }
  writeFileSync(path, lines.join('\n') + '\n');
  console.log(`dumped ${lines.length} searches to ${path}`);
}

async function queries(articles: Article[], index: SearchIndex): Promise<void> {
  const dump = arg('dump');
  if (dump) dumpHits(articles, index, dump);
  const queries = knownItemQueries(articles, 100, 42);
  for (const q of knownItemQueries(articles, 20, 7)) index.search(q.query);
  const rounds = Number(arg('rounds') ?? 1);
  for (let round = 0; round < rounds; round++) await queryRound(index, queries, 10);
  // The library asks the index for twice the hits it shows (stories fold versions into one hit).
  await queryRound(index, queries, 20);
  const extras = briefbotExtras(articles, index);
  console.log(
    `autocomplete p95: titles ${extras.titleSuggestP95?.toFixed(2)} ms, speakers ${extras.speakerSuggestP95?.toFixed(2)} ms; quotes p95: by speaker ${extras.quoteSpeakerP95?.toFixed(2)} ms, by words ${extras.quoteWordsP95?.toFixed(2)} ms`,
  );
  if (process.argv.includes('--typos')) typoCorrections(articles, index);
}

/**
 * --typos: the CPU of correcting one word (the vocabulary's `typos`, which keeps no cache: every call is what a
 * word not seen before costs), over every distinct word of 300 known-item queries, twice (the second with warm code).
 */
function typoCorrections(articles: Article[], index: SearchIndex): void {
  // The index keeps its vocabulary private; only its typos() is called (outside the core, only its index is imported).
  const vocab = (index as unknown as { vocab: { typos(word: string, limit: number): unknown } }).vocab;
  const words = [...new Set(knownItemQueries(articles, 300, 99).flatMap((q) => q.query.split(' ')))];
  for (let pass = 1; pass <= 2; pass++) {
    const cpu = words.map((w) => cpuMs(() => vocab.typos(w, 12)).cpu);
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    console.log(
      `typo correction, pass ${pass}, ${words.length} words: mean / p50 / p95 ${mean.toFixed(3)} / ${percentile(cpu, 50).toFixed(3)} / ${percentile(cpu, 95).toFixed(3)} ms CPU a word`,
    );
  }
}

/** The 100 known-item queries once, `limit` hits each (--slowest: the five slowest printed too). */
async function queryRound(index: SearchIndex, queries: ReturnType<typeof knownItemQueries>, limit: number): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  const runAll = () => {
    for (const q of queries) {
      const m = cpuMs(() => {
        if (
          index
            .search(q.query, { limit })
            .slice(0, 3)
            .some((h) => h.articleId === q.target)
        )
          found++;
      });
      wall.push(m.wall);
      cpu.push(m.cpu);
    }
  };
  if (process.argv.includes('--profile')) console.log((await profile(runAll))[1]);
  else runAll();
  if (process.argv.includes('--slowest')) {
    const slow = cpu.map((ms, i) => [ms, i]).sort((a, b) => b[0] - a[0]);
    for (const [ms, i] of slow.slice(0, 5)) console.log(`  ${ms.toFixed(2)} ms CPU  ${queries[i].query}`);
  }
  console.log(
    `search (limit ${limit}) p50 / p95: ${percentile(wall, 50).toFixed(2)} / ${percentile(wall, 95).toFixed(2)} ms wall, ${percentile(cpu, 50).toFixed(2)} / ${percentile(cpu, 95).toFixed(2)} ms CPU; top-3 ${found}%`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
