// A first load indexes each batch of files as the sync stores it (LibraryBuild), so the index is ready when the
// sync ends instead of being built from every article afterwards (issue 13). The library it opens must answer
// exactly as one built from the store at once; and when anything else changed the store during the sync, the
// library is opened from the store as before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as briefings from '../../src/briefings';
import { openLibrary, type ArticleReader, type ArticleWriter, type LoadedLibrary } from '../../src/briefings';
import type { StoryArticle } from '../../src/briefings/stories';
import { inlineAnalyser } from '../../src/sources/files/analyse-pool';
import { realRoot } from '../../src/sources/files/content-files';
import { openFolderLibrary } from '../../src/sources/files/folder-library';
import { openStore, type Store } from '../../src/store/store';
import { all } from '../fixtures/stories/articles';

const now = () => new Date('2026-03-29T12:00:00Z');

function markdown(a: StoryArticle): string {
  const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
  return `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`;
}

/**
 * Files in folders and beside them, named so the folder walk's order ("news/…" before "news-…") differs from the
 * store's order by path ("news-…" before "news/…"): the index must number the articles in the store's order.
 */
function writeFolder(dir: string): void {
  const places = ['news/', 'news-', 'news.', '', 'a/b/', 'a-'];
  all.forEach((a, i) => {
    const file = path.join(dir, `${places[i % places.length]}${a.id}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, markdown(a));
  });
}

/** Everything a user sees: the list, searches with their scores, suggestions, quotes, stories, a briefing. */
async function answers(lib: LoadedLibrary) {
  const queries = ['price', 'Sony PS5 price increase', 'blizzard', 'bag fees', 'delay', 'prce', 'snow stor'];
  return {
    articles: lib.articles(),
    version: lib.stats().version,
    search: await Promise.all(queries.map((q) => lib.search(q, { limit: 20 }))),
    titles: ['p', 'b', 'so', 'sn'].map((p) => lib.suggest('title', p, 25)),
    speakers: ['', 'a', 'j', 'm'].map((p) => lib.suggest('speaker', p, 25)),
    quotes: await Promise.all(['price', 'snow', ''].map((q) => lib.quotes({ query: q, limit: 20 }))),
    members: lib.articles().map((a) => lib.storyMembers(a.id)),
    brief: await lib.brief({ topic: null, limit: 10 }),
  };
}

/** The store's reader with its saved record hidden: openLibrary then builds the index and stories from every article. */
function withoutRecord(reader: ArticleReader): ArticleReader {
  const r: ArticleReader = Object.create(reader);
  r.loadSearchSnapshot = async () => null;
  return r;
}

describe('a first load indexes the files as the sync stores them', () => {
  let root: string;
  let dir: string;
  const stores: Store[] = [];
  const libraries: LoadedLibrary[] = [];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-first-build-'));
    dir = path.join(root, 'content');
    fs.mkdirSync(dir);
    writeFolder(dir);
  });
  afterEach(async () => {
    for (const lib of libraries.splice(0)) await (lib as LoadedLibrary & { close?: () => Promise<void> }).close?.();
    for (const s of stores.splice(0)) await s.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The store, its reads and writes logged in order. */
  const loggedStore = (events: string[], onWrite?: (n: number) => Promise<void>, opened?: Store) => {
    const store = opened ?? openStore(':memory:');
    if (!opened) stores.push(store);
    const articles: ArticleReader & ArticleWriter = Object.create(store.articles);
    let writes = 0;
    articles.replaceSources = async (items) => {
      const ids = await store.articles.replaceSources(items);
      events.push('write');
      await onWrite?.(++writes);
      return ids;
    };
    articles.getMany = async (ids) => {
      events.push('read');
      return store.articles.getMany!(ids);
    };
    articles.snapshot = async (view) => {
      events.push('snapshot');
      return store.articles.snapshot(view);
    };
    return { store, articles };
  };

  it('reads each batch as it is written, and answers as a library built from the store at once', async () => {
    const events: string[] = [];
    const { store, articles } = loggedStore(events);
    const lib = await openFolderLibrary({ contentDir: dir, articles, analyser: inlineAnalyser(), now, batchSize: 3 });
    libraries.push(lib);
    // Every batch read back right after it was written; the whole store never read after the sync.
    const writes = events.filter((e) => e === 'write').length;
    expect(writes).toBe(Math.ceil(all.length / 3));
    expect(events.slice(events.indexOf('write'))).toEqual(Array.from({ length: writes }, () => ['write', 'read']).flat());
    expect(lib.stats().articles).toBe(all.length);

    const built = await openLibrary({ reader: withoutRecord(store.articles), view: { fileRoot: realRoot(dir) }, now });
    expect(built.loadReport.indexFromStore).toBe(false);
    expect(await answers(lib)).toEqual(await answers(built));
    // A restart restores what the first load saved, and answers the same.
    const restarted = await openLibrary({ reader: store.articles, view: { fileRoot: realRoot(dir) }, now });
    expect(restarted.loadReport.indexFromStore).toBe(true);
    expect(await answers(restarted)).toEqual(await answers(built));
  });

  it('opens from the store as before when something else wrote to the view during the sync', async () => {
    const events: string[] = [];
    let store: Store | null = null;
    // A feed item stored while the sync runs (a poller, another process): not among the batches handed over.
    const logged = loggedStore(events, async (n) => {
      if (n !== 2) return;
      const bytes = Buffer.from(markdown({ ...all[0], id: 'feed-copy', title: 'Sony raises the price of the PS5 again, a feed says' }));
      const analysed = await inlineAnalyser().analyse({ path: 'item.md', bytes, mtimeMs: 0, now: now().getTime() });
      const source = {
        kind: 'feed' as const,
        root: '',
        id: 'https://example.com/feed',
        size: null,
        mtimeMs: null,
        contentHash: null,
        analysisVersion: 'x',
        warnings: [],
      };
      await store!.articles.upsertItems(source, [{ key: 'item-1', article: analysed.articles[0] }]);
    });
    store = logged.store;
    const lib = await openFolderLibrary({ contentDir: dir, articles: logged.articles, analyser: inlineAnalyser(), now, batchSize: 3 });
    libraries.push(lib);
    expect(events[events.length - 1]).toBe('snapshot');
    expect(lib.stats().articles).toBe(all.length + 1);
    expect((await lib.search('feed says', { limit: 5 }))[0]?.title).toMatch(/a feed says/);
    const built = await openLibrary({ reader: withoutRecord(store.articles), view: { fileRoot: realRoot(dir) }, now });
    expect(await answers(lib)).toEqual(await answers(built));
  });

  it('does not build during a sync that finds the folder already stored (a restart restores instead)', async () => {
    const first = loggedStore([]);
    libraries.push(await openFolderLibrary({ contentDir: dir, articles: first.articles, analyser: inlineAnalyser(), now, batchSize: 3 }));
    fs.writeFileSync(path.join(dir, 'late.md'), markdown({ ...all[1], id: 'late', title: 'A late article about bag fees' }));
    const events: string[] = [];
    const logged = loggedStore(events, undefined, first.store);
    const again = await openFolderLibrary({ contentDir: dir, articles: logged.articles, analyser: inlineAnalyser(), now, batchSize: 3 });
    libraries.push(again);
    // The new file is written; nothing is read whole but it (restore reads it alone, by id).
    expect(events).toEqual(['write']);
    expect(again.loadReport.indexFromStore).toBe(true);
    expect(again.stats().articles).toBe(all.length + 1);
  });

  it('lets go of the build once the library is open (a running bot must not keep its word counts)', async () => {
    const builds: WeakRef<object>[] = [];
    // Not jest.spyOn: its record of results would itself keep the build alive.
    const start = briefings.LibraryBuild.start;
    briefings.LibraryBuild.start = async (...args) => {
      const b = await start.apply(briefings.LibraryBuild, args);
      if (b) builds.push(new WeakRef(b));
      return b;
    };
    try {
      const { articles } = loggedStore([]);
      const lib = await openFolderLibrary({ contentDir: dir, articles, analyser: inlineAnalyser(), now, batchSize: 3 });
      libraries.push(lib);
      lib.watch({ debounceMs: 10_000 }); // the sync, and its callbacks, live on with the watcher
      expect(builds).toHaveLength(1);
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      for (let i = 0; i < 5 && builds[0].deref(); i++) {
        await new Promise((r) => setImmediate(r));
        gc();
      }
      expect(builds[0].deref()).toBeUndefined();
    } finally {
      briefings.LibraryBuild.start = start;
    }
  });
});
