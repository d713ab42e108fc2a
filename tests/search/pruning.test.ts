import fc from 'fast-check';
import { ArticleIndex } from '../../src/briefings/search/article-index';
import { Expander } from '../../src/briefings/search/expand';
import type { Ranked } from '../../src/briefings/search/rank';
import { Vocabulary } from '../../src/briefings/search/vocabulary';
import type { Article } from '../../src/briefings/types';
import { makeArticle } from '../fixtures/search/library';
import { seeded as rng } from '../helpers/seeded';

// Words with look-alikes and completions of each other, so query words widen into several terms (as typos and
// unfinished last words do), drawn most often from the front: a few words are in most articles, most in few.
const WORDS = [
  'one',
  'first',
  'record',
  'day',
  'now',
  'many',
  'says',
  'new',
  'records',
  'recorded',
  'recording',
  'days',
  'fist',
  'fists',
  'once',
  'speech',
  'specs',
  'nowhere',
  'daylight',
  'budget',
  'budgets',
  'harbour',
  'council',
  'flood',
  'floods',
  'school',
  'schools',
  'election',
  'elections',
  'hospital',
  'railway',
  'conspiracy',
  'lawsuit',
  'billion',
  'bill',
  'bills',
  'spark',
  'muse',
  'used',
  'uses',
  'benjamin',
  'garland',
  'maryland',
  'tories',
  'bluff',
];

const pick = (r: () => number) => WORDS[Math.floor(WORDS.length * r() ** 2.5)];
const words = (r: () => number, n: number) => Array.from({ length: n }, () => pick(r)).join(' ');

function article(r: () => number, id: string): Article {
  const paragraphs = Array.from({ length: 1 + Math.floor(r() * 4) }, () => `${words(r, 2 + Math.floor(r() * 40))}.`);
  return makeArticle({ id, title: words(r, 1 + Math.floor(r() * 7)), paragraphs });
}

/** A query of one to four words: some misspelt (a letter dropped), the last one sometimes unfinished. */
function query(r: () => number): string {
  const out = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
    const w = pick(r);
    if (w.length < 5 || r() < 0.7) return w;
    const at = 1 + Math.floor(r() * (w.length - 1));
    return w.slice(0, at) + w.slice(at + 1);
  });
  const last = out.length - 1;
  if (r() < 0.3 && out[last].length > 3) out[last] = out[last].slice(0, out[last].length - 1);
  return out.join(' ');
}

/** Hits as comparable rows: scores to 9 decimals; the order of equal scores is by article number either way. */
const rows = (ranked: Ranked) => ranked.hits.map((h) => `${h.doc} ${h.score.toFixed(9)}`);

describe('pruned ranking (max-score over body and title bounds) equals scoring every match', () => {
  it('gives the same top k, with the same scores, on random small indexes, before and after changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 150 }), (seed, size) => {
        const r = rng(seed);
        const vocab = new Vocabulary();
        const index = ArticleIndex.build(
          Array.from({ length: size }, (_, i) => article(r, `a${i}`)),
          vocab,
          new Expander(vocab),
        );
        const compare = () => {
          for (let q = 0; q < 12; q++) {
            const text = query(r);
            for (const k of [1, 3, 10])
              expect({ text, k, hits: rows(index.query(text, k)) }).toEqual({ text, k, hits: rows(index.query(text, k, true)) });
          }
        };
        compare();
        // Removed articles stay in the lists until compaction; added ones go to the lists' tails.
        for (let i = 0; i < size; i += 3) index.remove(`a${i}`);
        for (let i = 0; i < size / 2; i++) index.add(article(r, `b${i}`));
        compare();
      }),
      { numRuns: 60 },
    );
  });

  it('prunes: a query of common words scores fewer articles than match it', () => {
    const r = rng(7);
    const vocab = new Vocabulary();
    const index = ArticleIndex.build(
      Array.from({ length: 400 }, (_, i) => article(r, `a${i}`)),
      vocab,
      new Expander(vocab),
    );
    const pruned = index.query('speech one first', 3);
    const every = index.query('speech one first', 3, true);
    expect(rows(pruned)).toEqual(rows(every));
    expect(pruned.total).toBeLessThan(every.total);
  });
});
