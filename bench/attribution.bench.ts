// Quote attribution speed, before and after, with proof that the answers did not change.
//
//   npm run bench:attribution -- [corpus] [--old <git ref>] [--rounds 5] [--limit N] [--digest-only]
//
// Reads every article of the benchmark corpus (default /work/shared/corpus, else ../shared/corpus) once, then
// times extractQuotes (what the library runs per article at load) over all of them: CPU time of this process,
// not wall clock (the machine is shared, and waiting for a core is not our cost), several rounds, median and best.
// With --old, the quote code of that commit is exported with `git archive` to a folder under the system temp
// folder and timed in the same process, rounds alternating old and new, so both see the same machine.
// The digest is sha256 over the JSON of every article's quotations (spans, text, speaker, role, kind,
// statement, partial) and the quotes and people extractQuotes gives the library: equal digests, equal outputs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as current from '../src/briefings';
import type { RawArticle } from '../src/briefings';
import { readCorpusPlain } from './corpus';

type QuotesModule = Pick<typeof current, 'findQuotations' | 'extractQuotes'>;
type Input = Pick<RawArticle, 'title' | 'standfirst' | 'paragraphs'>;

interface Args {
  corpus: string;
  old: string | null;
  rounds: number;
  digestOnly: boolean;
  /** Only the first N articles (quick comparisons while working); 0 for all. */
  limit: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flagValues = new Set(['--old', '--rounds', '--limit'].map((f) => value(f)));
  const positional = argv.find((a) => !a.startsWith('--') && !flagValues.has(a));
  const fallback = existsSync('/work/shared/corpus') ? '/work/shared/corpus' : '../shared/corpus';
  return {
    corpus: resolve(positional ?? fallback),
    old: value('--old') ?? null,
    rounds: Number(value('--rounds') ?? 5),
    digestOnly: argv.includes('--digest-only'),
    limit: Number(value('--limit') ?? 0),
  };
}

/** The quote code of `ref`, exported once into a temp folder (the whole src, and this checkout's node_modules). */
async function loadOld(ref: string): Promise<{ label: string; module: QuotesModule }> {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `briefbot-quotes-${sha}`);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src | tar -x -C ${JSON.stringify(dir)}`]);
  }
  // The core imports a few packages (stemmer): the export resolves them from this checkout.
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const module = (await import(join(dir, 'src/briefings/index.ts'))) as QuotesModule;
  return { label: `old ${sha}`, module };
}

/** sha256 of every article's quotations and library quotes and people, in corpus order. */
function digestOf(m: QuotesModule, inputs: readonly Input[]): { digest: string; quotes: number; speakers: number } {
  const hash = createHash('sha256');
  let quotes = 0;
  let speakers = 0;
  for (const a of inputs) {
    const analysis = m.findQuotations(a);
    const library = m.extractQuotes(a);
    quotes += library.quotes.length;
    speakers += library.quotes.filter((q) => q.speaker).length;
    hash.update(JSON.stringify([analysis, library]));
    hash.update('\n');
  }
  return { digest: hash.digest('hex'), quotes, speakers };
}

/** CPU milliseconds for one pass of extractQuotes over every article. */
function timeRound(m: QuotesModule, inputs: readonly Input[]): number {
  const c0 = process.cpuUsage();
  for (const a of inputs) m.extractQuotes(a);
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / 1000;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = readCorpusPlain(args.corpus);
  const raws = args.limit > 0 ? all.slice(0, args.limit) : all;
  const inputs: Input[] = raws.map((r) => ({ title: r.title, standfirst: r.standfirst, paragraphs: r.paragraphs }));
  const systems: { label: string; module: QuotesModule }[] = [];
  if (args.old) systems.push(await loadOld(args.old));
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', 'src'], { encoding: 'utf8' }).trim() ? '+changes' : '';
  systems.push({ label: `new ${head}${dirty}`, module: current });
  process.stdout.write(`${inputs.length} articles from ${args.corpus}, node ${process.version}\n`);
  const digests = systems.map((s) => ({ label: s.label, ...digestOf(s.module, inputs) }));
  for (const d of digests) process.stdout.write(`${d.label}: ${d.quotes} quotes, ${d.speakers} with a speaker, digest ${d.digest}\n`);
  if (digests.length > 1) process.stdout.write(`digests ${digests.every((d) => d.digest === digests[0].digest) ? 'IDENTICAL' : 'DIFFER'}\n`);
  if (args.digestOnly) return;
  const times = systems.map(() => [] as number[]);
  for (let round = 0; round < args.rounds; round++) {
    // Alternate which system goes first, so neither always runs on a warmer or busier machine.
    const order = round % 2 ? [...systems.keys()].reverse() : [...systems.keys()];
    for (const i of order) times[i].push(timeRound(systems[i].module, inputs));
    process.stdout.write(`round ${round + 1}: ${systems.map((s, i) => `${s.label} ${times[i][round].toFixed(0)} ms`).join(', ')}\n`);
  }
  const perArticle = (ms: number) => (ms / inputs.length).toFixed(3);
  process.stdout.write('\n| code | ms/article (median) | ms/article (best) | articles/s (median) |\n|---|---|---|---|\n');
  systems.forEach((s, i) => {
    const m = median(times[i]);
    process.stdout.write(`| ${s.label} | ${perArticle(m)} | ${perArticle(Math.min(...times[i]))} | ${((inputs.length / m) * 1000).toFixed(0)} |\n`);
  });
  if (systems.length > 1) {
    const ratio = median(times[0]) / median(times[times.length - 1]);
    process.stdout.write(`\nspeed-up (median): ${ratio.toFixed(1)}×\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
