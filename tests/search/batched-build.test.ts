// A first load indexes each batch of articles as it is stored (SearchIndexBuilder), instead of building the index
// from every article once the sync is over. Whatever the batches, the index must be the one a build over all the
// articles at once makes: the same saved bytes, and so the same hits, scores, order, suggestions and quotes.
import fc from 'fast-check';
import { SearchIndex, SearchIndexBuilder } from '../../src/briefings/search';
import type { Article } from '../../src/briefings/types';
import { makeArticle } from '../fixtures/search/library';
import { seeded } from '../helpers/seeded';

// Words that widen into each other (completions, typos), names that are speakers, and words found only in quotes
// (a quote's new words are numbered after every article's in a build: batches must not change that).
const WORDS = ['flood', 'floods', 'flooded', 'council', 'counsel', 'budget', 'budgets', 'harbour', 'railway', 'rail', 'election', 'school'];
const NAMES = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Ada Byron', 'Hopper'];
const QUOTE_ONLY = ['zephyr', 'quixotic', 'zephyrs', 'jubilant'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const words = (r: () => number, n: number, from: readonly string[] = WORDS) => Array.from({ length: n }, () => pick(r, from)).join(' ');

function article(r: () => number, n: number): Article {
  // Now and then an id seen before: the first article of an id is the one indexed, in a build as in batches.
  const id = r() < 0.05 && n > 0 ? `a${Math.floor(r() * n)}` : `a${n}`;
  const quotes = Array.from({ length: Math.floor(r() * 3) }, () => ({
    speaker: r() < 0.8 ? pick(r, NAMES) : null,
    text: `${words(r, 1 + Math.floor(r() * 6))} ${r() < 0.5 ? words(r, 1, QUOTE_ONLY) : ''}`.trim(),
  }));
  return makeArticle({
    id,
    title: `${words(r, 1 + Math.floor(r() * 5))} ${r() < 0.3 ? pick(r, NAMES) : ''}`.trim(),
    date: `2025-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T00:00:00.000Z`,
    standfirst: r() < 0.5 ? words(r, 5) : undefined,
    paragraphs: Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${words(r, 3 + Math.floor(r() * 20))}.`),
    quotes,
  });
}

/** The articles cut into batches at the given points (sorted, within the list). */
function batches(articles: Article[], cuts: number[]): Article[][] {
  const at = [...new Set(cuts.map((c) => c % (articles.length + 1)))].sort((a, b) => a - b);
  const out: Article[][] = [];
  let from = 0;
  for (const c of [...at, articles.length]) {
    out.push(articles.slice(from, c));
    from = c;
  }
  return out;
}

function answers(index: SearchIndex, r: () => number) {
  const queries = Array.from({ length: 12 }, () => {
    const q = words(r, 1 + Math.floor(r() * 3), [...WORDS, ...QUOTE_ONLY]);
    // Sometimes misspelt or unfinished, so typo and prefix widening are compared too.
    return r() < 0.3 ? q.slice(0, -1) : r() < 0.3 ? q.replace('o', '') : q;
  });
  return {
    search: queries.map((q) => index.search(q, { limit: 100 }).map((h) => [h.articleId, h.score, h.title, h.date])),
    quotes: queries.map((q) => index.quoteRefs({ query: q, limit: 50 })),
    bySpeaker: NAMES.map((name) => index.quoteRefs({ speaker: name.split(' ')[0], limit: 50 })),
    titles: ['fl', 'co', 'b', 'rail', 'elec', 'ada'].map((p) => index.suggest('title', p, 25)),
    speakers: ['a', 'gr', 'hop', 'tur'].map((p) => index.suggest('speaker', p, 25)),
    mostQuoted: index.speakersByQuotes(10),
  };
}

describe('an index built batch by batch (a first load indexing as it stores)', () => {
  it('is the index one build over all the articles makes: same saved bytes, same answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 80 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (seed, n, cuts) => {
          const r = seeded(seed);
          const articles = Array.from({ length: n }, (_, i) => article(r, i));
          const whole = SearchIndex.build(articles);
          const builder = new SearchIndexBuilder();
          for (const batch of batches(articles, cuts)) builder.add(batch);
          const parts = builder.finish();
          expect(Buffer.from(parts.toBinary()).equals(Buffer.from(whole.toBinary()))).toBe(true);
          expect(answers(parts, seeded(seed + 1))).toEqual(answers(whole, seeded(seed + 1)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('goes on like a built index: an article added afterwards is found beside the others', () => {
    const r = seeded(7);
    const articles = Array.from({ length: 30 }, (_, i) => article(r, i));
    const builder = new SearchIndexBuilder();
    builder.add(articles.slice(0, 10)).add(articles.slice(10));
    const parts = builder.finish();
    const whole = SearchIndex.build(articles);
    const late = makeArticle({ id: 'late', title: 'Harbour railway reopens', paragraphs: ['The harbour railway reopened today.'] });
    parts.add(late);
    whole.add(late);
    expect(parts.search('harbour railway', { limit: 50 }).map((h) => [h.articleId, h.score])).toEqual(
      whole.search('harbour railway', { limit: 50 }).map((h) => [h.articleId, h.score]),
    );
    expect(parts.has('late')).toBe(true);
  });

  it('takes nothing after it is finished', () => {
    const builder = new SearchIndexBuilder();
    builder.add([makeArticle({ id: 'one', title: 'One', paragraphs: ['one'] })]).finish();
    expect(() => builder.add([])).toThrow(/after finish/);
    expect(() => builder.finish()).toThrow(/twice/);
  });
});
