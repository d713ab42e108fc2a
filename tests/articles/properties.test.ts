import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readCsv } from '../../src/briefings/articles/csv';
import { readJson } from '../../src/briefings/articles/json';
import { loadRawArticles } from '../../src/sources/files/read';
import { readMarkdown } from '../../src/briefings/articles/markdown';
import { readPlainText } from '../../src/briefings/articles/plain-text';
import type { ReaderResult } from '../../src/briefings/articles/reader-types';
import { readScrapedText } from '../../src/briefings/articles/scraped-text';
import type { RawArticle } from '../../src/briefings/types';

const ctx = { source: 'x/file.txt', savedAt: new Date('2026-01-10T12:00:00Z') };

// Pieces of the formats the readers know, so random text often looks like a real file.
const piece = fc.constantFrom(
  '\n',
  '\n\n',
  ' ',
  '\u00a0',
  '\t',
  '•',
  '- ',
  ' -',
  '---',
  '#',
  '## ',
  '**',
  '_',
  '[',
  '](',
  ')',
  '![',
  '|',
  ':',
  '"',
  '“',
  '”',
  'Short Url',
  'Follow',
  'Updated 03 December 2025',
  'Updated 2 sec ago',
  '(AFP)',
  'MOSCOW: ',
  'Title',
  'Title',
  'The body.',
  'title: ',
  'date: ',
  'x',
  'É',
  '\u0000',
  '\r',
  '{',
  '}',
  '"title":',
  ',',
  '[]',
  'watch now',
  'Getty Images',
  ' | ',
);
const formatted = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), formatted, fc.string({ unit: 'grapheme', maxLength: 200 }));

function checkArticles(result: ReaderResult | { articles: RawArticle[] }): void {
  for (const a of result.articles) {
    expect(typeof a.title).toBe('string');
    expect(a.title.length).toBeGreaterThan(0);
    expect(a.paragraphs.length).toBeGreaterThan(0);
    for (const p of [...a.paragraphs, ...a.headings]) {
      expect(p.length).toBeGreaterThan(0);
      expect(p).toBe(p.trim());
    }
    expect(a.headingPositions?.length ?? 0).toBe(a.headings.length);
    for (const pos of a.headingPositions ?? []) expect(pos).toBeLessThan(a.paragraphs.length);
    if (a.date !== null) expect(Number.isNaN(new Date(a.date).getTime())).toBe(false);
  }
}

describe('readers never throw and always return clean paragraphs', () => {
  const readers = { readScrapedText, readPlainText, readMarkdown, readJson, readCsv };
  for (const [name, read] of Object.entries(readers)) {
    it(`${name} on any text`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          checkArticles(read(text, ctx));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('readJson on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkArticles(readJson(JSON.stringify(value), ctx));
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadRawArticles never throws on arbitrary bytes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-prop-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads any bytes under any known extension, warning instead of failing', () => {
    const ext = fc.constantFrom('.txt', '.md', '.json', '.csv', '.markdown', '.bin');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      formatted.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(ext, bytes), { minLength: 1, maxLength: 4 }), (files) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        files.forEach(([e, b], i) => fs.writeFileSync(path.join(dir, `f${i}${e}`), b));
        const result = loadRawArticles(dir, { now: new Date('2026-01-10T12:00:00Z') });
        checkArticles(result);
        expect(result.files).toHaveLength(files.length);
        for (const a of result.articles) expect(a.date).not.toBeNull();
        for (const w of result.warnings) {
          expect(w.file).toMatch(/^f\d\./);
          expect(w.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Windows-1252 files keep their C1-range characters', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-c1-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Characters Windows-1252 stores in bytes 0x80–0x9F (never valid UTF-8 on their own), with plain words.
  const C1_CHARS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
  const word = fc.oneof(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.constantFrom(...C1_CHARS));

  it('a plain-text article in Windows-1252 loads with every one of those characters in place', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.constantFrom(...C1_CHARS), (words, sure) => {
        const body = `Start ${words.join(' ')} ${sure} end.`;
        const bytes = Uint8Array.from(`Title\n\n${body}\n`, (c) => {
          const at = C1_CHARS.indexOf(c);
          return at < 0
            ? c.charCodeAt(0)
            : [
                0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
                0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
              ][at];
        });
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'a.txt'), bytes);
        const { articles, warnings } = loadRawArticles(dir, { now: new Date('2026-01-10T12:00:00Z') });
        expect(warnings).toEqual([{ file: 'a.txt', reason: 'not valid UTF-8: decoded as Windows-1252' }]);
        expect(articles[0].paragraphs.join(' ')).toBe(body);
      }),
      { numRuns: 100 },
    );
  });
});
