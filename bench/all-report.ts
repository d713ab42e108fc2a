// The table of bench/all.bench.ts: one row per thing a user waits for, briefbot and MiniSearch side by side,
// with the goal of issue 13 beside each row.
import type { CliTiming } from './all-parts';
import type { Result } from './library.bench';

export interface SizeRun {
  size: string;
  articles: number;
  first: Result;
  restarts: Result[];
  mini: Result;
  cli?: CliTiming;
}

export interface RunReport {
  args: string[];
  machine: string;
  commit: string;
  minutes: number;
  seed: CliTiming;
  runs: SizeRun[];
  ingest: string[];
}

const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`);
const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(x >= 10 ? 0 : 1)} ms`);
const mb = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x)} MB`);
const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

function sizeRows(r: SizeRun): string[] {
  const rate = r.first.ms ? r.articles / (r.first.ms / 1000) : 0;
  const cores = r.first.cpuS && r.first.ms ? r.first.cpuS / (r.first.ms / 1000) : 0;
  const last = r.restarts[r.restarts.length - 1] ?? {};
  const big = r.articles >= 50_000;
  const rows = [
    `| first load, ${r.size} | ${s(r.first.ms)} (${Math.round(rate)} articles/s, ${cores.toFixed(1)} cores busy) | build ${s(r.mini.ms)} | ≤ MiniSearch's build, ≥ 1,000 articles/s |`,
    `| restart, ${r.size} | ${r.restarts.map((x) => s(x.ms)).join(' / ')} (last: store ${s(last.readMs)}, index ${s(last.indexMs)}, stories ${s(last.storiesMs)}) | — | ≤ 3 s${big ? '' : ' (at 100k)'} |`,
    `| RSS after restart, ${r.size} | ${mb(last.rssMB)} (heap ${mb(last.heapMB)}) | RSS Δ of the index ${mb(r.mini.rssMB)} | ≤ 500 MB at 100k |`,
    `| search p50 / p95 (CPU p50 / p95), ${r.size} | ${ms(last.p50)} / ${ms(last.p95)} (${ms(last.cpuP50)} / ${ms(last.cpuP95)}), top-3 ${pct(last.top3)} | ${ms(r.mini.p50)} / ${ms(r.mini.p95)} (${ms(r.mini.cpuP50)} / ${ms(r.mini.cpuP95)}), top-3 ${pct(r.mini.top3)} | p95 ≤ 5 ms |`,
    `| autocomplete titles p50 / p95, ${r.size} | ${ms(last.titleP50)} / ${ms(last.titleP95)} | ${ms(r.mini.titleP50)} / ${ms(r.mini.titleP95)} (autoSuggest on titles) | ≤ 5 ms |`,
    `| autocomplete speakers p50 / p95, ${r.size} | ${ms(last.speakerP50)} / ${ms(last.speakerP95)} | — | ≤ 5 ms |`,
  ];
  if (r.cli)
    rows.unshift(
      `| CLI \`search\`, ${r.size}, warm (whole process) | ${r.cli.warmS.toFixed(2)} s, ${r.cli.warmCpuS.toFixed(2)} s CPU (runs ${r.cli.runsS.map((x) => x.toFixed(2)).join(', ')}) | — | ≤ 0.5 s |`,
    );
  return rows;
}

export function report(run: RunReport): string {
  const lines = [
    `# npm run bench — ${new Date().toISOString().slice(0, 16)} UTC`,
    '',
    `Command: \`npm run bench -- ${run.args.join(' ')}\`; commit ${run.commit}; ${run.minutes.toFixed(1)} min.`,
    `Machine: ${run.machine} (shared with other work).`,
    '',
    '| what a user waits for | briefbot | MiniSearch (fuzzy 0.2, prefix, title ×2), same texts | goal |',
    '|---|---|---|---|',
    `| CLI \`search\` on the seed (whole process, compiled) | ${run.seed.warmS.toFixed(2)} s warm, ${run.seed.warmCpuS.toFixed(2)} s CPU (first run, empty store: ${run.seed.firstS.toFixed(2)} s) | — | ≤ 0.3 s |`,
    ...run.runs.flatMap(sizeRows),
    ...run.ingest.slice(2).map((l) => {
      const [, path, articles, seconds, rate] = l.split('|').map((c) => c.trim());
      return `| ingest: ${path} | ${articles} articles in ${seconds} s = ${rate} articles/s | — | — |`;
    }),
    '',
    'How it was measured: each first load, restart and MiniSearch build runs in its own fresh process',
    '(bench/library.bench.ts, running the compiled dist/ as the bot does); first load = an empty SQLite store filled from the content folder',
    '(read, quotes and people found in 2 worker threads, stored, indexed); restart = the same folder opened',
    'again; search = `library.search(query, {limit: 10})` through the library with known-item queries',
    '(three title words, one with a typo); autocomplete = `library.suggest`. RSS after restart is the whole',
    'process after GC; for MiniSearch it is the growth while building. Sizes other than the corpus folder are',
    'the corpus articles written as JSON files (100 a file) plus distinct variants: paragraphs of three',
    'articles recombined and shuffled, two titles joined, capitalised names renamed (bench/variants.ts).',
    '',
  ];
  return lines.join('\n');
}
