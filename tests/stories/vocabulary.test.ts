// Story words are the search index's words, stemmed: the one-pass cutter must agree with forEachTerm on
// any text, and a site's furniture is recognised through case and punctuation variants.
import fc from 'fast-check';
import { forEachTerm } from '../../src/briefings/search/tokenize';
import { paragraphKey } from '../../src/briefings/stories/furniture';
import { stem } from '../../src/briefings/stories/text';
import { StoryVocabulary } from '../../src/briefings/stories/vocabulary';

function expected(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => {
    if (out.length < limit) out.push(stem(t));
  });
  return out;
}

const words = (v: StoryVocabulary, text: string, limit?: number): string[] => Array.from(v.idsOf(text, limit), (id) => v.words[id]);

describe('story vocabulary', () => {
  it('cuts the same stemmed words as the search tokenizer, stopwords and lengths included (property)', () => {
    const vocab = new StoryVocabulary();
    const piece = fc.constantFrom('Rates', 'rate', 'the', 'José', 'Zelensky’s', 'a', 'PS5', '𝐀𝐁', 'x'.repeat(33), '中文', '—', ' ', '\n', "it's");
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(piece, { maxLength: 30 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, limit) => {
        expect(words(vocab, t)).toEqual(expected(t));
        expect(words(vocab, t, limit)).toEqual(expected(t, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a word the same id every time, and "rates" and "rate" one id', () => {
    const vocab = new StoryVocabulary();
    const [a] = vocab.idsOf('Rates');
    expect(vocab.idsOf('rate rates RATES')).toEqual(Int32Array.from([a, a, a]));
  });
});

describe('furniture paragraph keys', () => {
  const dek = 'Every weekday the Investing Club releases the Homestretch; an actionable afternoon update.';

  it('meets the same paragraph through case, punctuation and spacing variants', () => {
    expect(paragraphKey('EVERY weekday, the Investing Club releases the Homestretch — an actionable afternoon update')).toBe(paragraphKey(dek));
  });

  it('tells different paragraphs apart, and has no key for long paragraphs or ones without words', () => {
    expect(paragraphKey(dek.replace('afternoon', 'morning'))).not.toBe(paragraphKey(dek));
    expect(paragraphKey('word '.repeat(100))).toBe(0);
    expect(paragraphKey(' — … ')).toBe(0);
    expect(paragraphKey(dek)).not.toBe(0);
  });

  it('decides on the first 160 characters only (a long credit line with a changing tail is still furniture)', () => {
    const head = 'x'.repeat(170);
    expect(paragraphKey(`${head} one`)).toBe(paragraphKey(`${head} two`));
  });
});
