import type { Article } from '../../src/briefings';
import { SearchIndex } from '../../src/briefings/search';
import { decodeBinary } from '../../src/briefings/search/binary';
import { libraryArticles, makeArticle } from '../fixtures/search/library';
import { seedArticles } from '../fixtures/search/seed';
import { bodiesOf } from '../helpers/bodies';

const QUERIES = ['securty guarantees', 'Pokrovsk', 'power winter', 'Bordeux', 'semicond', 'Zelensky Paris', 'rules', 'lava'];

/** The articles' text, as the library reads it from the store (the index keeps none). */
const everyBody = bodiesOf(seedArticles(), libraryArticles());

function answers(index: SearchIndex, bodies = everyBody) {
  return {
    search: QUERIES.map((q) => index.search(q, { limit: 5 }, bodies).map((h) => ({ ...h }))),
    quotes: [
      index.searchQuotes({ speaker: 'zelenski' }, bodies),
      index.searchQuotes({ query: 'restore power' }, bodies),
      index.searchQuotes({ query: 'days', speaker: 'Grynchuk' }, bodies),
    ],
    suggest: [index.suggest('title', 'ky'), index.suggest('title', 'volcano'), index.suggest('speaker', 'zel'), index.suggest('speaker', 'u')],
  };
}

/** What a cache does: the snapshot goes through JSON text on disk. */
const throughJson = (index: SearchIndex) => JSON.parse(JSON.stringify(index.toJSON()));

/** Both saved forms: JSON text, and the binary blob the store keeps (copied, at an odd offset, as a database may hand it back). */
const FORMS: [string, (index: SearchIndex) => unknown, (saved: unknown, articles: Article[]) => SearchIndex][] = [
  ['toJSON / fromJSON', throughJson, (saved, articles) => SearchIndex.fromJSON(saved, articles)],
  [
    'toBinary / fromBinary',
    (index) => {
      const bytes = index.toBinary();
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      return shifted.subarray(1);
    },
    (saved, articles) => SearchIndex.fromBinary(saved as Uint8Array, articles),
  ],
  // A one-shot process reads the columns where they lie (aligned), or copies those it cannot (the odd offset).
  ['toBinary / fromBinary in place', (index) => index.toBinary(), (saved, articles) => SearchIndex.fromBinary(saved as Uint8Array, articles, true)],
  [
    'toBinary / fromBinary in place, at an odd offset',
    (index) => {
      const bytes = index.toBinary();
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      return shifted.subarray(1);
    },
    (saved, articles) => SearchIndex.fromBinary(saved as Uint8Array, articles, true),
  ],
];

describe('the binary snapshot', () => {
  it('is read into columns of their own: no view keeps the blob (its text columns, or a record around it) alive', () => {
    const bytes = Buffer.from(SearchIndex.build([...seedArticles(), ...libraryArticles()]).toBinary());
    const columns: ArrayBufferView[] = [];
    const walk = (value: unknown): void => {
      if (ArrayBuffer.isView(value)) columns.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(decodeBinary(bytes));
    expect(columns.length).toBeGreaterThan(20);
    for (const column of columns) expect(column.buffer).not.toBe(bytes.buffer);
  });

  it('in place (a one-shot process), reads the aligned columns as views over the blob instead of copying them', () => {
    const bytes = SearchIndex.build([...seedArticles(), ...libraryArticles()]).toBinary();
    const parts = decodeBinary(bytes, true);
    expect(parts.articles.lengths.buffer).toBe(bytes.buffer);
    expect(parts.articles.body.low.buffer).toBe(bytes.buffer);
    expect(parts).toEqual(decodeBinary(bytes));
  });
});

describe.each(FORMS)('index snapshots (%s)', (_name, save, restore) => {
  const articles = [...seedArticles(), ...libraryArticles()];

  it('restores an index that answers exactly as the one it was taken from', () => {
    const built = SearchIndex.build(articles);
    const restored = restore(save(built), articles);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('keeps answering the same after incremental changes on both sides', () => {
    const built = SearchIndex.build(articles);
    const restored = restore(save(built), articles);
    const extra = makeArticle({ id: 'late-news', title: 'Late news from Kyiv about power', paragraphs: ['Power returned to Kyiv on Friday.'] });
    for (const index of [built, restored]) {
      index.add(extra);
      index.remove('bordeaux-harvest');
    }
    expect(answers(restored)).toEqual(answers(built));
  });

  it('snapshots an index that has had additions and removals', () => {
    const built = SearchIndex.build(articles.slice(0, 4));
    for (const a of articles.slice(4)) built.add(a);
    built.remove('marathon-record');
    const restored = restore(
      save(built),
      articles.filter((a) => a.id !== 'marathon-record'),
    );
    expect(answers(restored)).toEqual(answers(built));
  });

  it('drops articles the snapshot has but the caller no longer does', () => {
    const snapshot = save(SearchIndex.build(articles));
    const restored = restore(
      snapshot,
      articles.filter((a) => a.id !== 'reykjavik-eruption'),
    );
    expect(restored.search('lava Grindavik')).toEqual([]);
    expect(restored.searchQuotes({ speaker: 'Reynisson' }, everyBody)).toEqual([]);
    const fresh = SearchIndex.build(articles.filter((a) => a.id !== 'reykjavik-eruption'));
    expect(answers(restored)).toEqual(answers(fresh));
  });

  it('indexes articles the snapshot does not have, and re-indexes changed ones', () => {
    const snapshot = save(SearchIndex.build(articles));
    const changed = articles.map((a) =>
      a.id === 'marathon-record' ? { ...a, title: 'Kenyan runner wins in Tokyo', paragraphs: ['A win in Tokyo.'], quotes: [] } : a,
    );
    const extra = makeArticle({ id: 'late-news', title: 'Late news on the harbour strike', paragraphs: ['Dockers walked out at dawn.'] });
    const restored = restore(snapshot, [...changed, extra]);
    expect(restored.search('dockers')[0].articleId).toBe('late-news');
    expect(restored.search('Tokyo')[0].articleId).toBe('marathon-record');
    expect(restored.search('Berlin marathon').map((h) => h.articleId)).not.toContain('marathon-record');
    expect(answers(restored, bodiesOf(changed, [extra]))).toEqual(answers(SearchIndex.build([...changed, extra]), bodiesOf(changed, [extra])));
  });

  it('refuses what is not a snapshot of this version, so the caller can rebuild', () => {
    expect(() => restore(null, articles)).toThrow();
    expect(() => restore({ format: 'briefbot-search', version: 0 }, articles)).toThrow();
    expect(() => restore('{}', articles)).toThrow();
    const saved = save(SearchIndex.build(articles));
    if (saved instanceof Uint8Array) expect(() => restore(saved.subarray(0, saved.length - 9), articles)).toThrow();
  });
});

describe('the JSON snapshot', () => {
  const articles = [...seedArticles(), ...libraryArticles()];

  it('is plain ASCII JSON (fast to read back from disk), even for names with accents', () => {
    const json = JSON.stringify(SearchIndex.build(articles).toJSON());
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
    // eslint-disable-next-line no-control-regex -- "outside ASCII" is the class from NUL to DEL
    expect(/[^\x00-\x7f]/.test(json)).toBe(false);
    // eslint-disable-next-line no-control-regex -- same class: the input does have non-ASCII text
    expect(articles.some((a) => /[^\x00-\x7f]/.test(a.paragraphs.join(' ')))).toBe(true);
  });
});
