import { SearchIndex } from '../../src/briefings/search';
import { DEFAULT_SUGGESTIONS } from '../../src/briefings/search/suggest';
import { renderChoices } from '../../src/discord/render/choices';
import { libraryArticles, makeArticle } from '../fixtures/search/library';
import { seedArticles } from '../fixtures/search/seed';

describe('autocomplete suggestions', () => {
  const index = SearchIndex.build([...seedArticles(), ...libraryArticles()]);

  it('suggests titles that start with what was typed, with the article id as value', () => {
    expect(index.suggest('title', 'Bord')).toEqual([{ label: 'Bordeaux winemakers count the cost of a wet harvest', value: 'bordeaux-harvest' }]);
    expect(index.suggest('title', 'central BANK h').map((s) => s.value)).toEqual(['central-bank-rates']);
  });

  it('suggests titles by the start of any of their words', () => {
    expect(index.suggest('title', 'marath').map((s) => s.value)).toEqual(['marathon-record']);
    expect(index.suggest('title', 'east tim')[0].label).toMatch(/^Myanmar expels East Timor envoy/);
  });

  it('falls back to typo matching when nothing starts with the words', () => {
    expect(index.suggest('title', 'volcanoe').map((s) => s.value)).toEqual(['reykjavik-eruption']);
  });

  it('suggests speakers by first name, surname or a misspelling', () => {
    expect(index.suggest('speaker', 'Volod').map((s) => s.value)).toEqual(['Volodymyr Zelensky']);
    expect(index.suggest('speaker', 'zel').map((s) => s.value)).toEqual(['Volodymyr Zelensky']);
    expect(index.suggest('speaker', 'kipchog').map((s) => s.value)).toEqual(['Eliud Kipchoge']);
    expect(index.suggest('speaker', 'zelenski').map((s) => s.value)).toEqual(['Volodymyr Zelensky']);
  });

  it('falls back to fuse.js over whole speaker names for what word matching cannot see', () => {
    const eu = makeArticle({
      id: 'eu-summit',
      title: 'EU summit agrees budget',
      paragraphs: ['Leaders met in Brussels.'],
      quotes: [{ speaker: 'Ursula von der Leyen', text: 'Europe will stand with Ukraine for as long as it takes' }],
    });
    const withEu = SearchIndex.build([eu, ...libraryArticles()]);
    expect(withEu.suggest('speaker', 'vonderleyen').map((s) => s.value)).toEqual(['Ursula von der Leyen']);
    expect(withEu.searchQuotes({ speaker: 'vonderleyen' }, (id) => (id === eu.id ? eu : undefined)).map((q) => q.speaker)).toEqual([
      'Ursula von der Leyen',
    ]);
  });

  it('returns nothing for an empty prefix or an unknown kind', () => {
    expect(index.suggest('title', '')).toEqual([]);
    expect(index.suggest('speaker', '   ')).toEqual([]);
    expect(index.suggest('author' as never, 'zel')).toEqual([]);
  });

  it('gives as many suggestions as asked for (a default of DEFAULT_SUGGESTIONS), each label on one line', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeArticle({
        id: `storm-${i}`,
        title: `Storm update ${i}: ${'very long headline words '.repeat(8)}`,
        paragraphs: [`Storm number ${i}.`],
        quotes: [{ speaker: `Storm Watcher ${i}`, text: `The storm number ${i} is coming this way` }],
      }),
    );
    const big = SearchIndex.build(many);
    expect(big.suggest('title', 'storm')).toHaveLength(DEFAULT_SUGGESTIONS);
    expect(big.suggest('title', 'storm', 25)).toHaveLength(25);
    expect(big.suggest('title', 'storm', 100)).toHaveLength(60);
    expect(big.suggest('title', 'storm', 5)).toHaveLength(5);
    expect(big.suggest('title', 'storm', -3)).toHaveLength(0);
    expect(big.suggest('speaker', 'storm w', 25)).toHaveLength(25);
    for (const s of [...big.suggest('title', 'storm', 25), ...big.suggest('speaker', 'watch', 25)]) {
      expect(s.label).toBe(s.label.replace(/\s+/g, ' ').trim());
      expect(s.label.length).toBeGreaterThan(0);
    }
  });

  it('leaves long titles whole: the renderer cuts them to what Discord shows, at a word with an ellipsis', () => {
    const long = makeArticle({ id: 'long', title: `${'Parliament debates the budget again '.repeat(5)}today`, paragraphs: ['x'] });
    const [s] = SearchIndex.build([long]).suggest('title', 'parl');
    expect(s.label).toBe(long.title);
    const [choice] = renderChoices([{ name: s.label, value: s.value }]);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name.endsWith('…')).toBe(true);
    expect(long.title.startsWith(choice.name.slice(0, -1))).toBe(true);
  });

  it('does not suggest speakers whose quotes were all removed', () => {
    const index2 = SearchIndex.build(libraryArticles());
    index2.remove('marathon-record');
    expect(index2.suggest('speaker', 'kip')).toEqual([]);
  });
});
