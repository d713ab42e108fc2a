// Hostile files (issue 11, #6): text that is not UTF-8 is read as Windows-1252 really is, so its curly
// quotes, dashes and € survive, and the quote in them is found.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadFolderLibrary } from '../helpers/load-folder';
import { decodeBytes } from '../../src/briefings/text/decode';

/** Bytes 0x80–0x9F as Unicode's cp1252 table (CP1252.TXT) maps them; null where Windows-1252 defines nothing. */
const CP1252_C1: (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

describe('Windows-1252 fallback', () => {
  it.each(CP1252_C1.map((cp, i) => [(0x80 + i).toString(16), 0x80 + i, cp] as const))(
    'byte 0x%s decodes as Windows-1252 does',
    (_hex, byte, codePoint) => {
      // A lone byte 0x80–0x9F is never valid UTF-8, so this takes the fallback.
      const { text, encoding } = decodeBytes(Uint8Array.from([0x41, byte, 0x42]));
      expect(encoding).toBe('windows-1252');
      // Bytes Windows-1252 leaves undefined stay the C1 control of the same number, as browsers decode them;
      // the readers then drop them as they drop every control character.
      expect(text).toBe(`A${String.fromCodePoint(codePoint ?? byte)}B`);
    },
  );

  it('keeps the rest of the page as Latin-1 (0xA0–0xFF) and ASCII', () => {
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35, 0x20, 0xbd]);
    expect(decodeBytes(bytes).text).toBe('Café £5 ½');
  });

  it('loads a Windows-1252 article with its quote marks, dashes and €, and finds the quote and its speaker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cp1252-'));
    try {
      const body =
        'Budget row deepens\n\n' +
        '\x93We will not back down \x96 not for \x801m, not for anyone,\x94 said Anna Berg, the finance minister, on Tuesday.\n';
      fs.writeFileSync(path.join(dir, 'budget.txt'), Buffer.from(body, 'latin1'));
      const library = await loadFolderLibrary(dir);
      const article = (await library.article(library.articles()[0].id))!;
      expect(article.paragraphs.join(' ')).toContain('“We will not back down – not for €1m, not for anyone,” said Anna Berg');
      const quotes = await library.quotes();
      expect(quotes).toHaveLength(1);
      expect(quotes[0].text).toMatch(/^We will not back down – not for €1m, not for anyone/);
      expect(quotes[0].speaker).toBe('Anna Berg');
      expect(library.warnings()).toEqual([{ file: 'budget.txt', reason: 'not valid UTF-8: decoded as Windows-1252' }]);
      await library.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('property: any non-UTF-8 bytes decode one character per byte, C1 bytes to their Windows-1252 characters', () => {
    const c1 = fc.integer({ min: 0x80, max: 0x9f });
    const anyByte = fc.integer({ min: 0, max: 0xff });
    fc.assert(
      fc.property(fc.array(fc.oneof(c1, anyByte), { maxLength: 200 }), c1, (bytes, forced) => {
        // A BOM-free input with a lone C1 byte first is never valid UTF-8.
        const input = Uint8Array.from([forced, ...bytes.filter((b) => b !== 0xfe && b !== 0xff)]);
        const { text, encoding } = decodeBytes(input);
        expect(encoding).toBe('windows-1252');
        expect(text.length).toBe(input.length);
        input.forEach((b, i) => {
          const expected = b >= 0x80 && b <= 0x9f ? (CP1252_C1[b - 0x80] ?? b) : b;
          expect(text.charCodeAt(i)).toBe(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});
