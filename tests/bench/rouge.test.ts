import fc from 'fast-check';
import { rouge, rougeL, rougeN, rougeStem, rougeTokens } from '../../bench/rouge';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- stemmer (v1, CommonJS) ships no types
const porter: (word: string) => string = require('stemmer');

describe('rougeTokens (ROUGE-1.5.5 -m tokenisation)', () => {
  it('lower-cases and keeps only a-z0-9 runs, so punctuation and non-ASCII letters split words', () => {
    expect(rougeTokens('U.S.-led talks, in Café Zürich!', { stem: false })).toEqual(['u', 's', 'led', 'talks', 'in', 'caf', 'z', 'rich']);
  });

  it('stems only tokens longer than three characters', () => {
    expect(rougeTokens('The cats were running; dogs ran, ties')).toEqual(['the', 'cat', 'were', 'run', 'dog', 'ran', 'ti']);
    expect(rougeTokens('was has its')).toEqual(['was', 'has', 'its']);
  });

  it('returns no tokens for text without letters or digits', () => {
    expect(rougeTokens('')).toEqual([]);
    expect(rougeTokens(' -- … “ ” ')).toEqual([]);
  });
});

describe('rougeStem (the Porter variant shipped in ROUGE-1.5.5)', () => {
  const standard = [
    'caresses',
    'ponies',
    'caress',
    'cats',
    'feed',
    'agreed',
    'plastered',
    'motoring',
    'sing',
    'conflated',
    'troubled',
    'sized',
    'hopping',
    'falling',
    'hissing',
    'filing',
    'happy',
    'relational',
    'conditional',
    'digitizer',
    'vietnamization',
    'operator',
    'feudalism',
    'decisiveness',
    'hopefulness',
    'callousness',
    'formaliti',
    'sensibiliti',
    'triplicate',
    'formative',
    'formalize',
    'electrical',
    'goodness',
    'revival',
    'allowance',
    'inference',
    'airliner',
    'adjustable',
    'defensible',
    'irritant',
    'adjustment',
    'dependent',
    'adoption',
    'communism',
    'activate',
    'effective',
    'bowdlerize',
    'probate',
    'controlling',
    'government',
    'development',
    'running',
    'generously',
    'yelling',
    'youthful',
  ];

  it.each(standard)('stems "%s" as Porter\'s original algorithm does', (word) => {
    expect(rougeStem(word)).toBe(porter(word));
  });

  it('keeps 1.5.5\'s step-4 change: after "-ement" fails, "-ment" and "-ent" are still tried', () => {
    expect(rougeStem('agreement')).toBe('agreem');
    expect(porter('agreement')).toBe('agreement');
    expect(rougeStem('settlements')).toBe('settlem');
  });

  it('leaves words of one or two letters alone', () => {
    expect(rougeStem('is')).toBe('is');
  });
});

describe('ROUGE-N', () => {
  it('scores "The cats were running." against "the cat ran" at R1 F 57.1, as ROUGE-1.5.5 -m does', () => {
    const r1 = rougeN('The cats were running.', 'the cat ran', 1);
    expect(r1.precision).toBeCloseTo(2 / 4, 10);
    expect(r1.recall).toBeCloseTo(2 / 3, 10);
    expect(r1.f).toBeCloseTo(0.5714, 4);
  });

  it('counts ROUGE-2 from shared bigrams: "the cat sat on the mat" vs "the cat lay on the mat" is 3 of 5', () => {
    const r2 = rougeN('the cat sat on the mat', 'the cat lay on the mat', 2);
    expect(r2.precision).toBeCloseTo(0.6, 10);
    expect(r2.recall).toBeCloseTo(0.6, 10);
    expect(r2.f).toBeCloseTo(0.6, 10);
  });

  it('clips each n-gram at its count in the reference', () => {
    const r1 = rougeN('the the the the', 'the cat', 1);
    expect(r1.precision).toBeCloseTo(1 / 4, 10);
    expect(r1.recall).toBeCloseTo(1 / 2, 10);
    expect(r1.f).toBeCloseTo(1 / 3, 10);
  });

  it('forms bigrams across sentence breaks, as 1.5.5 joins the summary before counting', () => {
    expect(rougeN(['Police arrested', 'a man.'], 'police arrested a man', 2).f).toBeCloseTo(1, 10);
  });

  it('matches stemmed forms of ROUGE-2 bigrams: "markets rallied" and "market rallies" agree', () => {
    // rallied -> ralli, rallies -> ralli; markets -> market
    expect(rougeN('markets rallied', 'market rallies', 2).f).toBeCloseTo(1, 10);
    expect(rougeN('markets rallied', 'market rallies', 2, { stem: false }).f).toBe(0);
  });

  it('gives zeros, not NaN, for empty summaries', () => {
    expect(rougeN('', 'something here', 1)).toEqual({ precision: 0, recall: 0, f: 0 });
    expect(rougeN('something', '', 2)).toEqual({ precision: 0, recall: 0, f: 0 });
  });
});

describe('ROUGE-L (summary level)', () => {
  it("takes the union of each reference sentence's LCS with every candidate sentence (Lin 2004 example)", () => {
    // r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5
    // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5, union = w1 w2 w3 w5: 4 hits.
    const score = rougeL(['w1 w2 w6 w7 w8', 'w1 w3 w8 w9 w5'], ['w1 w2 w3 w4 w5']);
    expect(score.recall).toBeCloseTo(4 / 5, 10);
    expect(score.precision).toBeCloseTo(4 / 10, 10);
    expect(score.f).toBeCloseTo((2 * 0.8 * 0.4) / 1.2, 10);
  });

  it('spends a token only once across reference sentences (1.5.5 unigram clipping)', () => {
    // Both reference sentences want "a1", but the candidate holds it once: 3 hits, not 4.
    const score = rougeL(['a1 b1 c1'], ['a1 b1', 'a1 c1']);
    expect(score.recall).toBeCloseTo(3 / 4, 10);
    expect(score.precision).toBeCloseTo(3 / 3, 10);
  });

  it('ignores the order of sentences in the summary', () => {
    const ref = ['the minister resigned on friday', 'markets fell sharply'];
    expect(rougeL(['markets fell', 'the minister resigned'], ref).f).toBeCloseTo(rougeL(['the minister resigned', 'markets fell'], ref).f, 10);
  });

  it('is 1 for identical summaries and 0 for summaries with no word in common', () => {
    expect(rougeL(['One sentence here.', 'And another.'], ['One sentence here.', 'And another.']).f).toBeCloseTo(1, 10);
    expect(rougeL(['alpha beta'], ['gamma delta']).f).toBe(0);
  });

  it('never exceeds ROUGE-1 on the same pair (property)', () => {
    const word = fc.constantFrom('the', 'cat', 'sat', 'on', 'mat', 'dog', 'ran', 'home', 'a', 'big');
    const sentence = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 4 }), fc.array(sentence, { maxLength: 4 }), (cand, ref) => {
        const r = rouge(cand, ref);
        expect(r.rougeL.f).toBeLessThanOrEqual(r.rouge1.f + 1e-12);
        for (const s of [r.rouge1, r.rouge2, r.rougeL]) {
          expect(s.f).toBeGreaterThanOrEqual(0);
          expect(s.f).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluation inputs (bench/rouge.eval.ts)', () => {
  // Imported lazily: the module only reads corpora when run as a script.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, so the script's module loads only here
  const { parseCsv, splitGluedSummary } = require('../../bench/rouge.eval') as typeof import('../../bench/rouge.eval');

  it('splits BBC reference summaries where sentences were glued together without a space', () => {
    expect(
      splitGluedSummary('Sales rose 2% to $11.1bn from $10.9bn.For the full-year, profit rose.He said "it is fine."The U.S. firm agreed.'),
    ).toEqual(['Sales rose 2% to $11.1bn from $10.9bn.', 'For the full-year, profit rose.', 'He said "it is fine."', 'The U.S. firm agreed.']);
  });

  it('reads RFC 4180 CSV with quoted commas, doubled quotes and newlines inside fields', () => {
    expect(parseCsv('article,highlights,id\n"He said ""no"", then left.","Line one .\nLine two .",abc\n')).toEqual([
      ['article', 'highlights', 'id'],
      ['He said "no", then left.', 'Line one .\nLine two .', 'abc'],
    ]);
  });
});
