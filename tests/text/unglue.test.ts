import { unglueSentences } from '../../src/briefings/text/unglue';
import { splitSentences } from '../../src/briefings/text/sentences';

describe('unglueSentences', () => {
  it.each([
    ['settled on Monday.The trial began.', 'settled on Monday. The trial began.'],
    ['a grim story."The decision was made."', 'a grim story. "The decision was made."'],
    ['He said "it is over."The crowd left.', 'He said "it is over." The crowd left.'],
    ['it was “shocking.”Meta denied it.', 'it was “shocking.” Meta denied it.'],
    ['shares rose 5%.Analysts cheered.', 'shares rose 5%. Analysts cheered.'],
    ['a deal would follow.“We are ready,” he said.', 'a deal would follow. “We are ready,” he said.'],
  ])('restores the space in %s', (glued, fixed) => {
    expect(unglueSentences(glued)).toBe(fixed);
  });

  it.each([['The U.S.The'], ['It grew 3.5Bn'], ['See e.g.The list'], ['Visit example.com today.'], ['ASP.NET and Node.js']])(
    'leaves %s alone',
    (text) => {
      expect(unglueSentences(text)).toBe(text);
    },
  );

  it('lets the splitter find the glued boundary', () => {
    expect(splitSentences(unglueSentences('The stock surged 713% in 2024.It now trades higher.'))).toEqual([
      'The stock surged 713% in 2024.',
      'It now trades higher.',
    ]);
    expect(splitSentences(unglueSentences('The stock surged this year.It now trades higher.'))).toEqual([
      'The stock surged this year.',
      'It now trades higher.',
    ]);
  });
});
