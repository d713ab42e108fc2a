// The quote finder's tokens: words keep inner apostrophes, hyphens, ampersands and periods; a final
// period stays only on an abbreviation or an initial; every other visible character is a token of its own.
import { tokenize } from '../../src/briefings/text/names';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps joiners inside words and splits punctuation off', () => {
    expect(texts('Trump’s son-in-law, AT&T and U.S.-led talks.')).toEqual([
      'Trump’s',
      'son-in-law',
      ',',
      'AT&T',
      'and',
      'U.S.',
      '-',
      'led',
      'talks',
      '.',
    ]);
  });

  it('keeps the period of an abbreviation, an initial or a dotted word, and drops it elsewhere', () => {
    expect(texts('Sen. John F. Kennedy said yes. The U.S. left.')).toEqual([
      'Sen.',
      'John',
      'F.',
      'Kennedy',
      'said',
      'yes',
      '.',
      'The',
      'U.S.',
      'left',
      '.',
    ]);
  });

  it('does not join across a joiner with no letter after it', () => {
    expect(texts("the Ukrainians' plan - and 'em")).toEqual(['the', 'Ukrainians', "'", 'plan', '-', 'and', "'", 'em']);
  });

  it('reads letters beyond ASCII and beyond the BMP as letters, and every kind of space as space', () => {
    expect(texts('Émile\u00a0Zola\u2028said 𝐀𝐁c 😀!')).toEqual(['Émile', 'Zola', 'said', '𝐀𝐁c', '😀', '!']);
  });

  it('gives offsets into the text, shifted by the offset asked for', () => {
    expect(tokenize('“Go,” 𝐀x said.', 10)).toEqual([
      { text: '“', start: 10, end: 11 },
      { text: 'Go', start: 11, end: 13 },
      { text: ',', start: 13, end: 14 },
      { text: '”', start: 14, end: 15 },
      { text: '𝐀x', start: 16, end: 19 },
      { text: 'said', start: 20, end: 24 },
      { text: '.', start: 24, end: 25 },
    ]);
  });
});
