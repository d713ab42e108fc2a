// ROUGE evaluation of briefbot's summariser against a fair Lead-3, the raw Lead-3 and TextRank-3,
// on every set in every layout (as given, one block, paragraphs glued), all in one run.
//
//   npm run eval:rouge [-- --corpus ../shared/corpus] [--out bench/results/rouge.md]
//   npm run eval:rouge -- --frontier   (the CNN/BBC trade-off, bench/rouge-frontier.ts)
//
// Sets: CNN highlights (cnn-dailymail, 1,000 stories) and BBC News Summary (2,225 articles,
// extractive references). Every document is also put in one of two halves by its position in
// the set (even = dev, odd = held-out); the summariser's weights were chosen on dev halves only.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCsv } from '../src/briefings/articles/csv';
import { summarise } from '../src/briefings/summarise';
import { isFurniture, normaliseText } from '../src/briefings/summarise/furniture';
import { fairLeadN, isLeadFurniture, ledeOf, leadN } from './baselines/lead';
import { textRankN } from './baselines/textrank';
import { layOut, LAYOUTS, reparagraph, type LaidOut, type Layout } from './layouts';
import { rouge, type RougeResult } from './rouge';
import { speedLine } from './rouge-speed';
import { tune } from './rouge-tune';
import { frontier } from './rouge-frontier';

export { parseCsv };
export { buildSentences } from './layouts';

export interface EvalDoc {
  id: string;
  title: string;
  standfirst: string | null;
  /** Paragraphs as the set gives them (CNN: rebuilt, two sentences each, from its one block). */
  paragraphs: string[];
  reference: string[];
  half: 'dev' | 'held-out';
}

export interface EvalSet {
  name: string;
  /** The layout the set itself comes in. */
  native: Layout;
  docs: EvalDoc[];
}

/** "(CNN)", "London (CNN) --": the dateline a reader strips from the first paragraph. */
const CNN_DATELINE = /^[^()]{0,60}\(CNN(?: Student News)?\)\s*(?:--\s*)?/;

export function loadCnn(dir: string): EvalDoc[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.csv'));
  if (!file) throw new Error(`no CSV in ${dir}`);
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const [a, h, id] = [col('article'), col('highlights'), col('id')];
  return rows
    .filter((r) => r.length >= header.length)
    .map((r, i) => {
      const body = r[a].replace(CNN_DATELINE, '').trim();
      const reference = r[h]
        .split('\n')
        .map((line) =>
          line
            .trim()
            .replace(/\s+\.$/, '.')
            .replace(/\s+([.,!?;:])/g, '$1'),
        )
        .filter(Boolean);
      return {
        id: r[id],
        title: '',
        standfirst: null,
        paragraphs: reparagraph(body),
        reference,
        half: i % 2 === 0 ? 'dev' : 'held-out',
      } satisfies EvalDoc;
    });
}

/**
 * BBC reference summaries are article sentences glued together without spaces
 * ("...from $10.9bn.For the full-year..."). Split where sentence-final punctuation (and any
 * closing quote) runs straight into a capital or an opening quote; "$10.9bn" and "U.S." don't.
 */
export function splitGluedSummary(text: string): string[] {
  const spaced = text.replace(/([a-z0-9%)\]][.!?]+["'”’]?)(?=["'“‘]?[A-Z])/g, '$1\n');
  return spaced
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function loadBbc(dir: string): EvalDoc[] {
  const docs: EvalDoc[] = [];
  const categories = readdirSync(join(dir, 'articles')).sort();
  for (const category of categories) {
    const files = readdirSync(join(dir, 'articles', category))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const f of files) {
      const blocks = readText(join(dir, 'articles', category, f))
        .split(/\n\s*\n/)
        .map((b) => b.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      const [title = '', ...paragraphs] = blocks;
      const summaryPath = join(dir, 'summaries', category, f);
      if (!existsSync(summaryPath)) continue;
      docs.push({
        id: `${category}/${f}`,
        title,
        standfirst: null,
        paragraphs,
        reference: splitGluedSummary(readText(summaryPath)),
        half: docs.length % 2 === 0 ? 'dev' : 'held-out',
      });
    }
  }
  return docs;
}

export function loadSets(corpus: string): EvalSet[] {
  return [
    { name: 'CNN highlights (1,000)', native: 'one block', docs: loadCnn(join(corpus, 'cnn-dailymail')) },
    { name: 'BBC News Summary (2,225)', native: 'paragraphs', docs: loadBbc(join(corpus, 'bbc-news-summary')) },
  ];
}

export type System = (doc: LaidOut) => string[];

export const SYSTEMS: Record<string, System> = {
  'briefbot-3': (d) => summarise(d, 3),
  'fair Lead-3': (d) => fairLeadN(d.sentences, 3),
  'TextRank-3': (d) => textRankN(d.sentences, 3),
  'Lead-3': (d) => leadN(d.sentences, 3),
};

export interface Mean {
  r1: number;
  r2: number;
  rl: number;
  n: number;
}

export function meanF(results: RougeResult[]): Mean {
  const n = results.length || 1;
  const sum = (f: (r: RougeResult) => number) => (100 * results.reduce((s, r) => s + f(r), 0)) / n;
  return { r1: sum((r) => r.rouge1.f), r2: sum((r) => r.rouge2.f), rl: sum((r) => r.rougeL.f), n: results.length };
}

/**
 * Does the summary open with the story's lede (the first sentence after furniture, by the
 * benchmark's own rules)? Compared as lower-cased words; containment either way, because a glued
 * layout can merge the lede with the next sentence on one side only.
 */
export function opensWithLede(summary: string[], sentences: LaidOut['sentences']): boolean | null {
  const lede = ledeOf(sentences);
  if (lede === null) return null;
  const [a, b] = [normaliseText(summary[0] ?? ''), normaliseText(lede)];
  if (a === '' || b === '') return false;
  const shorter = a.length <= b.length ? a : b;
  return shorter.split(' ').length >= 4 && (a.includes(b) || b.includes(a));
}

export interface Cell {
  all: Mean;
  heldOut: Mean;
  dev: Mean;
  unstemmed: Mean;
}

export interface Row {
  set: string;
  layout: Layout;
  native: boolean;
  cells: Record<string, Cell>;
  /** Share of briefbot-3 summaries whose first sentence is the lede. */
  lede: number;
  /** Summary sentences that the benchmark's or the summariser's furniture rules flag. */
  furniture: string[];
}

function cellOf(docs: EvalDoc[], outputs: string[][]): Cell {
  const stemmed = docs.map((d, i) => ({ half: d.half, r: rouge(outputs[i], d.reference, { stem: true }) }));
  return {
    all: meanF(stemmed.map((s) => s.r)),
    heldOut: meanF(stemmed.filter((s) => s.half === 'held-out').map((s) => s.r)),
    dev: meanF(stemmed.filter((s) => s.half === 'dev').map((s) => s.r)),
    unstemmed: meanF(docs.map((d, i) => rouge(outputs[i], d.reference, { stem: false }))),
  };
}

export function evaluateRow(set: EvalSet, layout: Layout): Row {
  const laid = set.docs.map((d) => layOut(d, layout));
  const cells: Record<string, Cell> = {};
  let briefbot: string[][] = [];
  for (const [name, system] of Object.entries(SYSTEMS)) {
    const outputs = laid.map(system);
    if (name === 'briefbot-3') briefbot = outputs;
    cells[name] = cellOf(set.docs, outputs);
  }
  const ledes = laid.map((d, i) => opensWithLede(briefbot[i], d.sentences)).filter((x): x is boolean => x !== null);
  const furniture = laid.flatMap((d, i) =>
    briefbot[i].filter((s) => isLeadFurniture(s) || isFurniture(s, normaliseText(d.title))).map((s) => `${set.docs[i].id}: ${s}`),
  );
  return {
    set: set.name,
    layout,
    native: layout === set.native,
    cells,
    lede: ledes.filter(Boolean).length / Math.max(1, ledes.length),
    furniture,
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const fmt = (x: number) => x.toFixed(1);
const pair = (m: Mean) => `${fmt(m.r1)} / ${fmt(m.r2)}`;

/** One table: every set in every layout, briefbot beside the baselines, from this run. */
export function table(rows: Row[]): string[] {
  const systems = Object.keys(SYSTEMS);
  const out = [
    `| set | layout | ${systems.map((s) => `${s} R1 / R2`).join(' | ')} | briefbot-3 held-out | fair Lead-3 held-out | lede first | furniture |`,
    `|---|---|${systems.map(() => '---|').join('')}---|---|---|---|`,
  ];
  for (const r of rows) {
    const layout = r.native ? `${r.layout} (as given)` : r.layout;
    const cells = systems.map((s) => pair(r.cells[s].all));
    out.push(
      `| ${r.set} | ${layout} | ${cells.join(' | ')} | ${pair(r.cells['briefbot-3'].heldOut)} | ${pair(r.cells['fair Lead-3'].heldOut)} | ${(100 * r.lede).toFixed(1)}% | ${r.furniture.length} |`,
    );
  }
  return out;
}

export function unstemmedTable(rows: Row[]): string[] {
  const systems = Object.keys(SYSTEMS);
  const out = [`| set | layout | ${systems.map((s) => `${s} R1 / R2 / RL`).join(' | ')} |`, `|---|---|${systems.map(() => '---|').join('')}`];
  for (const r of rows) {
    const cells = systems.map((s) => `${pair(r.cells[s].unstemmed)} / ${fmt(r.cells[s].unstemmed.rl)}`);
    out.push(`| ${r.set} | ${r.layout} | ${cells.join(' | ')} |`);
  }
  return out;
}

function describe(): string[] {
  return [
    '- **briefbot-3**: `summarise(article, 3)` (src/briefings/summarise). Furniture out first (bylines, "PUBLISHED/UPDATED"',
    '  headers, time stamps, captions, embedded posts; wire datelines and capitals labels taken off the sentence); the',
    '  lede (first real news sentence that can open a summary) comes first; the other two are the best by one weighting',
    '  of position, TextRank centrality, similarity to the article, the headline and the lede, and length, in article',
    '  order; a sentence repeating more than a stock phrase (a tenth of its word trigrams) of one chosen waits for a',
    '  second pass, a near-copy (half) never enters. A sentence opening with a pronoun or inside a quotation comes only',
    '  with the one before.',
    '  The summariser reads no layout: one weighting, chosen on the dev halves of both sets in all layouts.',
    '- **fair Lead-3**: the first three sentences after skipping bylines ("By ."), "PUBLISHED/UPDATED" headers and',
    '  time stamps, captions and the wire dateline (bench/baselines/lead.ts, rules of its own). **Lead-3**: the first',
    '  three sentences as split. **TextRank-3**: Mihalcea & Tarau (2004) word-overlap graph, PageRank d = 0.85.',
    '- Layouts: *paragraphs* as the set gives them (CNN comes as one block; its paragraphs are rebuilt, two sentences',
    '  each); *one block*: all paragraphs joined with a space; *glued*: joined with no space ("…on Monday.The…") and',
    "  then unglued as the Markdown reader does. In every layout each sentence is cut into the summariser's own units",
    '  (`sentenceUnits`), so every system chooses among the same sentences.',
    "- **lede first**: share of briefbot-3 summaries whose first sentence is the fair Lead-3's first sentence (the",
    "  story's lede by the benchmark's rules). **furniture**: briefbot-3 summary sentences flagged by the benchmark's",
    "  furniture rules or the summariser's (goal: 0; listed below the tables when any).",
  ];
}

function main(): void {
  const args = process.argv.slice(2);
  const corpus = resolve(argValue(args, '--corpus') ?? join(__dirname, '..', '..', 'shared', 'corpus'));
  const out = resolve(argValue(args, '--out') ?? join(__dirname, 'results', 'rouge.md'));
  if (!existsSync(corpus)) {
    console.error(`corpus not found: ${corpus} (pass --corpus DIR)`);
    process.exit(2);
  }
  const sets = loadSets(corpus);
  if (args.includes('--tune')) {
    tune(sets);
    return;
  }
  if (args.includes('--frontier')) {
    console.log(frontier(sets).join('\n'));
    return;
  }
  const rows = sets.flatMap((set) => LAYOUTS.map((layout) => evaluateRow(set, layout)));
  const lines = [
    '# ROUGE: briefbot against fair Lead-3, Lead-3 and TextRank-3, every set in every layout',
    '',
    `Generated by \`npm run eval:rouge\` on ${new Date().toISOString().slice(0, 10)}${argValue(args, '--commit') ? ` at commit ${argValue(args, '--commit')}` : ''}.`,
    'ROUGE-1.5.5 `-m` semantics (bench/rouge.ts): F1 ×100, mean over documents, 3 sentences. "held-out" is the odd half;',
    'weights were chosen on the even (dev) halves.',
    '',
    ...describe(),
    '',
    '## Stemmed (ROUGE-1.5.5 -m), R1 / R2',
    '',
    ...table(rows),
    '',
    '## Without stemming, R1 / R2 / RL',
    '',
    ...unstemmedTable(rows),
    '',
    speedLine(sets),
  ];
  const flagged = rows.flatMap((r) => r.furniture.map((f) => `- ${r.set}, ${r.layout}: ${f}`));
  if (flagged.length > 0) lines.push('', '## Furniture found in summaries', '', ...flagged.slice(0, 50));
  console.log(lines.join('\n'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.error(`wrote ${out}`);
}

if (require.main === module) main();
