// What each part of a restarted library costs, per article: opens the library over a stored content folder (as a
// bot restart does), then lets go of one part at a time, collecting garbage after each, and prints the drop in
// heap (JS heap + array buffers) and RSS. A string shared by two parts counts for the one let go last.
// Usage: node --expose-gc -r tsx/cjs bench/memory-parts.ts <dist dir> <content dir> <database> [queries.json]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as Folder from '../src/sources/files/folder-library';
import type * as Store from '../src/store/store';

const [distDir, content, database, queriesFile] = process.argv.slice(2);
const load = createRequire(__filename);
const built = <T>(file: string): T => load(join(resolve(distDir), file)) as T;
const { openFolderLibrary } = built<typeof Folder>('sources/files/folder-library.js');
const { openStore } = built<typeof Store>('store/store.js');

function settle(): { heap: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

type Any = Record<string, unknown>;

/** The parts of the library (old and new layouts), let go of in this order. */
function parts(lib: Any): [string, () => void][] {
  const clear = (name: string) => () => {
    const v = lib[name] as { clear?: () => void } | undefined;
    if (v && typeof v.clear === 'function') v.clear();
    lib[name] = null;
  };
  return [
    ['ordered (newest-first list)', clear('ordered')],
    ['headers (byId / header table)', () => (clear('byId')(), clear('headers')())],
    ['stored-at stamps', clear('storedAt')],
    ['feed of', clear('feedOf')],
    ['bodies kept (LRU)', clear('bodies')],
    ['stories', clear('stories')],
    ['search index (+ record bytes)', clear('index')],
  ];
}

async function main(): Promise<void> {
  const empty = settle();
  const started = performance.now();
  const store = openStore(database);
  const library = await openFolderLibrary({ contentDir: content, articles: store.articles });
  const ms = performance.now() - started;
  const n = library.stats().articles;
  // Answers as the bot gives them, so lazily built parts exist as they would; with a queries file, the restart
  // bench's own workload (its searches, 5,000 quotes, title and speaker autocomplete).
  await library.search('ukraine', { limit: 10 });
  await library.quotes({ limit: queriesFile ? 5000 : 50 });
  library.suggest('title', 'th', 25);
  library.suggest('speaker', 'jo', 25);
  if (queriesFile) {
    for (const q of JSON.parse(readFileSync(queriesFile, 'utf8')) as { query: string; prefix: string }[]) {
      await library.search(q.query, { limit: 10 });
      library.suggest('title', q.prefix, 25);
    }
  }
  const full = settle();
  const rows: { part: string; heapB: number; rssB: number }[] = [];
  let prev = full;
  for (const [part, drop] of parts(library as unknown as Any)) {
    drop();
    const now = settle();
    rows.push({ part, heapB: (prev.heap - now.heap) / n, rssB: (prev.rss - now.rss) / n });
    prev = now;
  }
  rows.push({ part: 'left (process, store, modules)', heapB: (prev.heap - empty.heap) / n, rssB: (prev.rss - empty.rss) / n });
  const r = library.loadReport;
  const restored = `index ${r.indexFromStore ? 'restored' : 'REBUILT'}, stories ${r.storiesFromStore ? 'restored' : 'REBUILT'}`;
  const timing = `read ${r.readMs} ms, index ${r.indexMs} ms, stories ${r.storiesMs} ms`;
  const memory = `heap ${(full.heap / 1e6).toFixed(0)} MB, RSS ${(full.rss / 1e6).toFixed(0)} MB`;
  console.log(`${n} articles, open ${(ms / 1000).toFixed(2)} s (${restored}; ${timing}), ${memory}`);
  console.log('| part | heap B/article | RSS B/article |\n|---|--:|--:|');
  for (const row of rows) console.log(`| ${row.part} | ${row.heapB.toFixed(0)} | ${row.rssB.toFixed(0)} |`);
  store.close();
}

void main();
