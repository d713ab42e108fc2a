import { SearchIndex } from '../../src/briefings/search';
import { bodiesOf } from '../helpers/bodies';
import { libraryArticles } from '../fixtures/search/library';
import { seedArticles } from '../fixtures/search/seed';

describe('search relevance on the bundled seed', () => {
  const articles = seedArticles();
  const index = SearchIndex.build(articles);
  const rubio = articles.find((a) => a.title.startsWith('Rubio says'))!;
  const myanmar = articles.find((a) => a.title.startsWith('Myanmar expels'))!;

  it('reads both seed articles', () => {
    expect(rubio).toBeDefined();
    expect(myanmar).toBeDefined();
  });

  it('finds the Rubio article first for the misspelt "securty guarantees"', () => {
    expect(index.search('securty guarantees')[0].articleId).toBe(rubio.id);
  });

  it('finds the Rubio article for "Pokrovsk", and for the misspelling "Pokrovks"', () => {
    expect(index.search('Pokrovsk')[0].articleId).toBe(rubio.id);
    expect(index.search('Pokrovks')[0].articleId).toBe(rubio.id);
  });

  it('finds the Myanmar article first for "East Timor envoy"', () => {
    expect(index.search('East Timor envoy')[0].articleId).toBe(myanmar.id);
  });

  it('finds Zelensky\'s quotes for the speaker "zelenski", and only his', () => {
    const quotes = index.searchQuotes({ speaker: 'zelenski' }, bodiesOf(articles));
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const q of quotes) expect(q.speaker).toMatch(/Zelensky/);
  });

  it('finds a quote by its words, with the article it came from', () => {
    const [hit] = index.searchQuotes({ query: 'no simple solutions' }, bodiesOf(articles));
    expect(hit.text).toContain('no simple solutions');
    expect(hit.articleId).toBe(rubio.id);
    expect(hit.articleTitle).toBe(rubio.title);
  });
});

describe('search relevance on hand-written queries', () => {
  const index = SearchIndex.build(libraryArticles());
  const first = (q: string) => index.search(q)[0]?.articleId;

  it('puts the article first for its exact title', () => {
    expect(first('Bordeaux winemakers count the cost of a wet harvest')).toBe('bordeaux-harvest');
    expect(first('Central bank holds interest rates as inflation cools')).toBe('central-bank-rates');
  });

  it('finds an article by a person named in it', () => {
    expect(first('Kipchoge')).toBe('marathon-record');
    expect(first('Gina Raimondo')).toBe('chip-export-rules');
  });

  it('finds an article by a misspelt place', () => {
    expect(first('Reykjavick')).toBe('reykjavik-eruption');
    expect(first('Grindavk lava')).toBe('reykjavik-eruption');
    expect(first('Bordeux')).toBe('bordeaux-harvest');
  });

  it('completes an unfinished last word', () => {
    expect(first('semicond')).toBe('chip-export-rules');
  });

  it('ranks a title match above a passing mention in the body', () => {
    // "Berlin" is in the marathon title and only in the body of the Zelensky article.
    const ids = index.search('Berlin marathon').map((h) => h.articleId);
    expect(ids[0]).toBe('marathon-record');
  });

  it('returns nothing for words no article holds', () => {
    expect(index.search('xylophonist quasar')).toEqual([]);
  });

  it('pages with limit and offset', () => {
    const all = index.search('power rules rates harvest lava marathon', { limit: 10 });
    expect(all.length).toBeGreaterThan(3);
    const page2 = index.search('power rules rates harvest lava marathon', { limit: 2, offset: 2 });
    expect(page2.map((h) => h.articleId)).toEqual(all.slice(2, 4).map((h) => h.articleId));
  });

  it('carries title, date and a score that falls down the list', () => {
    const hits = index.search('power winter');
    expect(hits[0]).toMatchObject({
      articleId: 'kyiv-power-cuts',
      title: 'Kyiv braces for winter as strikes cut power to millions',
      date: '2025-11-20T08:00:00.000Z',
    });
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });
});
