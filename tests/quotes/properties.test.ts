// Properties over arbitrary input: the extractor never throws, quotes come from the article,
// and it stays fast on long articles.
import fc from 'fast-check';
import { extractQuotes, findQuotations } from '../../src/briefings/quotes';
import seed = require('../fixtures/quotes/seed-articles.json');

const pieces = fc.constantFrom(
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  ', ',
  '. ',
  ' said ',
  ' he added',
  ' according to ',
  ' quoted ',
  ' as saying ',
  'Marco Rubio',
  'the top aide',
  'The Russian leader',
  ':',
  '\n',
  ' ',
  'Mr.',
  'President',
  'she',
  'Kremlin',
  '—',
  '(',
  ')',
  'word',
  'We will win',
);
const paragraph = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
);

describe('extractQuotes on any input', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.array(paragraph, { maxLength: 8 }), (title, standfirst, paragraphs) => {
        extractQuotes({ title, standfirst, paragraphs });
      }),
      { numRuns: 400 },
    );
  });

  it('returns quote text that occurs in its paragraph(s)', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        for (const q of findQuotations({ title: 'T', standfirst: null, paragraphs })) {
          const parts = q.spans.map((s) => paragraphs[s.paragraph].slice(s.start, s.end).trim());
          expect(parts.join(' ').startsWith(q.text)).toBe(true);
          for (const s of q.spans) expect(s.paragraph).toBeGreaterThanOrEqual(0);
        }
        for (const q of extractQuotes({ title: 'T', standfirst: null, paragraphs }).quotes) {
          const joined = paragraphs.slice(q.paragraph).join(' ');
          for (const piece of q.text.split(/\s+/).filter(Boolean)) expect(joined).toContain(piece);
          expect(paragraphs[q.paragraph]).toContain(q.text.split(/\s+/)[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('speed', () => {
  it('handles a 100 KB article in well under 100 ms', () => {
    // The seed's paragraphs repeated to 100 KB: realistic density of names and quotes.
    const seedParagraphs = (seed as { paragraphs: string[] }[]).flatMap((a) => a.paragraphs);
    const paragraphs: string[] = [];
    for (let size = 0; size < 100_000;) {
      const p = seedParagraphs[paragraphs.length % seedParagraphs.length];
      paragraphs.push(p);
      size += p.length + 2;
    }
    const input = { title: 'Long', standfirst: null, paragraphs };
    extractQuotes(input);
    // CPU time, best of five: wall time on a shared machine measures the neighbours too.
    let best = Infinity;
    let count = 0;
    for (let i = 0; i < 5; i++) {
      const c0 = process.cpuUsage();
      count = extractQuotes(input).quotes.length;
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    expect(count).toBeGreaterThan(100);
    expect(best).toBeLessThan(100);
  });
});
