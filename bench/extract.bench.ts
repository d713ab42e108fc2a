// Article extraction on the scrapinghub article-extraction-benchmark (181 pages): F1 with the benchmark's own
// metric (bench/extract-metric.ts) and time per page, for briefbot's page reader side by side with plain
// Readability + linkedom `textContent`. Pages are split by their index in id order (even / odd), so rules
// tuned on one half can be checked on the other.
//
//   npm run bench:extract [-- CORPUS_DIR] [--worst N]
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readHtml } from '../src/briefings';
import { pageF1, scoresOf, shingleMatch, type PageCounts, type Scores } from './extract-metric';

export const DEFAULT_CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'article-extraction-benchmark');

interface Page {
  id: string;
  url: string;
  gold: string;
  html: string;
}

export interface ExtractorRow {
  name: string;
  all: Scores;
  even: Scores;
  odd: Scores;
  msPerPage: number;
  worst: { url: string; f1: number }[];
}

type Extractor = (html: string, url: string) => string;

function loadPages(dir: string): Page[] {
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.keys(gold)
    .sort()
    .map((id) => ({
      id,
      url: gold[id].url,
      gold: gold[id].articleBody,
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}

const baseline: Extractor = (html) => {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
};

const briefbot: Extractor = (html, url) => readHtml(html, url).text;

interface Tally {
  name: string;
  extract: Extractor;
  counts: PageCounts[];
  ms: number;
}

function row(t: Tally, pages: Page[]): ExtractorRow {
  const worst = t.counts
    .map((c, i) => ({ url: pages[i].url, f1: pageF1(c) }))
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 10);
  return {
    name: t.name,
    all: scoresOf(t.counts),
    even: scoresOf(t.counts.filter((_, i) => i % 2 === 0)),
    odd: scoresOf(t.counts.filter((_, i) => i % 2 === 1)),
    msPerPage: t.ms / pages.length,
    worst,
  };
}

/**
 * Both extractors on the corpus; callable from the main bench. They take turns page by page, so load from
 * other processes on a shared machine falls on both alike.
 */
export function runExtractionBench(dir = DEFAULT_CORPUS): ExtractorRow[] {
  const pages = loadPages(dir);
  const tallies: Tally[] = [
    { name: 'Readability + linkedom, textContent (baseline)', extract: baseline, counts: [], ms: 0 },
    { name: 'briefbot page reader', extract: briefbot, counts: [], ms: 0 },
  ];
  // One untimed pass over a few pages warms the JIT for both.
  for (const page of pages.slice(0, 10)) for (const t of tallies) t.extract(page.html, page.url);
  for (const page of pages) {
    for (const t of tallies) {
      const started = performance.now();
      const text = t.extract(page.html, page.url);
      t.ms += performance.now() - started;
      t.counts.push(shingleMatch(page.gold, text));
    }
  }
  return tallies.map((t) => row(t, pages));
}

const f = (n: number): string => n.toFixed(3);

export function extractionTable(rows: ExtractorRow[]): string {
  const lines = ['| extractor | precision | recall | F1 | F1 even pages | F1 odd pages | ms / page |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${f(r.all.precision)} | ${f(r.all.recall)} | **${f(r.all.f1)}** | ${f(r.even.f1)} | ${f(r.odd.f1)} | ${r.msPerPage.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const worstAt = args.indexOf('--worst');
  const worstN = worstAt >= 0 ? Number(args[worstAt + 1]) : 0;
  const dir = args.find((a, i) => !a.startsWith('--') && i !== worstAt + 1) ?? DEFAULT_CORPUS;
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    console.error(`extract bench: no ground-truth.json in ${dir} (pass the corpus folder)`);
    process.exitCode = 1;
    return;
  }
  const rows = runExtractionBench(dir);
  console.log(extractionTable(rows));
  if (worstN > 0)
    for (const r of rows)
      console.log(
        `\nworst pages, ${r.name}:\n${r.worst
          .slice(0, worstN)
          .map((w) => `  ${f(w.f1)} ${w.url}`)
          .join('\n')}`,
      );
}

if (require.main === module) main();
