// Pieces of bench/all.bench.ts that run outside the library's own process: the corpus as the bot reads it,
// the CLI timed as a user runs it (a whole process, compiled), and the ingest bench (feed XML → searchable).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawArticles } from '../src/sources/files/read';
import { fromRaw, type BenchArticle } from './variants';

export interface CliTiming {
  /** The first run (for the seed: an empty store, so it reads and analyses the folder). */
  firstS: number;
  /** Median of the warm runs after it. */
  warmS: number;
  runsS: number[];
  /** CPU seconds (user + system) of the median warm run: on a shared machine, wall time waits for a core. */
  warmCpuS: number;
}

/** CPU seconds of this process's finished children (Linux /proc; 0 elsewhere), to 10 ms. */
function childrenCpuS(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** The corpus folder's articles, read by the same reader the bot uses. */
export function benchArticles(corpus: string): BenchArticle[] {
  return loadRawArticles(corpus).articles.map(fromRaw);
}

function once(root: string, argv: string[]): { wall: number; cpu: number } {
  const cpu = childrenCpuS();
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'briefbot.js'), ...argv], { encoding: 'utf8', cwd: root });
  const s = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`briefbot ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { wall: s, cpu: childrenCpuS() - cpu };
}

/** `briefbot search WORDS --content DIR --database FILE`: one run, then `warm` more; wall time of the whole process. */
export function cliSearch(root: string, content: string, database: string, words: string, warm = 3): CliTiming {
  const argv = ['search', ...words.split(/\s+/).slice(0, 3), '--content', content, '--database', database];
  const firstS = once(root, argv).wall;
  const runs = Array.from({ length: warm }, () => once(root, argv));
  const median = runs.slice().sort((a, b) => a.wall - b.wall)[Math.floor((runs.length - 1) / 2)];
  return { firstS, warmS: median.wall, warmCpuS: median.cpu, runsS: runs.map((r) => r.wall) };
}

/** The ingest bench's table rows (feed and file paths to searchable), run in its own process. */
export function ingestRows(pagesDir: string): string[] {
  const tsx = require.resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsx, join(__dirname, 'ingest.bench.ts'), pagesDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = r.stdout.split('\n');
  const end = lines.findIndex((l) => l.startsWith('extraction on'));
  return lines.slice(0, end < 0 ? lines.length : end).filter((l) => l.startsWith('|'));
}
