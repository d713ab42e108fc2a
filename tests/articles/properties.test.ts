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
  '\n', '\n\n', ' ', '\u00a0', '\t', '•', '- ', ' -', '---', '#', '## ', '**', '_', '[', '](', ')', '![', '|', ':', '"', '“', '”',
  'Short Url', 'Follow', 'Updated 03 December 2025', 'Updated 2 sec ago', '(AFP)', 'MOSCOW: ', 'Title', 'Title',
  'The body.', 'title: ', 'date: ', 'x', 'É', '\u0000', '\r', '{', '}', '"title":', ',', '[]', 'watch now', 'Getty Images', ' | ',
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
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), formatted.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))));
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
