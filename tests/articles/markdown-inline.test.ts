// stripInline skips each rewrite whose mark the text lacks; it must read exactly as running every rewrite.
import fc from 'fast-check';
import { stripInline } from '../../src/briefings/articles/markdown';

/** Every rewrite, every time: the reading the guarded one must match. */
function everyRewrite(s: string): string {
  const escaped = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~"'])/g, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  return escaped
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, ' ')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(?:https?:\/\/|mailto:)[^>]*>/g, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

// Marks, and pieces whose removal joins marks ("~[](u)~" becomes "~~").
const piece = fc.constantFrom(
  '[',
  ']',
  '(',
  ')',
  '!',
  '*',
  '_',
  '~',
  '`',
  '<',
  '>',
  '\\',
  ' ',
  'a',
  'word',
  '[](u)',
  '![i](p.png)',
  '<b>',
  '<https://x.y>',
  '**',
  '~~',
  '\ue02a',
  '\ue100',
  'x_y',
);
const markdownish = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

describe('stripInline', () => {
  it('reads any text as running every rewrite would', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 60 })), (s) => {
        expect(stripInline(s)).toBe(everyRewrite(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('strikes text whose marks meet only once a link between them is gone', () => {
    expect(stripInline('~[](a)~struck~[](b)~')).toBe('struck');
  });
});
