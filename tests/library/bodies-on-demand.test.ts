// Issue 13: the library keeps headers and the index in memory, and reads an article's text from the store only
// when an answer shows it. A restart reads headers and the saved index; only articles stored since are read whole.
import { analyseRaw } from '../../src/briefings/analyse-file';
import type { ArticleReader } from '../../src/briefings/article-store';
import { openLibrary } from '../../src/briefings/library';
import { openStore, type Store } from '../../src/store/store';
import { feedSource, fileSource, rawArticle } from '../helpers/stored-articles';

const VIEW = { fileRoot: '/content' };

/** The store's reader, counting whole-article reads (get, snapshot) by the library. */
function counting(reader: ArticleReader): { reader: ArticleReader; wholeReads: string[]; snapshots: number; batches: number } {
  const seen = { wholeReads: [] as string[], snapshots: 0, batches: 0 };
  const wrapped: ArticleReader = {
    headers: (view) => reader.headers(view),
    snapshot: (view) => {
      seen.snapshots++;
      return reader.snapshot(view);
    },
    get: (id) => {
      seen.wholeReads.push(id);
      return reader.get(id);
    },
    getMany: (ids) => {
      seen.batches++;
      seen.wholeReads.push(...ids);
      return reader.getMany!(ids);
    },
    changesSince: (seq) => reader.changesSince(seq),
    warnings: (view) => reader.warnings(view),
    loadSearchSnapshot: (key) => reader.loadSearchSnapshot(key),
    saveSearchSnapshot: (key, record) => reader.saveSearchSnapshot(key, record),
  };
  return Object.assign(seen, { reader: wrapped });
}

async function fill(store: Store): Promise<void> {
  await store.articles.replaceSource(fileSource('bridge.txt'), [
    analyseRaw(rawArticle('Mayor opens harbour bridge', ['"It is a great day for the harbour," said Mayor Jane Doe.', 'Traffic flows.'])),
  ]);
  await store.articles.replaceSource(fileSource('ferry.txt'), [
    analyseRaw(rawArticle('Ferry strike ends after talks', ['Crews returned to work on Monday.', '"We got a fair deal," said Tom Reyes.'])),
  ]);
  await store.articles.replaceSource(fileSource('lava.txt'), [analyseRaw(rawArticle('Lava reaches the sea', ['The eruption continued overnight.']))]);
}

describe('a library with bodies on demand', () => {
  let store: Store;
  beforeEach(async () => {
    store = openStore(':memory:');
    await fill(store);
  });
  afterEach(() => store.close());

  it('keeps headers only: no paragraphs, quotes or people in what it lists', async () => {
    const lib = await openLibrary({ reader: store.articles, view: VIEW });
    const [header] = lib.articles().filter((a) => a.title.startsWith('Mayor'));
    expect(header).toEqual({
      id: 'mayor-opens-harbour-bridge',
      title: 'Mayor opens harbour bridge',
      date: '2026-11-01T08:00:00.000Z',
      dateApproximate: false,
      source: 'test',
      quoteCount: 1,
    });
    expect(lib.stats()).toMatchObject({ articles: 3, quotes: 2 });
  });

  it('restarts from headers and the saved index, reading no article whole, with the same answers', async () => {
    const first = await openLibrary({ reader: store.articles, view: VIEW });
    const answers = async (lib: typeof first) => ({
      search: await lib.search('harbour'),
      quotes: await lib.quotes({ speaker: 'Reyes' }),
      brief: (await lib.brief({ limit: 3 })).items.map((i) => [i.articleId, i.summary]),
      suggest: lib.suggest('title', 'ferr'),
    });
    const before = await answers(first);
    expect(await first.saveIndex()).toBe(true);
    const seen = counting(store.articles);
    const again = await openLibrary({ reader: seen.reader, view: VIEW });
    expect(again.loadReport).toMatchObject({ articles: 3, indexFromStore: true, storiesFromStore: true });
    expect(seen).toMatchObject({ wholeReads: [], snapshots: 0 });
    expect(await again.saveIndex()).toBe(false);
    expect(await answers(again)).toEqual(before);
    expect(before.search[0]).toMatchObject({ title: 'Mayor opens harbour bridge', snippet: expect.stringContaining('harbour') });
    expect(before.quotes.map((q) => q.text)).toEqual(['We got a fair deal']);
    // A search reads only the articles it shows.
    expect([...new Set(seen.wholeReads)].sort()).toEqual(['ferry-strike-ends-after-talks', 'lava-reaches-the-sea', 'mayor-opens-harbour-bridge']);
  });

  it('reads a page of hits in one read of the store, and keeps what it just showed in memory', async () => {
    const seen = counting(store.articles);
    const lib = await openLibrary({ reader: seen.reader, view: VIEW });
    seen.wholeReads.length = 0;
    seen.batches = 0;
    const hits = await lib.search('ferry OR harbour OR lava OR the');
    expect(hits.length).toBeGreaterThan(1);
    expect(seen.batches).toBe(1);
    expect([...seen.wholeReads].sort()).toEqual(hits.map((h) => h.articleId).sort());
    expect(hits.every((h) => h.snippet.length > 0)).toBe(true);
    seen.wholeReads.length = 0;
    expect((await lib.article(hits[0].articleId))?.title).toBe(hits[0].title);
    expect(await lib.search('ferry OR harbour OR lava OR the')).toEqual(hits);
    expect(seen.wholeReads).toEqual([]);
  });

  it('reads whole, at a restart, only the articles stored since the save, and answers from their new text', async () => {
    const first = await openLibrary({ reader: store.articles, view: VIEW });
    await first.saveIndex();
    await store.articles.replaceSource(fileSource('lava.txt'), [
      analyseRaw(rawArticle('Lava reaches the sea', ['Steam clouds rose over Grindavik.'])),
    ]);
    await store.articles.upsertItems(feedSource('https://news.example/rss'), [
      { key: 'g1', article: analyseRaw(rawArticle('Glacier retreat speeds up', ['Ice loss broke records.'])) },
    ]);
    const seen = counting(store.articles);
    const again = await openLibrary({ reader: seen.reader, view: VIEW });
    expect(again.loadReport).toMatchObject({ articles: 4, indexFromStore: true, storiesFromStore: true });
    expect(seen.wholeReads.sort()).toEqual(['glacier-retreat-speeds-up', 'lava-reaches-the-sea']);
    expect((await again.search('grindavik')).map((h) => h.title)).toEqual(['Lava reaches the sea']);
    expect(await again.search('eruption overnight')).toEqual([]);
    expect((await again.search('glacier')).map((h) => h.title)).toEqual(['Glacier retreat speeds up']);
    expect(await again.saveIndex()).toBe(true);
  });

  it('follows edits and removals while running, though it keeps no text to take out of the index', async () => {
    const lib = await openLibrary({ reader: store.articles, view: VIEW });
    await store.articles.replaceSource(fileSource('ferry.txt'), [analyseRaw(rawArticle('Ferry strike ends after talks', ['Boats sail again.']))]);
    await store.articles.removeSources([fileSource('bridge.txt')]);
    expect(await lib.catchUp()).toEqual({ changed: 2 });
    expect(await lib.search('harbour')).toEqual([]);
    expect(await lib.quotes({ speaker: 'Reyes' })).toEqual([]);
    expect(await lib.quotes({ query: 'fair deal' })).toEqual([]);
    expect((await lib.search('boats')).map((h) => h.title)).toEqual(['Ferry strike ends after talks']);
    expect(await lib.article('mayor-opens-harbour-bridge')).toBeUndefined();
    expect(lib.stats()).toMatchObject({ articles: 2, quotes: 0 });
  });
});
