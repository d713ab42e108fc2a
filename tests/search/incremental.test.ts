import { SearchIndex } from '../../src/briefings/search';
import { bodiesOf } from '../helpers/bodies';
import { libraryArticles, makeArticle } from '../fixtures/search/library';

const glacier = makeArticle({
  id: 'glacier-retreat',
  title: 'Alpine glacier retreat speeds up after record summer heat',
  date: '2025-12-04T08:00:00.000Z',
  paragraphs: [
    'Swiss glaciologists measured the fastest loss of ice on record at the Rhone glacier this year.',
    '"The ice is disappearing in front of our eyes," glaciologist Matthias Huss said.',
  ],
  quotes: [{ speaker: 'Matthias Huss', text: 'The ice is disappearing in front of our eyes', paragraph: 1 }],
});

const bodies = bodiesOf(libraryArticles(), [glacier]);

describe('adding and removing articles without a rebuild', () => {
  it('finds an added article by its words, quotes, title and speaker', () => {
    const index = SearchIndex.build(libraryArticles());
    expect(index.search('glacier')).toEqual([]);
    index.add(glacier);
    expect(index.search('glaciers retreat')[0].articleId).toBe('glacier-retreat');
    expect(index.search('glaicer')[0].articleId).toBe('glacier-retreat');
    expect(index.searchQuotes({ speaker: 'Huss' }, bodies)[0].text).toBe('The ice is disappearing in front of our eyes');
    expect(index.searchQuotes({ query: 'ice disappearing' }, bodies)[0].articleId).toBe('glacier-retreat');
    expect(index.suggest('title', 'alpine gl').map((s) => s.value)).toEqual(['glacier-retreat']);
    expect(index.suggest('speaker', 'matth').map((s) => s.value)).toEqual(['Matthias Huss']);
  });

  it('forgets a removed article everywhere', () => {
    const index = SearchIndex.build([...libraryArticles(), glacier]);
    expect(index.search('glacier')[0].articleId).toBe('glacier-retreat');
    index.remove('glacier-retreat');
    expect(index.search('glacier')).toEqual([]);
    expect(index.searchQuotes({ speaker: 'Huss' }, bodies)).toEqual([]);
    expect(index.searchQuotes({ query: 'ice disappearing' }, bodies)).toEqual([]);
    expect(index.suggest('title', 'alpine')).toEqual([]);
    expect(index.suggest('speaker', 'huss')).toEqual([]);
  });

  it('keeps the rest of the library searchable after a removal', () => {
    const index = SearchIndex.build(libraryArticles());
    index.remove('marathon-record');
    expect(index.search('Kipchoge')).toEqual([]);
    expect(index.search('Reykjavik')[0].articleId).toBe('reykjavik-eruption');
  });

  it('replaces an article added again under the same id', () => {
    const index = SearchIndex.build([...libraryArticles(), glacier]);
    index.add({ ...glacier, title: 'Glacier museum opens in Zermatt', paragraphs: ['A museum about ice opened in Zermatt.'], quotes: [] });
    const hits = index.search('glacier');
    expect(hits.map((h) => h.articleId)).toEqual(['glacier-retreat']);
    expect(hits[0].title).toBe('Glacier museum opens in Zermatt');
    expect(index.search('Rhone')).toEqual([]);
    expect(index.searchQuotes({ speaker: 'Huss' }, bodies)).toEqual([]);
  });

  it('ranks as a fresh build would after an add and a remove', () => {
    const incremental = SearchIndex.build(libraryArticles());
    incremental.add(glacier);
    incremental.remove('bordeaux-harvest');
    const fresh = SearchIndex.build([...libraryArticles().filter((a) => a.id !== 'bordeaux-harvest'), glacier]);
    for (const q of ['power', 'rules chip', 'record', 'ice heat', 'Zelensky Paris']) {
      const a = incremental.search(q).map((h) => [h.articleId, h.score.toFixed(6)]);
      const b = fresh.search(q).map((h) => [h.articleId, h.score.toFixed(6)]);
      expect(a).toEqual(b);
    }
  });

  it('ignores removing an unknown id and adding something that is not an article', () => {
    const index = SearchIndex.build(libraryArticles());
    index.remove('no-such-article');
    index.add(null as never);
    index.add({ id: 42 } as never);
    expect(index.search('Kipchoge')[0].articleId).toBe('marathon-record');
  });

  it('stays correct over many additions (past the point where posting lists are compacted)', () => {
    const index = SearchIndex.build(libraryArticles());
    const extra = Array.from({ length: 400 }, (_, i) =>
      makeArticle({
        id: `bulletin-${i}`,
        title: `Weather bulletin number ${i} for coastal shipping`,
        paragraphs: [
          `Gale warnings in sea area ${i % 7 === 0 ? 'Dogger' : 'Viking'} with rain later, good becoming moderate.`,
          // Many distinct station codes, so the added postings outgrow the point of compaction.
          Array.from({ length: 150 }, (_, j) => `st${i}x${j}`).join(' '),
        ],
      }),
    );
    for (const a of extra) index.add(a);
    for (let i = 0; i < 400; i += 2) index.remove(`bulletin-${i}`);
    const hits = index.search('Dogger', { limit: 100 });
    const expected = extra
      .filter((_, i) => i % 2 === 1 && i % 7 === 0)
      .map((a) => a.id)
      .sort();
    expect(hits.map((h) => h.articleId).sort()).toEqual(expected);
    expect(index.search('Kipchoge')[0].articleId).toBe('marathon-record');
    expect(index.search('st3x149')[0].articleId).toBe('bulletin-3');
    // Removed: only look-alike codes of live bulletins (one typo away) may answer.
    expect(index.search('st4x149').map((h) => h.articleId)).not.toContain('bulletin-4');
  });
});
