import fc from 'fast-check';
import { ELLIPSIS, neutraliseMentions, packSentences, safeMarkdown, safePlain, splitWords, truncateWords } from '../../src/discord/render/text';
import { MENTION } from '../fixtures/discord/checks';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('safe text', () => {
  it('breaks @everyone, @here, user, role and channel mentions', () => {
    const out = safeMarkdown('Hi @everyone, @here, <@123>, <@!456>, <@&789> and <#42>');
    expect(out).not.toMatch(MENTION);
    expect(out).toContain('everyone');
  });

  it('escapes markdown so article text shows literally', () => {
    expect(safeMarkdown('*bold* _it_ `code` ~~s~~ ||spoiler|| [a](http://x)')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\[a](http://x)',
    );
    expect(safeMarkdown('# Heading')).toBe('\\# Heading');
    expect(safeMarkdown('- item')).toBe('\\- item');
  });

  it('plain text (footers, labels) folds whitespace and neutralises mentions without escaping', () => {
    expect(safePlain('a\n\n*b*  @everyone')).toBe('a *b* @\u200beveryone');
  });

  it('never leaves a mention in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('@', 'everyone', 'here', '<', '>', '#', '&', '!', '1', '2', ' ', '\\', '*') }), (s) => {
        expect(neutraliseMentions(s)).not.toMatch(MENTION);
        expect(safeMarkdown(s)).not.toMatch(MENTION);
        expect(safePlain(s)).not.toMatch(MENTION);
      }),
    );
  });
});

describe('truncateWords', () => {
  it('leaves short text alone', () => {
    expect(truncateWords('short text', 20)).toBe('short text');
  });

  it('cuts at a word boundary and marks the cut with an ellipsis', () => {
    expect(truncateWords('hello wonderful world', 12)).toBe(`hello${ELLIPSIS}`);
  });

  it('cuts inside a word only when one word is longer than the budget', () => {
    expect(truncateWords('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}${ELLIPSIS}`);
  });

  it('does not split a surrogate pair or leave a dangling escape', () => {
    expect(truncateWords('😀'.repeat(10), 6)).toBe(`😀😀${ELLIPSIS}`);
    expect(truncateWords('ab\\*cd\\*ef', 4)).toBe(`ab${ELLIPSIS}`);
  });

  it('always fits and keeps only whole words when the text has spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 14, max: 200 }), (ws, max) => {
        const text = ws.join(' ');
        const out = truncateWords(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        const kept = words(out.replace(ELLIPSIS, ''));
        expect(kept).toEqual(ws.slice(0, kept.length));
      }),
    );
  });
});

describe('splitting long text', () => {
  it('packs sentences up to the limit and breaks only between them', () => {
    expect(packSentences([['One.', 'Two two.', 'Three.']], 14)).toEqual(['One. Two two.', 'Three.']);
  });

  it('separates paragraphs with a blank line', () => {
    expect(packSentences([['A.'], ['B.']], 100)).toEqual(['A.\n\nB.']);
  });

  it('splits one over-long sentence between words, each piece but the last ending in an ellipsis', () => {
    expect(splitWords('aaa bbb ccc ddd eee', 8)).toEqual([`aaa bbb${ELLIPSIS}`, `ccc ddd${ELLIPSIS}`, 'eee']);
  });

  it('keeps every word, in order, whole, within the limit (random sentences)', () => {
    const sentence = fc.array(fc.stringMatching(/^[A-Za-z0-9']{1,15}$/), { minLength: 1, maxLength: 30 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(
        fc.array(fc.array(sentence, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 20, max: 400 }),
        (paras, max) => {
          const chunks = packSentences(paras, max);
          for (const c of chunks) expect(c.length).toBeLessThanOrEqual(max);
          const rebuilt = chunks.flatMap((c) => words(c.replace(new RegExp(ELLIPSIS, 'g'), '')));
          expect(rebuilt).toEqual(paras.flat().flatMap(words));
          // A chunk that does not end a sentence ends with the ellipsis.
          for (const c of chunks) expect(/[.…]$/.test(c)).toBe(true);
        },
      ),
    );
  });
});
