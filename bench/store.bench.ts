// The article store at scale: first load of a content folder (read, analyse in worker threads, store, index)
// and a restart from the store, on one run of this machine. Usage:
//   npx tsx bench/store.bench.ts [corpus folder, default ../shared/corpus] [--workers N]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerPool } from '../src/sources/files/analyse-pool';
import { openFolderLibrary } from '../src/sources/files/folder-library';
import { openStore } from '../src/store/store';

async function timeOpen(contentDir: string, database: string, workers: number) {
  const started = Date.now();
  const store = openStore(database);
  const pool = new WorkerPool({ size: workers });
  const lib = await openFolderLibrary({ contentDir, articles: store.articles, analyser: pool });
  const ms = Date.now() - started;
  const probe = Date.now();
  lib.search('ukraine ceasefire talks');
  const searchMs = Date.now() - probe;
  const out = {
    ms,
    searchMs,
    articles: lib.stats().articles,
    sync: lib.syncReport,
    load: lib.loadReport,
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  };
  await lib.close();
  await pool.close();
  await store.close();
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const workersAt = args.indexOf('--workers');
  const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : 2;
  const corpus = path.resolve(
    args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--workers') ?? path.join(__dirname, '..', '..', 'shared', 'corpus'),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-store-bench-'));
  const database = path.join(dir, 'briefbot.db');
  try {
    const first = await timeOpen(corpus, database, workers);
    console.log(`first load: ${first.articles} articles in ${first.ms} ms (${workers} workers)`, JSON.stringify(first));
    for (let i = 1; i <= 3; i++) {
      const again = await timeOpen(corpus, database, workers);
      console.log(`restart ${i}: ${again.articles} articles in ${again.ms} ms`, JSON.stringify(again));
    }
    console.log(`database size: ${(fs.statSync(database).size / 1048576).toFixed(1)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
