// /search narrowed to one source, in the core: a feed by URL or the content folder, with or without words.
import { analyseRaw } from '../../src/briefings/analyse-file';
import { FILES_SOURCE } from '../../src/briefings';
import { openLibrary, type LoadedLibrary } from '../../src/briefings/library';
import { openStore, type Store } from '../../src/store/store';
import { feedSource as feed, fileSource as file, novemberDay, rawArticle } from '../helpers/stored-articles';

const FEED_A = 'https://harbour.example/rss';
const FEED_B = 'https://www.tidings.example/feed.xml';

const raw = (title: string, body: string, date: string) => rawArticle(title, [body], date);
const day = novemberDay;

describe('search narrowed to one source', () => {
  let store: Store;
  let lib: LoadedLibrary;
  beforeAll(async () => {
    store = openStore(':memory:');
    const items = (titles: [string, string, number][]) => titles.map(([t, b, d], i) => ({ key: `g${i}`, article: analyseRaw(raw(t, b, day(d))) }));
    await store.articles.upsertItems(
      feed(FEED_A),
      items([
        ['Ferry timetable changes in spring', 'The harbour ferry runs later from March.', 3],
        ['Harbour lighthouse repainted', 'Painters finished the lighthouse on Monday.', 5],
        ['Fish market moves indoors', 'Stalls move into the old warehouse.', 4],
      ]),
    );
    await store.articles.upsertItems(feed(FEED_B), items([['Ferry crew wins award', 'The crew of the night ferry was honoured.', 6]]));
    await store.articles.replaceSource(file('a.txt'), [analyseRaw(raw('Ferry museum opens', 'A museum of old ferries opened its doors.', day(2)))]);
    lib = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
  });
  afterAll(() => store.close());

  const titles = (hits: { title: string }[]) => hits.map((h) => h.title);

  it('finds the words only in articles of that feed', async () => {
    expect(titles(await lib.search('ferry')).sort()).toEqual(['Ferry crew wins award', 'Ferry museum opens', 'Ferry timetable changes in spring']);
    expect(titles(await lib.search('ferry', { source: FEED_A }))).toEqual(['Ferry timetable changes in spring']);
    expect(titles(await lib.search('ferry', { source: FEED_B }))).toEqual(['Ferry crew wins award']);
  });

  it('names the content folder FILES_SOURCE', async () => {
    expect(titles(await lib.search('ferry', { source: FILES_SOURCE }))).toEqual(['Ferry museum opens']);
  });

  it('lists a source newest first when there are no words, paged', async () => {
    expect(titles(await lib.search('', { source: FEED_A }))).toEqual([
      'Harbour lighthouse repainted',
      'Fish market moves indoors',
      'Ferry timetable changes in spring',
    ]);
    expect(titles(await lib.search('  ', { source: FEED_A, offset: 1, limit: 1 }))).toEqual(['Fish market moves indoors']);
    expect(await lib.search('', {})).toEqual([]);
  });

  it('finds nothing for a source it does not hold, and nothing outside the scope', async () => {
    expect(await lib.search('ferry', { source: 'https://unknown.example/rss' })).toEqual([]);
    expect(await lib.search('', { source: FEED_B, scope: { feeds: new Set([FEED_A]) } })).toEqual([]);
  });

  it('counts the articles of each source a scope sees, most first (ties by id)', async () => {
    expect(lib.sources()).toEqual([
      { id: FEED_A, articles: 3 },
      { id: FILES_SOURCE, articles: 1 },
      { id: FEED_B, articles: 1 },
    ]);
    expect(lib.sources({ feeds: new Set([FEED_B]) })).toEqual([
      { id: FILES_SOURCE, articles: 1 },
      { id: FEED_B, articles: 1 },
    ]);
  });
});
