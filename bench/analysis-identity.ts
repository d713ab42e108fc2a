// Proof that a faster first load reads the same: every file of the corpus analysed as the folder sync does
// (analyseFile: reading, quotes, speakers, people, hashes), by this checkout and by another commit, compared
// file by file as JSON. Exit status 1 when any file differs.
//
//   npx tsx bench/analysis-identity.ts [corpus] [--old <git ref>] [--limit N]
//
// The old commit's src is exported with `git archive` into a folder under the system temp folder (as
// bench/attribution.bench.ts does) and run in the same process.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as current from '../src/briefings';

type Analyse = typeof current.analyseFile;

function value(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

async function oldAnalyser(ref: string): Promise<{ label: string; analyse: Analyse }> {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `briefbot-analysis-${sha}`);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src | tar -x -C ${JSON.stringify(dir)}`]);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const module = (await import(join(dir, 'src/briefings/index.ts'))) as typeof current;
  return { label: `old ${sha}`, analyse: module.analyseFile };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flagValues = new Set([value(argv, '--old'), value(argv, '--limit')]);
  const positional = argv.find((a) => !a.startsWith('--') && !flagValues.has(a));
  const corpus = resolve(positional ?? (existsSync('/work/shared/corpus') ? '/work/shared/corpus' : '../shared/corpus'));
  const limit = Number(value(argv, '--limit') ?? 0);
  const old = await oldAnalyser(value(argv, '--old') ?? 'main');
  const files = walk(corpus);
  const chosen = limit > 0 ? files.slice(0, limit) : files;
  // A fixed clock: file dates are capped at "now", which must be the same for both.
  const now = Date.parse('2026-01-01T00:00:00Z');
  const hashes = [createHash('sha256'), createHash('sha256')];
  let articles = 0;
  let differing = 0;
  for (const file of chosen) {
    const job = { path: relative(corpus, file), bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs, now };
    const before = JSON.stringify(old.analyse(job));
    const after = JSON.stringify(current.analyseFile(job));
    hashes[0].update(before).update('\n');
    hashes[1].update(after).update('\n');
    articles += (JSON.parse(after) as { articles: unknown[] }).articles.length;
    if (before !== after) {
      differing++;
      if (differing <= 5) process.stdout.write(`DIFFERS: ${job.path}\n`);
    }
  }
  const [a, b] = hashes.map((h) => h.digest('hex'));
  process.stdout.write(`${chosen.length} files, ${articles} articles from ${corpus}\n${old.label}: ${a}\nthis checkout: ${b}\n`);
  process.stdout.write(differing ? `${differing} files DIFFER\n` : 'IDENTICAL\n');
  if (differing) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
