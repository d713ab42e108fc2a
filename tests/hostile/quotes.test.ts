// Hostile input for quote finding (issue 11, item 1): a file made of quotes and nothing else must
// not freeze the bot. Work grows linearly with the text, and a per-article budget stops
// attributing (keeping every quote, speaker unknown) and says so.
import { analyseQuotations, extractQuotes } from '../../src/briefings/quotes';
import { splitSentences } from '../../src/briefings/text/sentences';

const UNLIMITED = { maxAttributed: Number.MAX_SAFE_INTEGER, maxMs: Number.MAX_SAFE_INTEGER };

/** One paragraph of `unit` repeated to about `bytes` characters, with no sentence break. */
const dense = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));

/** Milliseconds per run over one batch: a quick run is repeated until the batch has taken 60 ms. */
function batch(run: () => void): number {
  const t0 = performance.now();
  let runs = 0;
  do {
    run();
    runs++;
  } while (performance.now() - t0 < 60);
  return (performance.now() - t0) / runs;
}

/**
 * Time for 4× the input over time for 1×: about 4 when the work is linear, 16 when quadratic.
 * Batches of both sizes alternate and the best of each counts, so that other work on a shared
 * machine disturbs both alike; both are run once first so that neither includes compilation.
 * A busy machine can still spoil one measure, so it is taken up to three times and the lowest
 * kept: quadratic work stays near 16 every time, so the retries cannot hide it.
 */
function growth(make: (bytes: number) => () => void, bytes: number): number {
  const small = make(bytes);
  const large = make(4 * bytes);
  small();
  large();
  let lowest = Infinity;
  for (let attempt = 0; attempt < 3 && lowest >= 6; attempt++) {
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let i = 0; i < 3; i++) {
      bestSmall = Math.min(bestSmall, batch(small));
      bestLarge = Math.min(bestLarge, batch(large));
    }
    lowest = Math.min(lowest, bestLarge / bestSmall);
  }
  return lowest;
}

describe('quotes on hostile input', () => {
  const shapes: [string, string][] = [
    ['a quote after every "word said"', 'word said "hello there" '],
    ['curly quotes with a pronoun cue', 'he said, “hi there,” '],
    ['named speakers with appositives', 'Ann Lee, a nurse, said: “We are tired.” '],
    ['commas before each verb', 'one, two, three, four said "x y z w" '],
    ['single marks and apostrophes', "it's 'quite so' they're "],
    ['bare quotes', '"a" '],
    ['spokesperson chains', 'a spokesman for a spokesman for Globex said "x y z w" '],
    ['roles before names', 'his friend, Ann Lee, said "we are tired" '],
  ];

  it.each(shapes)('attributes %s in time linear in the text', (_name, unit) => {
    const make = (bytes: number) => {
      const paragraph = dense(unit, bytes);
      return () => analyseQuotations({ title: 'T', standfirst: null, paragraphs: [paragraph] }, UNLIMITED);
    };
    // 4 × 40 KB stays under the 200,000 characters a paragraph is cut to.
    expect(growth(make, 40_000)).toBeLessThan(6);
  });

  it('reads signed quote paragraphs ("- Name." under each) in time linear in their number', () => {
    const make = (bytes: number) => {
      const paragraphs = Array.from({ length: Math.ceil(bytes / 60) }, (_, i) =>
        i % 2 ? '- Ann Lee.' : '“We are tired of waiting for the bridge.”',
      );
      return () => analyseQuotations({ title: 'T', standfirst: null, paragraphs }, UNLIMITED);
    };
    expect(growth(make, 40_000)).toBeLessThan(6);
  });

  it('analyses a 2 MB paragraph of dense quotes in seconds, keeping the quotes and flagging the cut', () => {
    const paragraph = dense('word said "hello there" ', 2 * 1024 * 1024);
    const input = { title: 'T', standfirst: null, paragraphs: [paragraph] };
    const t0 = performance.now();
    const { quotations, complete } = analyseQuotations(input);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(quotations.length).toBeGreaterThan(5_000);
    expect(complete).toBe(false);
    // What the library is handed says so too, so the loader can warn.
    expect(extractQuotes(input).complete).toBe(false);
  });

  it('stops attributing when the budget runs out: later quotes keep an unknown speaker', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `“We will build the bridge number ${i} this year,” Jane Doe said.`);
    const full = analyseQuotations({ title: 'T', standfirst: null, paragraphs }, UNLIMITED);
    expect(full.complete).toBe(true);
    expect(full.quotations.map((q) => q.speaker)).toEqual(Array(6).fill('Jane Doe'));

    const cut = analyseQuotations({ title: 'T', standfirst: null, paragraphs }, { maxAttributed: 2, maxMs: 60_000 });
    expect(cut.complete).toBe(false);
    expect(cut.quotations.map((q) => q.text)).toEqual(full.quotations.map((q) => q.text));
    expect(cut.quotations.map((q) => q.speaker)).toEqual(['Jane Doe', 'Jane Doe', null, null, null, null]);
  });

  it('says an ordinary article is complete', () => {
    const { complete, quotes } = extractQuotes({ title: 'T', standfirst: null, paragraphs: ['“It works,” Jane Doe said.'] });
    expect(complete).toBe(true);
    expect(quotes).toHaveLength(1);
  });
});

describe('sentences on hostile input', () => {
  it.each([
    ['a sentence-less paragraph', 'word '],
    ['word-less pieces (". . .")', '. '],
    ['abbreviations that never end a sentence', 'Mr. '],
    ['quote marks that never close', '“a '],
  ])('splits %s in time linear in the text', (_name, unit) => {
    const make = (bytes: number) => {
      const text = `Start. ${dense(unit, bytes)}`;
      return () => splitSentences(text);
    };
    // Large enough that the text no longer fits in a CPU cache at either size (smaller inputs look
    // superlinear only because the small one does).
    expect(growth(make, 500_000)).toBeLessThan(6);
  });

  it('splits a 2 MB paragraph with no sentence break in seconds, as one sentence', () => {
    const text = dense('word ', 2 * 1024 * 1024);
    const t0 = performance.now();
    const sentences = splitSentences(text);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(sentences).toEqual([text.trim()]);
  });
});
