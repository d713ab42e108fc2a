import fc from 'fast-check';
import { summarise } from '../../src/briefings/summarise';
import { summariseWith } from '../../src/briefings/summarise/select';
import type { Sentence } from '../../src/briefings/types';
import { makeArticle } from './make-article';

const word = fc.oneof(
  fc.constantFrom('the', 'minister', 'said', 'Moscow', 'plan', 'peace', '"', '“', '”', 'By', 'Updated', '(AFP)', 'U.S.', '3.5', '—', '', '?'),
  fc.string({ maxLength: 8 }),
);
const sentenceText = fc.array(word, { maxLength: 25 }).map((w) => w.join(' ') + '.');
const paragraph = fc.array(sentenceText, { maxLength: 6 }).map((s) => s.join(' '));

/** Articles as the library builds them: split paragraphs, optional standfirst and title. */
const article = fc
  .record({
    title: fc.oneof(fc.constant(''), sentenceText),
    standfirst: fc.oneof(fc.constant(null), sentenceText, fc.constant('')),
    paragraphs: fc.array(paragraph, { maxLength: 12 }),
  })
  .map((a) => makeArticle(a.title, a.paragraphs, a.standfirst));

/** Sentence lists that need not agree with the paragraphs at all (hand-made JSON, bugs upstream). */
const looseArticle = fc.record({
  title: fc.string(),
  standfirst: fc.option(fc.string()),
  paragraphs: fc.array(fc.string(), { maxLength: 5 }),
  sentences: fc.array(fc.record({ text: fc.string({ maxLength: 200 }), paragraph: fc.integer({ min: -2, max: 10 }), index: fc.nat() }), {
    maxLength: 30,
  }),
});

const count = fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constantFrom(Number.NaN, 2.5, Number.POSITIVE_INFINITY));

describe('summarise: properties over random articles', () => {
  it("never throws, and every summary sentence is the standfirst or comes from one of the article's sentences", () => {
    fc.assert(
      fc.property(article, count, (a, n) => {
        const summary = summariseWith(a, n); // the unguarded core: it must not throw either
        // A sentence may lose a wire dateline or be split where the splitter missed a glued boundary.
        for (const s of summary) expect(s === (a.standfirst ?? '').trim() || a.sentences.some((x) => x.text.includes(s))).toBe(true);
        expect(summary.length).toBeLessThanOrEqual(Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
        expect(new Set(summary).size).toBe(summary.length);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps article order, with a usable standfirst first', () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 6 }), (a, n) => {
        const summary = summariseWith(a, n);
        const body = a.sentences
          .filter((s) => s.paragraph >= 0 || !a.standfirst?.trim())
          .map((s) => s.text.trim())
          .join('\n');
        const rest = a.standfirst?.trim() && summary[0] === a.standfirst.trim() ? summary.slice(1) : summary;
        // Each sentence is found after the one before it.
        let from = 0;
        for (const s of rest) {
          const at = body.indexOf(s, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + s.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on sentence lists that disagree with the paragraphs, or on malformed input', () => {
    fc.assert(
      fc.property(looseArticle, count, (a, n) => {
        const summary = summariseWith(a as { title: string; standfirst: string | null; paragraphs: string[]; sentences: Sentence[] }, n);
        for (const s of summary) expect(s === (a.standfirst ?? '').trim() || a.sentences.some((x) => x.text.includes(s))).toBe(true);
      }),
      { numRuns: 300 },
    );
    const broken = [null, undefined, {}, { sentences: null }, { title: 5, sentences: [null, { text: 7 }] }];
    for (const input of broken) {
      expect(() => summariseWith(input as never, 3)).not.toThrow();
      expect(summarise(input as never, 3)).toEqual([]);
    }
  });
});
