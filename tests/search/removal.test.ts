import { SearchIndex } from '../../src/briefings/search';
import { Postings } from '../../src/briefings/search/postings';
import type { Article } from '../../src/briefings/types';
import { makeArticle } from '../fixtures/search/library';

/** A made-up word per number: eight letters drawn from the number, so no two are one typo apart. */
function word(n: number): string {
  let x = (n + 1) * 2654435761;
  let out = '';
  for (let i = 0; i < 8; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + i) >>> 0;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

const COMMON = ['harbour', 'council', 'budget', 'railway', 'school', 'flood', 'election', 'hospital'];

/** Article `i`: common words shared by many, a few words shared with neighbours, and words of its own. */
function article(i: number, edit = 0): Article {
  const shared = [COMMON[i % COMMON.length], COMMON[(i * 3 + 1) % COMMON.length], word(1000 + (i % 40)), word(1000 + ((i + 7) % 40))];
  const own = Array.from({ length: 12 }, (_, j) => word(i * 12 + j + edit * 7919));
  return makeArticle({
    id: `a${i}`,
    title: `${shared[0]} ${own[0]} report ${edit ? 'updated' : ''}`,
    paragraphs: [`${shared.join(' ')} ${own.slice(0, 6).join(' ')}.`, `${own.slice(6).join(' ')} ${shared[1]} ${shared[2]}.`],
    quotes: [{ speaker: `Speaker ${word(i % 9)}`, text: `${shared[0]} ${own[1]} ${shared[3]} matters`, paragraph: 1 }],
  });
}

const QUERIES = [
  'harbour',
  'council budget',
  'railway flood school',
  'election hospital',
  word(1003),
  `${word(1010)} harbour`,
  word(25),
  `${word(40)} ${word(1021)}`,
];

function scores(hits: { articleId: string; score: number; index?: number }[]): Map<string, number> {
  return new Map(hits.map((h) => [`${h.articleId}#${h.index ?? ''}`, h.score]));
}

function expectSameResults(actual: SearchIndex, fresh: SearchIndex): void {
  for (const q of QUERIES) {
    const got = scores(actual.search(q, { limit: 100 }));
    const want = scores(fresh.search(q, { limit: 100 }));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [id, score] of want) expect([q, id, got.get(id)]).toEqual([q, id, expect.closeTo(score, 9)]);
    const gotQuotes = scores(actual.quoteRefs({ query: q, limit: 100 }));
    const wantQuotes = scores(fresh.quoteRefs({ query: q, limit: 100 }));
    expect([...gotQuotes.keys()].sort()).toEqual([...wantQuotes.keys()].sort());
    for (const [id, score] of wantQuotes) expect(gotQuotes.get(id)).toBeCloseTo(score, 9);
  }
}

describe('removing and replacing articles', () => {
  it('leaves the same hits and scores as a fresh build over what remains', () => {
    const all = Array.from({ length: 120 }, (_, i) => article(i));
    const index = SearchIndex.build(all);
    const removed = new Set([3, 10, 11, 40, 41, 42, 77, 119]);
    const edited = new Set([5, 20, 60, 90]);
    for (const i of removed) index.remove(`a${i}`);
    for (const i of edited) index.add(article(i, 1));
    // Searching between changes brings some counts up to date early; later removals must still be counted.
    index.search('harbour council');
    index.remove('a12');
    removed.add(12);
    const remaining = all.map((a, i) => (edited.has(i) ? article(i, 1) : a)).filter((_, i) => !removed.has(i));
    expectSameResults(index, SearchIndex.build(remaining));
  });

  it('keeps matching a fresh build through a snapshot taken after removals', () => {
    const all = Array.from({ length: 60 }, (_, i) => article(i));
    const index = SearchIndex.build(all);
    for (const i of [1, 2, 30]) index.remove(`a${i}`);
    index.add(article(7, 2));
    const remaining = all.map((a, i) => (i === 7 ? article(7, 2) : a)).filter((_, i) => ![1, 2, 30].includes(i));
    expectSameResults(SearchIndex.fromBinary(index.toBinary(), remaining), SearchIndex.build(remaining));
  });

  describe('cost: only the removed article is looked at, not the whole vocabulary', () => {
    const spies: jest.SpyInstance[] = [];
    /** Every way of asking a posting list about a term. */
    const probes = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
    beforeEach(() => {
      for (const m of ['has', 'forEach', 'count', 'visitSome', 'range', 'tailOf', 'extremes'] as const) spies.push(jest.spyOn(Postings.prototype, m));
    });
    afterEach(() => {
      for (const s of spies.splice(0)) s.mockRestore();
    });

    // 400 articles with 12 words of their own: a vocabulary of about 5,000 terms, an article of about 20.
    const big = () => SearchIndex.build(Array.from({ length: 400 }, (_, i) => article(i)));

    it('removes an article (and its quotes) with a handful of posting-list probes', () => {
      const index = big();
      spies.forEach((s) => s.mockClear());
      index.remove('a200');
      expect(probes()).toBeLessThanOrEqual(20);
      expect(index.search(word(200 * 12 + 3))).toEqual([]);
    });

    it('replaces an article with probes bounded by its own terms', () => {
      const index = big();
      spies.forEach((s) => s.mockClear());
      index.add(article(201, 1));
      expect(probes()).toBeLessThanOrEqual(40);
      expect(index.search(word(201 * 12 + 3))).toEqual([]);
      expect(index.search(word(201 * 12 + 3 + 7919))[0].articleId).toBe('a201');
    });

    it('catches up 100 removals without reading every term', () => {
      const index = big();
      spies.forEach((s) => s.mockClear());
      for (let i = 0; i < 100; i++) index.remove(`a${i * 4}`);
      expect(probes()).toBeLessThanOrEqual(100 * 20);
      expect(index.search('harbour', { limit: 100 }).every((h) => Number(h.articleId.slice(1)) % 4 !== 0)).toBe(true);
    });
  });
});
