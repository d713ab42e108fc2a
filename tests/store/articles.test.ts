// The article store: one row per article, ids that stay put, a change log the library follows, retention.
import { analyseRaw } from '../../src/briefings/analyse-file';
import { openLibrary } from '../../src/briefings/library';
import { pruneOnce } from '../../src/sources/retention';
import { openStore, type Store } from '../../src/store/store';
import { feedSource as feed, fileSource as file, rawArticle } from '../helpers/stored-articles';

const raw = rawArticle;

describe('the article store', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  it('stores an article once with its analysis, and gives it back the same', async () => {
    const a = analyseRaw(raw('Mayor opens bridge', ['"It is a great day," said Mayor Jane Doe.']));
    const [id] = await store.articles.replaceSource(file('a.txt'), [a]);
    expect(id).toBe('mayor-opens-bridge');
    const back = (await store.articles.get(id))!;
    expect(back.article).toMatchObject({ id, title: 'Mayor opens bridge', paragraphs: a.paragraphs, people: a.people });
    expect(back.article.quotes).toEqual(a.quotes.map((q) => ({ ...q, articleId: id })));
    expect(back.article.quotes[0]?.speaker).toBe('Jane Doe');
  });

  it('keeps ids when a source is stored again, and de-duplicates titles across sources', async () => {
    const one = analyseRaw(raw('Same title', ['First body.']));
    const two = analyseRaw(raw('Same title', ['Second body.']));
    const [a] = await store.articles.replaceSource(file('a.txt'), [one]);
    const [b] = await store.articles.replaceSource(file('b.txt'), [two]);
    expect([a, b]).toEqual(['same-title', 'same-title-2']);
    expect(await store.articles.replaceSource(file('b.txt'), [two])).toEqual(['same-title-2']);
    // An unchanged article is not rewritten: nothing for a library to re-index.
    const { seq } = await store.articles.changesSince(0);
    await store.articles.replaceSource(file('a.txt'), [one]);
    expect((await store.articles.changesSince(seq)).ids).toEqual([]);
  });

  it('lets a library follow writes it did not make (a feed poller, another process), one article at a time', async () => {
    await store.articles.replaceSource(file('a.txt'), [analyseRaw(raw('Harbour reopens', ['The harbour reopened.']))]);
    const lib = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
    expect(await lib.search('lighthouse')).toEqual([]);
    await store.articles.replaceSource(feed('https://news.example/rss'), [analyseRaw(raw('Lighthouse restored', ['The lighthouse shines again.']))]);
    await store.articles.replaceSource({ ...file('x.txt'), root: '/another-folder' }, [analyseRaw(raw('Other folder news', ['Not ours.']))]);
    expect(await lib.catchUp()).toEqual({ changed: 1 });
    expect((await lib.search('lighthouse'))[0]?.title).toBe('Lighthouse restored');
    expect(await lib.search('other folder')).toEqual([]);
    await store.articles.removeSources([feed('https://news.example/rss')]);
    await lib.catchUp();
    expect(await lib.search('lighthouse')).toEqual([]);
    expect(lib.stats().articles).toBe(1);
  });

  it('drops feed articles older than the retention period from store and index, and keeps file articles', async () => {
    const now = new Date('2026-11-29T12:00:00.000Z');
    await store.articles.replaceSource(feed('https://news.example/rss'), [
      analyseRaw(raw('Old feed story', ['From long ago.'], '2026-07-01T00:00:00.000Z')),
      analyseRaw(raw('Fresh feed story', ['From this week.'], '2026-11-27T00:00:00.000Z')),
    ]);
    await store.articles.replaceSource(file('old.txt'), [analyseRaw(raw('Old file story', ['Also from long ago.'], '2026-01-01T00:00:00.000Z'))]);
    const lib = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
    expect(await pruneOnce({ writer: store.articles, catchUp: () => lib.catchUp() }, 90, now)).toBe(1);
    expect(
      lib
        .articles()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Fresh feed story', 'Old file story']);
    expect((await lib.search('long ago')).map((h) => h.title)).toEqual(['Old file story']);
  });

  it('saves the search index keyed by the change counter and restores it on the next open', async () => {
    await store.articles.replaceSource(file('a.txt'), [analyseRaw(raw('Harbour reopens', ['The harbour reopened.']))]);
    const first = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
    expect(first.loadReport.indexFromStore).toBe(false);
    expect(await first.saveIndex()).toBe(true);
    expect(await first.saveIndex()).toBe(false);
    const second = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
    expect(second.loadReport.indexFromStore).toBe(true);
    expect(await second.search('harbor')).toEqual(await first.search('harbor'));
  });

  it('rewrites articles analysed by other code even when their text did not change', async () => {
    const a = analyseRaw(raw('Harbour reopens', ['The harbour reopened.']));
    await store.articles.replaceSource(file('a.txt'), [a]);
    const { seq } = await store.articles.changesSince(0);
    await store.articles.replaceSource({ ...file('a.txt'), analysisVersion: 'newer code' }, [a]);
    expect((await store.articles.changesSince(seq)).ids).toEqual(['harbour-reopens']);
  });

  it('adds and updates feed items one by one, keeping an id when the publisher retitles an item', async () => {
    const rss = feed('https://news.example/rss');
    const [first] = await store.articles.upsertItems(rss, [{ key: 'guid-1', article: analyseRaw(raw('Ferry strike ends', ['Ferries run again.'])) }]);
    const [second] = await store.articles.upsertItems(rss, [{ key: 'guid-2', article: analyseRaw(raw('Tram fares rise', ['Fares go up in May.'])) }]);
    const [again] = await store.articles.upsertItems(rss, [
      { key: 'guid-1', article: analyseRaw(raw('Ferry strike is over', ['Ferries run again, the union said.'])) },
    ]);
    expect(again).toBe(first);
    expect((await store.articles.get(first))!.article.title).toBe('Ferry strike is over');
    expect((await store.articles.get(second))!.article.title).toBe('Tram fares rise');
    const lib = await openLibrary({ reader: store.articles, view: { fileRoot: null } });
    expect(lib.stats().articles).toBe(2);
  });
});
