import fc from 'fast-check';
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

describe('unglueSentences on any text', () => {
  /** The first version, reading one-character strings: the specification of the code-unit scan. */
  function byCharacters(text: string): string {
    const lower = (ch: string | undefined) => ch !== undefined && ch >= 'a' && ch <= 'z';
    const lowerOrDigit = (ch: string | undefined) => lower(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
    const upper = (ch: string | undefined) => ch !== undefined && ch >= 'A' && ch <= 'Z';
    let out = '';
    let from = 0;
    let straightOpen = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        straightOpen = !straightOpen;
        continue;
      }
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      const last = text[i - 1];
      if (!(lowerOrDigit(last) || last === '%' || last === ')') || !lowerOrDigit(text[i - 2])) continue;
      const next = text[i + 1];
      const after = text[i + 2];
      let cut = -1;
      if (upper(next) && lower(after)) cut = i + 1;
      else if (next === '”' && upper(after)) cut = i + 2;
      else if (next === '“' && upper(after)) cut = i + 1;
      else if (next === '"' && upper(after)) cut = straightOpen ? i + 2 : i + 1;
      if (cut === -1) continue;
      out += `${text.slice(from, cut)} `;
      from = cut;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  it('gives what the character-by-character reading gives', () => {
    const piece = fc.constantFrom('a', 'z', 'A', 'Z', '0', '9', '.', '!', '?', '"', '“', '”', '%', ')', ' ', 'é', '\ud83d\ude00', 'x.Y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (xs) => {
        const text = xs.join('');
        expect(unglueSentences(text)).toBe(byCharacters(text));
      }),
      { numRuns: 3000 },
    );
  });
});
