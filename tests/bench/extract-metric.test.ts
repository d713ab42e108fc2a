// The article-extraction benchmark's metric, checked against what its evaluate.py computes by hand.
import { pageF1, scoresOf, shingleMatch } from '../../bench/extract-metric';

describe('the extraction metric (4-word shingles, per-page normalised, averaged over pages)', () => {
  it('scores an exact extraction 1 and ignores punctuation and spacing between words', () => {
    const gold = 'The cat sat on the mat.\n\nThen it slept all day.';
    const c = shingleMatch(gold, 'The cat sat on the mat. Then it slept   all day!');
    expect(c).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(pageF1(c)).toBe(1);
  });

  it('counts shingles as a multiset and normalises tp, fp and fn to sum to one', () => {
    // gold: a b c d e → shingles abcd, bcde. predicted: a b c d x → abcd, bcdx.
    expect(shingleMatch('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    // A repeated passage is a false positive the second time.
    expect(shingleMatch('w x y z', 'w x y z w x y z')).toEqual({ tp: 1 / 5, fp: 4 / 5, fn: 0 });
  });

  it('keeps case, as evaluate.py does (its IGNORECASE flag does not lower-case tokens), unless asked', () => {
    expect(shingleMatch('One two three four', 'one two three four').tp).toBe(0);
    expect(shingleMatch('One two three four', 'one two three four', true).tp).toBe(1);
  });

  it('takes a text shorter than four words as one short shingle, and Unicode letters as word characters', () => {
    expect(shingleMatch('Hello world', 'Hello world')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleMatch('모스크바 회담 결렬 소식', '모스크바 회담 결렬 소식').tp).toBe(1);
  });

  it('leaves a page with an empty extraction out of the precision average but counts it in recall', () => {
    const pages = [shingleMatch('a b c d e', 'a b c d e'), shingleMatch('a b c d e', '')];
    expect(scoresOf(pages)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
  });
});
