// Entry point of the `briefbot` command: wires the article store, the content folder and the feeds into the CLI.
import { config as loadEnv } from 'dotenv';
import { runCommand, type CliDeps } from './cli/run';
import type { FetchRow } from './cli/fetch';
import { WorkerPool } from './sources/files/analyse-pool';
import { listContentFiles } from './sources/files/content-files';
import { openFolderLibrary } from './sources/files/folder-library';
import { openConfiguredStore } from './store/open-any';

// `fetch` and `extract` load the feed reader, the HTTP client and the settings schema when they run: together
// they take longer to load than a whole `search` (issue 13), which needs none of them.

/** `briefbot fetch`: every followed feed polled once into the store, the same way the bot does. */
async function fetchFeeds(database: string): Promise<FetchRow[]> {
  const [{ loadFeedSettings }, { fetchFeedsOnce }] = await Promise.all([import('./config'), import('./sources/fetch-once')]);
  const settings = loadFeedSettings(process.env);
  const store = await openConfiguredStore({ databaseUrl: process.env.DATABASE_URL?.trim() || null, databasePath: database });
  let outcomes;
  try {
    outcomes = await fetchFeedsOnce(store, settings, (message) => console.error(message));
  } finally {
    await store.close();
  }
  return outcomes.map((o) => ({ feed: o.url, status: o.status, new: o.new, updated: o.updated, unchanged: o.unchanged, reason: o.reason }));
}

const deps: CliDeps = {
  async openLibrary(contentDir, database) {
    const store = await openConfiguredStore({ databaseUrl: process.env.DATABASE_URL?.trim() || null, databasePath: database });
    const pool = new WorkerPool({ size: 2 });
    try {
      const folder = await openFolderLibrary({ contentDir, articles: store.articles, analyser: pool, oneShot: true });
      return {
        library: folder,
        close: async () => {
          await folder.close();
          await pool.close();
          await store.close();
        },
      };
    } catch (err) {
      await pool.close();
      await store.close();
      throw err;
    }
  },
  listFiles: (dir, onWarning) => listContentFiles(dir, onWarning),
  fetchFeeds,
  // `extract URL` goes through the same SSRF-safe, size-capped fetcher as the bot's page reader.
  async fetchPage(url) {
    const [{ loadFeedSettings }, { HttpFetcher, PAGE_MAX_BYTES }, { decodeBytes }] = await Promise.all([
      import('./config'),
      import('./sources/http'),
      import('./sources/decode'),
    ]);
    const fetcher = new HttpFetcher({ allowPrivateNetwork: loadFeedSettings(process.env).allowPrivateNetwork });
    const res = await fetcher.fetch({ url, maxBytes: PAGE_MAX_BYTES, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
    if (res.status !== 'ok') throw new Error(`${url} answered "not modified"`);
    return { html: decodeBytes(res.body, res.contentType).text, url: res.url };
  },
};

// quiet: dotenv otherwise prints a banner to stdout, which would corrupt --json output.
loadEnv({ quiet: true });
void runCommand(
  process.argv.slice(2),
  {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
  },
  deps,
).then((code) => {
  process.exitCode = code;
});
