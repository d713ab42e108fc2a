import fc from 'fast-check';
import { SearchIndex } from '../../src/briefings/search';
import { DEFAULT_SUGGESTIONS } from '../../src/briefings/search/suggest';
import { libraryArticles } from '../fixtures/search/library';
import { seedArticles } from '../fixtures/search/seed';
import { bodiesOf } from '../helpers/bodies';

const bodies = bodiesOf(seedArticles(), libraryArticles());

describe('search never throws on odd input', () => {
  const index = SearchIndex.build([...seedArticles(), ...libraryArticles()]);
  const odd = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '.*+?^${}()|[]\\',
      '(((',
      '[a-',
      '\\u0000',
      '🦀🦀 war 🦀',
      'ÄÖÜ ßtraße',
      '𝔘𝔨𝔯𝔞𝔦𝔫𝔢',
      'Ｕｋｒａｉｎｅ',
      '\u0301\u0301',
      'a'.repeat(40),
      ' ',
    ),
  );

  it('search returns a list for any string, with limits and offsets of any number', () => {
    fc.assert(
      fc.property(odd, fc.option(fc.double()), fc.option(fc.integer()), (q, limit, offset) => {
        const hits = index.search(q, { limit: limit ?? undefined, offset: offset ?? undefined });
        expect(Array.isArray(hits)).toBe(true);
        expect(hits.length).toBeLessThanOrEqual(100);
        for (const h of hits) expect(h.snippet.length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 300 },
    );
  });

  it('quote lookups and suggestions return lists for any string', () => {
    fc.assert(
      fc.property(odd, odd, fc.option(fc.integer()), (q, speaker, limit) => {
        expect(Array.isArray(index.searchQuotes({ query: q, speaker, limit: limit ?? undefined }, bodies))).toBe(true);
        const s = index.suggest('title', q, limit ?? undefined);
        const t = index.suggest('speaker', speaker, limit ?? undefined);
        const most = limit === null ? DEFAULT_SUGGESTIONS : Math.max(0, limit);
        for (const x of [...s, ...t]) expect(x.label).toBe(x.label.replace(/\s+/g, ' ').trim());
        expect(s.length).toBeLessThanOrEqual(most);
        expect(t.length).toBeLessThanOrEqual(most);
      }),
      { numRuns: 300 },
    );
  });

  it('answers an empty or blank query with nothing', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \n\t ')).toEqual([]);
    expect(index.searchQuotes({}, bodies)).toEqual([]);
    expect(index.searchQuotes({ query: '  ', speaker: '' }, bodies)).toEqual([]);
  });

  it('copes with a 10 KB query, regex characters, emoji and wrong types', () => {
    const long = 'security guarantees '.repeat(512);
    expect(long.length).toBeGreaterThanOrEqual(10_000);
    expect(index.search(long)[0].title).toMatch(/^Rubio/);
    expect(index.search('(securty) [guarantees]* ^$')[0].title).toMatch(/^Rubio/);
    expect(index.search('🇺🇦 Pokrovsk 🔥')[0].title).toMatch(/^Rubio/);
    expect(index.search(42 as never)).toEqual([]);
    expect(index.search(null as never)).toEqual([]);
    expect(index.searchQuotes(undefined as never, bodies)).toEqual([]);
    expect(index.suggest('title', undefined as never)).toEqual([]);
  });

  it('builds from odd articles: no text, no quotes, missing fields, duplicates, non-articles', () => {
    const base = libraryArticles()[0];
    const built = SearchIndex.build([
      base,
      { ...base },
      { ...base, id: 'empty', title: '', paragraphs: [], quotes: [], standfirst: null },
      { ...base, id: 'holes', paragraphs: undefined as never, headings: undefined as never, quotes: undefined as never },
      { ...base, id: 'bad-quote', quotes: [{ text: null, speaker: 7 } as never] },
      null as never,
      'nonsense' as never,
    ]);
    expect(
      built
        .search('Kyiv')
        .map((h) => h.articleId)
        .sort(),
    ).toEqual(['bad-quote', 'holes', 'kyiv-power-cuts']);
    expect(SearchIndex.build([]).search('anything')).toEqual([]);
    expect(SearchIndex.build(undefined as never).suggest('title', 'a')).toEqual([]);
  });
});
