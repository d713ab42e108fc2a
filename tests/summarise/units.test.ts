// The units a summary is made of are whole single sentences, however the text was glued together.
import { sentenceUnits } from '../../src/briefings/summarise/units';

describe('sentenceUnits: single sentences out of glued text', () => {
  it('leaves an ordinary sentence whole, abbreviations and decimals included', () => {
    const sentence = 'U.S. officials said the 3.5% rise surprised J.P. Morgan analysts.';
    expect(sentenceUnits(sentence)).toEqual([sentence]);
  });

  it('splits sentences glued after a lower-case word', () => {
    expect(sentenceUnits('Talks ended on Monday.The minister flew home.')).toEqual(['Talks ended on Monday.', 'The minister flew home.']);
  });

  it('splits a sentence ending in an acronym from the next one', () => {
    expect(sentenceUnits('Profits fell because of fewer users for AOL.Time Warner said on Friday it owns 8% of Google.')).toEqual([
      'Profits fell because of fewer users for AOL.',
      'Time Warner said on Friday it owns 8% of Google.',
    ]);
  });

  it('splits a live-blog time stamp from the sentence it was glued to', () => {
    const units = sentenceUnits('Trains were cancelled after heavy rain.05:31 EST Network Rail said lines would reopen.');
    expect(units[0]).toBe('Trains were cancelled after heavy rain.');
    expect(units.length).toBeGreaterThan(1);
  });
});
