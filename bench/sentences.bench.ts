// Sentence splits a reader would doubt, counted over real news, before and after a change.
//
//   npx tsx bench/sentences.bench.ts [corpus] [--old <git ref>] [--sample 30] [--examples 0] [--seed 1]
//
// Reads CNN (cnn-dailymail), BBC (bbc-news-summary/articles) and news-web-scrapes-md from the corpus
// folder (default /work/shared/corpus, else ../shared/corpus) with the project's own file reader,
// splits every paragraph as the library does, and counts cuts of each suspicious kind
// (bench/sentence-checks.ts). With --old, the splitter of that commit is exported with `git archive`
// and run on the same paragraphs: counts side by side, how many cuts changed, and a seeded sample of
// --sample changed cuts with the text around them ("+" a cut only the new splitter makes, "−" one it
// no longer makes) to read by hand. --examples N prints N sampled cuts of each suspicious kind.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as current from '../src/briefings';
import { loadRawArticles } from '../src/sources/files/read';
import {
  changedCuts,
  countParagraph,
  emptyCounts,
  sample,
  SUSPICION_NOTES,
  SUSPICIOUS,
  suspicionsAt,
  type Change,
  type Counts,
  type Suspicion,
} from './sentence-checks';
import { rng } from './corpus';

type Splitter = Pick<typeof current, 'splitSentences'>;

/** Where each sentence starts in the paragraph (each is a trimmed substring, in order). */
function startsOf(splitter: Splitter, paragraph: string): number[] {
  const starts: number[] = [];
  let from = 0;
  for (const s of splitter.splitSentences(paragraph)) {
    const at = paragraph.indexOf(s, from);
    starts.push(at);
    from = at + s.length;
  }
  return starts;
}

const SETS: [string, string][] = [
  ['CNN', 'cnn-dailymail'],
  ['BBC', 'bbc-news-summary/articles'],
  ['news-web-scrapes', 'news-web-scrapes-md'],
];

interface Args {
  corpus: string;
  old: string | null;
  sample: number;
  examples: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flagValues = new Set(['--old', '--sample', '--examples', '--seed'].map((f) => value(f)));
  const positional = argv.find((a) => !a.startsWith('--') && !flagValues.has(a));
  const fallback = existsSync('/work/shared/corpus') ? '/work/shared/corpus' : '../shared/corpus';
  return {
    corpus: resolve(positional ?? fallback),
    old: value('--old') ?? null,
    sample: Number(value('--sample') ?? 30),
    examples: Number(value('--examples') ?? 0),
    seed: Number(value('--seed') ?? 1),
  };
}

/** The splitter of `ref`, exported once into a temp folder (the whole src, and this checkout's node_modules). */
async function loadOld(ref: string): Promise<{ label: string; splitter: Splitter }> {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `briefbot-sentences-${sha}`);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src | tar -x -C ${JSON.stringify(dir)}`]);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const splitter = (await import(join(dir, 'src/briefings/index.ts'))) as Splitter;
  return { label: `old ${sha}`, splitter };
}

/** Every paragraph of a set, as the project's reader delivers it (the folder's SOURCE.md left out). */
function paragraphsOf(folder: string): string[] {
  const { articles } = loadRawArticles(folder);
  return articles.filter((a) => !/(?:SOURCE|README)\.md$/.test(a.source)).flatMap((a) => a.paragraphs);
}

interface Example {
  set: string;
  kind: Suspicion;
  context: string;
}

function examplesOf(set: string, paragraph: string, splitter: Splitter): Example[] {
  const starts = startsOf(splitter, paragraph);
  const sentences = splitter.splitSentences(paragraph);
  const out: Example[] = [];
  for (let i = 0; i + 1 < sentences.length; i++) {
    for (const kind of suspicionsAt(sentences[i], sentences[i + 1])) {
      const at = starts[i + 1];
      out.push({ set, kind, context: `${paragraph.slice(Math.max(0, at - 70), at)}‖${paragraph.slice(at, at + 70)}` });
    }
  }
  return out;
}

function row(label: string, c: Counts): string {
  const per10k = (n: number) => ((n / c.sentences) * 1e4).toFixed(1);
  return `| ${label} | ${c.paragraphs} | ${c.sentences} | ${SUSPICIOUS.map((k) => `${c[k]} (${per10k(c[k])})`).join(' | ')} |`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const systems: { label: string; splitter: Splitter }[] = [];
  if (args.old) systems.push(await loadOld(args.old));
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', 'src'], { encoding: 'utf8' }).trim() ? '+changes' : '';
  systems.push({ label: `new ${head}${dirty}`, splitter: current });
  const lines: string[] = [`Sentence splits on ${args.corpus}`, ''];
  lines.push(`| set, splitter | paragraphs | sentences | ${SUSPICIOUS.join(' | ')} |`, `|---|---|---|${SUSPICIOUS.map(() => '---').join('|')}|`);
  const changes: (Change & { set: string })[] = [];
  const examples: Example[] = [];
  let changedParagraphs = 0;
  for (const [name, folder] of SETS) {
    const paragraphs = paragraphsOf(join(args.corpus, folder));
    for (const s of systems) {
      const counts = emptyCounts();
      for (const p of paragraphs) countParagraph(counts, s.splitter.splitSentences(p));
      lines.push(row(`${name}, ${s.label}`, counts));
    }
    const newest = systems[systems.length - 1].splitter;
    if (args.examples > 0) for (const p of paragraphs) examples.push(...examplesOf(name, p, newest));
    if (systems.length < 2) continue;
    for (const p of paragraphs) {
      const found = changedCuts(p, startsOf(systems[0].splitter, p), startsOf(newest, p));
      if (found.length > 0) changedParagraphs++;
      changes.push(...found.map((c) => ({ ...c, set: name })));
    }
  }
  lines.push('', 'Counts per kind, (per 10,000 sentences):');
  for (const k of SUSPICIOUS) lines.push(`- ${k}: ${SUSPICION_NOTES[k]}`);
  const random = rng(args.seed);
  if (systems.length > 1) {
    const added = changes.filter((c) => c.sign === '+').length;
    lines.push('', `${changes.length} cuts changed in ${changedParagraphs} paragraphs: ${added} added, ${changes.length - added} removed.`);
    lines.push(`Sample of ${Math.min(args.sample, changes.length)} (seed ${args.seed}):`, '');
    for (const c of sample(changes, args.sample, random)) lines.push(`${c.sign} [${c.set}] …${c.context}…`);
  }
  for (const kind of args.examples > 0 ? SUSPICIOUS : []) {
    const ofKind = examples.filter((e) => e.kind === kind);
    lines.push('', `${kind}: ${Math.min(args.examples, ofKind.length)} of ${ofKind.length} (seed ${args.seed})`);
    for (const e of sample(ofKind, args.examples, random)) lines.push(`  [${e.set}] …${e.context.replace(/\s+/g, ' ')}…`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
