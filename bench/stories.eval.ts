// Story grouping, measured: pair precision and recall of each method on the labelled pairs
// (bench/data/story-pairs.tsv, its header says how they were made), and the time to group 10,000 articles.
//
//   npx tsx bench/stories.eval.ts [--corpus ../shared/corpus] [--out bench/results/stories.md]
//
// Every method groups the whole corpus (7,922 articles), then each labelled pair is "predicted same"
// when both articles ended in one story. Thresholds were chosen on the "tune" split; "held" is reported too.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildStories, type StoryArticle, type StoryMethod } from '../src/briefings';
import { loadStoryCorpus } from './stories-corpus';

interface Pair {
  same: boolean;
  split: 'tune' | 'held';
  a: string;
  b: string;
}

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

const METHODS: { label: string; method: StoryMethod }[] = [
  { label: 'MinHash, 2-word shingles, J ≥ 0.15', method: { method: 'minhash', shingle: 2, threshold: 0.15, perDay: 0, bands: 32, rows: 1 } },
  { label: 'MinHash, 1-word shingles, J ≥ 0.25 + 0.05/day (default)', method: { method: 'minhash' } },
  { label: 'TF-IDF cosine ≥ 0.4, flat 4-day window', method: { method: 'tfidf', perDay: 0, unknownDays: 0, titleMin: 0, batchMs: 0 } },
  { label: 'TF-IDF cosine ≥ 0.4 + 0.1/day', method: { method: 'tfidf', titleMin: 0, batchMs: 0 } },
  { label: 'TF-IDF cosine ≥ 0.4 + 0.1/day, headlines ≥ 0.25', method: { method: 'tfidf', batchMs: 0 } },
  { label: "TF-IDF ≥ 0.4 + 0.1/day, headlines ≥ 0.25, one outlet's same-minute pieces only as copies (default)", method: { method: 'tfidf' } },
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function readPairs(file: string): Pair[] {
  const out: Pair[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [label, split, a, b] = line.split('\t');
    out.push({ same: label === '1', split: split === 'held' ? 'held' : 'tune', a, b });
  }
  return out;
}

function score(pairs: Pair[], together: (a: string, b: string) => boolean): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const said = together(p.a, p.b);
    if (said && p.same) tp++;
    else if (said) fp++;
    else if (p.same) fn++;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

/** 10,000 articles: the corpus plus copies of news articles moved 120 days on (so they form their own stories). */
function tenThousand(corpus: StoryArticle[]): StoryArticle[] {
  const dated = corpus.filter((a) => a.date);
  const out = corpus.slice(0, 10_000);
  for (let i = 0; out.length < 10_000; i++) {
    const a = dated[i % dated.length];
    const shift = 120 * 86_400_000 * (1 + Math.floor(i / dated.length));
    out.push({ ...a, id: `${a.id}~${i}`, date: new Date(Date.parse(a.date!) + shift).toISOString() });
  }
  return out;
}

/** Median of 5 runs, wall-clock and CPU (the CPU time is what a busy, shared machine does not inflate as much). */
function timeGrouping(articles: StoryArticle[], method: StoryMethod): { ms: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run++) {
    // Fresh objects each run: nothing worked out for one run's articles helps the next.
    const copy = articles.map((a) => ({ ...a }));
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    buildStories(copy, method);
    const used = process.cpuUsage(c0);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const pct = (x: number): string => (100 * x).toFixed(1);
const cell = (s: Score): string => `${pct(s.precision)} / ${pct(s.recall)} (${s.fp} FP, ${s.fn} FN)`;

function main(): void {
  const corpusRoot = arg('--corpus', path.resolve(process.cwd(), '../shared/corpus'));
  const out = arg('--out', path.join(__dirname, 'results', 'stories.md'));
  const pairs = readPairs(path.join(__dirname, 'data', 'story-pairs.tsv'));
  const corpus = loadStoryCorpus(corpusRoot);
  if (corpus.length === 0) throw new Error(`no articles under ${corpusRoot} (give --corpus <folder holding the corpora>)`);
  const known = new Set(corpus.map((a) => a.id));
  const missing = pairs.filter((p) => !known.has(p.a) || !known.has(p.b)).length;
  const big = tenThousand(corpus);
  const rows: string[] = [];
  for (const { label, method } of METHODS) {
    const index = buildStories(corpus, method);
    const together = (a: string, b: string): boolean => index.together(a, b);
    const tune = score(
      pairs.filter((p) => p.split === 'tune'),
      together,
    );
    const held = score(
      pairs.filter((p) => p.split === 'held'),
      together,
    );
    const all = score(pairs, together);
    const largest = index.stories()[0]?.members.length ?? 0;
    const time = timeGrouping(big, method);
    rows.push(`| ${label} | ${cell(tune)} | ${cell(held)} | ${cell(all)} | ${largest} | ${time.ms.toFixed(0)} ms | ${time.cpuMs.toFixed(0)} ms |`);
    console.log(rows[rows.length - 1]);
  }
  const positives = pairs.filter((p) => p.same).length;
  const text = [
    `Story pairs: ${pairs.length} labelled (${positives} same story, ${pairs.length - positives} different), ` +
      `${missing} not found in the corpus; corpus ${corpus.length} articles. Cells: precision / recall, %.`,
    '',
    '| method | tune P / R | held-out P / R | all P / R | largest story | group 10,000 (wall) | (CPU) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg()[0].toFixed(1)} on ` +
      `${os.cpus().length} cores; grouping time is the median of 5 runs of buildStories (fit the model, then add one ` +
      'article at a time) on already-read articles: the corpus plus copies of its dated articles moved 120 days on.',
  ].join('\n');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text + '\n');
  console.log(text);
}

main();
