// ROUGE evaluation of briefbot's summariser against Lead-3 and TextRank-3.
//
//   npx tsx bench/rouge.eval.ts [--corpus ../shared/corpus] [--out bench/results/rouge.md]
//
// Sets: CNN highlights (cnn-dailymail, 1,000 stories) and BBC News Summary (2,225 articles,
// extractive references). Every document is also put in one of two halves by its position in
// the set (even = dev, odd = held-out); the summariser's weights were tuned on dev only.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rouge, rougeNFromTokens, rougeTokens, type RougeResult } from '../src/briefings/rouge';
import { summarise } from '../src/briefings/summarise';
import { candidateFeatures, CENTRAL_WEIGHTS, FEATURES, LEDE_WEIGHTS, weigh, type ScoreWeights } from '../src/briefings/summarise/score';
import { pick, prepare } from '../src/briefings/summarise/select';
import { splitSentences } from '../src/briefings/text/sentences';
import type { Sentence } from '../src/briefings/types';
import { leadN } from './baselines/lead';
import { textRankN } from './baselines/textrank';

export interface EvalDoc {
  id: string;
  title: string;
  standfirst: string | null;
  paragraphs: string[];
  sentences: Sentence[];
  reference: string[];
  half: 'dev' | 'held-out';
}

export function buildSentences(standfirst: string | null, paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  const push = (text: string, paragraph: number) => {
    for (const s of splitSentences(text)) out.push({ text: s, paragraph, index: out.length });
  };
  if (standfirst) push(standfirst, -1);
  paragraphs.forEach((p, i) => push(p, i));
  return out;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
        .map((line) => line.trim().replace(/\s+\.$/, '.').replace(/\s+([.,!?;:])/g, '$1'))
        .filter(Boolean);
      return {
        id: r[id],
        title: '',
        standfirst: null,
        paragraphs: [body],
        sentences: buildSentences(null, [body]),
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
        sentences: buildSentences(null, paragraphs),
        reference: splitGluedSummary(readText(summaryPath)),
        half: docs.length % 2 === 0 ? 'dev' : 'held-out',
      });
    }
  }
  return docs;
}

export type System = (doc: EvalDoc) => string[];

export const SYSTEMS: Record<string, System> = {
  'briefbot-3': (d) => summarise(d, 3),
  'Lead-3': (d) => leadN(d.sentences, 3),
  'TextRank-3': (d) => textRankN(d.sentences, 3),
  'briefbot-1': (d) => summarise(d, 1),
  'briefbot-5': (d) => summarise(d, 5),
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

export function evaluate(docs: EvalDoc[], system: System, stem = true): { all: Mean; dev: Mean; heldOut: Mean } {
  const scored = docs.map((d) => ({ half: d.half, r: rouge(system(d), d.reference, { stem }) }));
  return {
    all: meanF(scored.map((s) => s.r)),
    dev: meanF(scored.filter((s) => s.half === 'dev').map((s) => s.r)),
    heldOut: meanF(scored.filter((s) => s.half === 'held-out').map((s) => s.r)),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function fmt(x: number): string {
  return x.toFixed(1);
}

function main(): void {
  const args = process.argv.slice(2);
  const corpus = resolve(argValue(args, '--corpus') ?? join(__dirname, '..', '..', 'shared', 'corpus'));
  const out = resolve(argValue(args, '--out') ?? join(__dirname, 'results', 'rouge.md'));
  if (!existsSync(corpus)) {
    console.error(`corpus not found: ${corpus} (pass --corpus DIR)`);
    process.exit(2);
  }
  const sets: [string, EvalDoc[]][] = [
    ['CNN highlights (cnn-dailymail, 1,000)', loadCnn(join(corpus, 'cnn-dailymail'))],
    ['BBC News Summary (2,225)', loadBbc(join(corpus, 'bbc-news-summary'))],
  ];

  const lines: string[] = [];
  const log = (s = '') => {
    console.log(s);
    lines.push(s);
  };
  log('# ROUGE: briefbot against Lead-3 and TextRank-3');
  log();
  log(`Generated by \`npx tsx bench/rouge.eval.ts\` on ${new Date().toISOString().slice(0, 10)}.`);
  log('ROUGE-1.5.5 `-m` semantics (src/briefings/rouge.ts): F1 ×100, mean over documents; ROUGE-L is summary-level.');
  log('Halves: documents alternate dev (even positions) / held-out (odd). Weights were tuned on dev only;');
  log('"held-out" is the honest number, "all" is both halves together.');
  for (const [name, docs] of sets) {
    log();
    log(`## ${name}: ${docs.length} documents (${docs.filter((d) => d.half === 'dev').length} dev / ${docs.filter((d) => d.half === 'held-out').length} held-out)`);
    log();
    log('| system | R1 all | R2 all | RL all | R1 held-out | R2 held-out | RL held-out | R1 dev | R2 dev | RL dev |');
    log('|---|---|---|---|---|---|---|---|---|---|');
    for (const [sys, fn] of Object.entries(SYSTEMS)) {
      const { all, dev, heldOut } = evaluate(docs, fn);
      log(
        `| ${sys} | ${fmt(all.r1)} | ${fmt(all.r2)} | ${fmt(all.rl)} | ${fmt(heldOut.r1)} | ${fmt(heldOut.r2)} | ${fmt(heldOut.rl)} | ${fmt(dev.r1)} | ${fmt(dev.r2)} | ${fmt(dev.rl)} |`,
      );
    }
    const unstemmed = ['Lead-3', 'TextRank-3', 'briefbot-3'].map((sys) => {
      const m = evaluate(docs, SYSTEMS[sys], false).all;
      return `${sys} ${fmt(m.r1)}/${fmt(m.r2)}/${fmt(m.rl)}`;
    });
    log();
    log(`Without stemming (all, R1/R2/RL), for comparison with earlier measurements: ${unstemmed.join(', ')}.`);
  }

  // Speed: summarise every document of both sets, several passes, after a warm-up pass.
  const everything = sets.flatMap(([, docs]) => docs);
  for (const d of everything) summarise(d, 3);
  const passes = 5;
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) for (const d of everything) summarise(d, 3);
  const msPerArticle = (performance.now() - t0) / (passes * everything.length);
  log();
  log(
    `Speed: ${msPerArticle.toFixed(3)} ms per article (medium length, mean over ${passes} passes of ${everything.length} articles, sentences already split); ` +
      `100,000 articles ≈ ${((msPerArticle * 100_000) / 1000).toFixed(0)} s.`,
  );

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.error(`wrote ${out}`);
}

/**
 * --tune: coordinate ascent over the summariser's weights on the dev halves only. Objective:
 * the smaller of the two margins (briefbot-3 over Lead-3 on CNN, over TextRank-3 on BBC) in
 * R1+R2, plus a little of their sum so that ties move towards better overall scores.
 */
function tune(sets: [string, EvalDoc[]][]): void {
  type Cached = { features: ScoreWeights[]; prepared: ReturnType<typeof prepare>; candTokens: string[][]; ref: string[]; baseline: number };
  const prepared: Cached[][] = sets.map(([name, docs]) => {
    const baselineSystem = name.startsWith('CNN') ? SYSTEMS['Lead-3'] : SYSTEMS['TextRank-3'];
    return docs
      .filter((d) => d.half === 'dev')
      .map((d) => {
        const p = prepare(d);
        const ref = rougeTokens(d.reference.join('\n'));
        const base = rougeTokens(baselineSystem(d).join('\n'));
        return {
          features: candidateFeatures(p.candidates, p.titleTerms),
          prepared: p,
          candTokens: p.candidates.map((c) => rougeTokens(c.text)),
          ref,
          baseline: 100 * (rougeNFromTokens(base, ref, 1).f + rougeNFromTokens(base, ref, 2).f),
        };
      });
  });
  const tokensOf = new Map<string, string[]>();
  const margins = (w: ScoreWeights): number[] =>
    prepared.map((docs) => {
      let sum = 0;
      for (const d of docs) {
        const chosen = pick(d.prepared, weigh(d.features, w), 3);
        tokensOf.clear();
        d.prepared.candidates.forEach((c, i) => tokensOf.set(c.text, d.candTokens[i]));
        const toks = chosen.flatMap((t) => tokensOf.get(t) ?? rougeTokens(t));
        sum += 100 * (rougeNFromTokens(toks, d.ref, 1).f + rougeNFromTokens(toks, d.ref, 2).f) - d.baseline;
      }
      return sum / docs.length;
    });
  const only = process.env.TUNE_ONLY === undefined ? -1 : Number(process.env.TUNE_ONLY);
  const objective = (m: number[]) => (only >= 0 ? m[only] : Math.min(...m) + 0.1 * m.reduce((a, b) => a + b, 0));
  let best = { ...(only === 1 ? CENTRAL_WEIGHTS : LEDE_WEIGHTS) };
  let bestM = margins(best);
  console.log('start', JSON.stringify(best), bestM.map((x) => x.toFixed(2)).join(' '));
  const grid = [-1, -0.5, -0.2, 0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8];
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (const f of FEATURES) {
      if (f === 'position') continue; // the scale: everything else is relative to it
      for (const value of grid) {
        const w = { ...best, [f]: value };
        const m = margins(w);
        if (objective(m) > objective(bestM) + 1e-9) {
          best = w;
          bestM = m;
          improved = true;
          console.log(`round ${round} ${f}=${value}`, bestM.map((x) => x.toFixed(2)).join(' '));
        }
      }
    }
    if (!improved) break;
  }
  console.log('best', JSON.stringify(best), 'dev margins (R1+R2 over baseline):', bestM.map((x) => x.toFixed(2)).join(' '));
}

if (require.main === module) {
  if (process.argv.includes('--tune')) {
    const corpus = resolve(argValue(process.argv, '--corpus') ?? join(__dirname, '..', '..', 'shared', 'corpus'));
    tune([
      ['CNN', loadCnn(join(corpus, 'cnn-dailymail'))],
      ['BBC', loadBbc(join(corpus, 'bbc-news-summary'))],
    ]);
  } else main();
}
