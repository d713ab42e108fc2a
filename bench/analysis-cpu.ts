// What the analysis workers spend on a first load, side by side: every file of the corpus read and
// analysed as a worker does (readArticleBytes, then analyseRaw for each article) by two compiled builds,
// each in a fresh `node` process, the sides alternating, median of the rounds.
//
//   npx tsx bench/analysis-cpu.ts [corpus] --old <dist folder> [--new dist] [--rounds 3]
//
// CPU time, not wall clock (the machine is shared): the process's (all threads: the garbage collector's
// helpers count, as they do for a worker) and the main thread's alone (/proc), split by the file's kind
// (.html.gz pages, .md, .txt …) into reading and analysing (sentences, quotes, people, hashes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

// The child: plain CommonJS, so it runs on either build without a loader.
const CHILD = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const [dist, corpus] = process.argv.slice(1);
const load = require(path.join(dist, 'briefings/articles/load.js'));
const file = require(path.join(dist, 'briefings/analyse-file.js'));
function walk(dir, out = []) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}
const kindOf = (p) => (/\.html?\.gz$/i.test(p) ? 'html' : path.extname(p).slice(1) || 'none');
const jobs = walk(corpus).map((p) => ({ path: path.relative(corpus, p), bytes: fs.readFileSync(p), mtimeMs: fs.statSync(p).mtimeMs }));
const now = new Date('2026-01-01T00:00:00Z');
const threadMs = () => {
  const f = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const kinds = {};
const start = cpu();
const startThread = threadMs();
for (const job of jobs) {
  const k = (kinds[kindOf(job.path)] ??= { files: 0, articles: 0, readMs: 0, analyseMs: 0 });
  const t0 = cpu();
  const read = load.readArticleBytes(job.path, job.bytes, job.mtimeMs, now);
  const t1 = cpu();
  for (const raw of read.articles) file.analyseRaw(raw);
  const t2 = cpu();
  k.files++; k.articles += read.articles.length; k.readMs += t1 - t0; k.analyseMs += t2 - t1;
}
process.stdout.write(JSON.stringify({ totalMs: cpu() - start, threadMs: threadMs() - startThread, kinds }));
`;

interface Kind {
  files: number;
  articles: number;
  readMs: number;
  analyseMs: number;
}
interface Run {
  totalMs: number;
  threadMs: number;
  kinds: Record<string, Kind>;
}

function value(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runOnce(dist: string, corpus: string): Run {
  const out = execFileSync(process.execPath, ['-e', CHILD, dist, corpus], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as Run;
}

function summary(label: string, runs: Run[]): string[] {
  const lines = [
    `${label}: process CPU ${median(runs.map((r) => r.totalMs)).toFixed(0)} ms, main thread ${median(runs.map((r) => r.threadMs)).toFixed(0)} ms`,
  ];
  for (const kind of Object.keys(runs[0].kinds).sort()) {
    const k = runs[0].kinds[kind];
    const read = median(runs.map((r) => r.kinds[kind].readMs));
    const analyse = median(runs.map((r) => r.kinds[kind].analyseMs));
    lines.push(
      `  ${kind.padEnd(5)} ${String(k.files).padStart(5)} files ${String(k.articles).padStart(6)} articles: read ${read.toFixed(0)} ms (${(read / k.files).toFixed(2)} ms/file), analyse ${analyse.toFixed(0)} ms (${(analyse / Math.max(1, k.articles)).toFixed(3)} ms/article)`,
    );
  }
  return lines;
}

function main(): void {
  const argv = process.argv.slice(2);
  const flagValues = new Set(['--old', '--new', '--rounds'].map((f) => value(argv, f)));
  const positional = argv.find((a) => !a.startsWith('--') && !flagValues.has(a));
  const corpus = resolve(positional ?? (existsSync('/work/shared/corpus') ? '/work/shared/corpus' : '../shared/corpus'));
  const oldDist = value(argv, '--old');
  if (!oldDist) throw new Error("--old <dist folder> is required (a built checkout's dist/)");
  const sides = [
    { label: `old ${resolve(oldDist)}`, dist: resolve(oldDist), runs: [] as Run[] },
    { label: `new ${resolve(value(argv, '--new') ?? 'dist')}`, dist: resolve(value(argv, '--new') ?? 'dist'), runs: [] as Run[] },
  ];
  const rounds = Number(value(argv, '--rounds') ?? 3);
  for (let r = 0; r < rounds; r++) {
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const run = runOnce(side.dist, corpus);
      side.runs.push(run);
      process.stdout.write(
        `round ${r + 1} ${side.label}: ${run.totalMs.toFixed(0)} ms CPU (main thread ${run.threadMs} ms), load ${loadavg()[0].toFixed(1)}\n`,
      );
    }
  }
  for (const side of sides) process.stdout.write(`${summary(side.label, side.runs).join('\n')}\n`);
}

main();
