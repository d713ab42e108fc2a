// What the analysis workers store for an article: the content hash and the article's fields must stay exactly
// what they were when they were computed the long way, or every stored article would look changed (and be
// analysed again) after an upgrade.
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { articleHash, analyseRaw } from '../../src/briefings/analyse-file';
import { analyseArticle, withoutSentences } from '../../src/briefings/analyse';
import type { RawArticle } from '../../src/briefings/types';

/** The hash as first written: one update per part and one per NUL after it. */
function hashPartByPart(raw: RawArticle): string {
  const h = crypto.createHash('sha256');
  for (const part of [raw.title, raw.date ?? '', raw.standfirst ?? '', raw.dateline ?? '', ...raw.headings, ...raw.paragraphs]) {
    h.update(part).update('\u0000');
  }
  h.update(JSON.stringify([raw.url ?? null, raw.tags ?? null, raw.providedSummary ?? null, raw.headingPositions ?? null]));
  return h.digest('hex').slice(0, 32);
}

// Lone surrogates, NULs and non-ASCII letters: where encoding part by part could differ from encoding the whole.
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\ud800', '\udc00', '\u0000', 'Zoë said “yes”'),
);
const rawArticle: fc.Arbitrary<RawArticle> = fc.record({
  title: text,
  date: fc.option(text),
  dateApproximate: fc.boolean(),
  standfirst: fc.option(text),
  dateline: fc.option(text),
  headings: fc.array(text, { maxLength: 3 }),
  paragraphs: fc.array(text, { maxLength: 6 }),
  source: fc.constant('a.md'),
});

describe('the stored form of an article', () => {
  it('hashes to what one update per part gives, on any text', () => {
    fc.assert(
      fc.property(rawArticle, (raw) => {
        expect(articleHash(raw)).toBe(hashPartByPart(raw));
      }),
      { numRuns: 500 },
    );
  });

  it('has the fields, in the order, that the lazy-sentences article gives without its sentences', () => {
    const raw: RawArticle = {
      title: 'Council agrees budget',
      date: '2019-11-20T06:35:39.000Z',
      dateApproximate: false,
      standfirst: null,
      dateline: null,
      headings: [],
      paragraphs: ['“We have done what we were elected to do,” said the council leader, Maria Lopez.', 'Lopez said the vote was close.'],
      source: 'a.md',
      tags: ['council'],
    };
    const { id: _id, ...expected } = withoutSentences(analyseArticle(raw, ''));
    const stored = analyseRaw(raw);
    expect(JSON.stringify(stored)).toBe(JSON.stringify({ ...expected, slug: 'council-agrees-budget', contentHash: hashPartByPart(raw) }));
    expect(stored.quotes.length).toBe(1);
  });
});
