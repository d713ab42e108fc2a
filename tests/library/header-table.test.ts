// The library's header columns (issue 13): whatever headers go in, the same headers come out, field for field, with
// the time each was stored and its feed; rows freed by a removal are reused without mixing two articles up.
import fc from 'fast-check';
import { HeaderTable, type KeptHeader } from '../../src/briefings/library-headers';
import type { ArticleHeader } from '../../src/briefings';

const isoTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
/** Stored-at times as either store writes them, and a few it never does (kept as text, still exact). */
const storedAt = fc.oneof(
  isoTime,
  isoTime.map((t) => t.replace('T', ' ').replace('Z', '')),
  fc.constant('not a time'),
  fc.constant(''),
);

const header = (id: string): fc.Arbitrary<ArticleHeader> =>
  fc
    .record({
      title: fc.string(),
      date: fc.option(fc.oneof(isoTime, fc.constant('2024-03-01'), fc.constant('garbage')), { nil: null }),
      dateApproximate: fc.boolean(),
      source: fc.constantFrom('bbc/a.json', 'cnbc/b.json', 'Example News', ''),
      quoteCount: fc.nat({ max: 500 }),
      url: fc.option(fc.webUrl(), { nil: undefined }),
      teaser: fc.boolean(),
      backlog: fc.boolean(),
    })
    .map(({ url, teaser, backlog, ...h }) => {
      // As the store makes them: url, teaser and backlog present only when set.
      const out: ArticleHeader = { id, ...h };
      if (url !== undefined) out.url = url;
      if (teaser) out.teaser = true;
      if (backlog) out.backlog = true;
      return out;
    });

const kept = (id: string): fc.Arbitrary<KeptHeader> =>
  fc.record({ header: header(id), storedAt, feed: fc.option(fc.constantFrom('https://a.example/feed', 'https://b.example/rss'), { nil: null }) });

const keptList = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 })
  .chain((ids) => fc.tuple(...ids.map(kept)));

function expectRow(table: HeaderTable, k: KeptHeader): void {
  const row = table.rowOf(k.header.id);
  expect(row).toBeGreaterThanOrEqual(0);
  expect(table.header(row)).toStrictEqual(k.header);
  expect(table.byId(k.header.id)).toStrictEqual(k.header);
  expect(table.storedAt(row)).toBe(k.storedAt);
  expect(table.feed(row)).toBe(k.feed);
  expect(table.id(row)).toBe(k.header.id);
  expect(table.title(row)).toBe(k.header.title);
  expect(table.date(row)).toBe(k.header.date);
  expect(table.quoteCount(row)).toBe(k.header.quoteCount);
  expect(table.backlog(row)).toBe(k.header.backlog === true);
}

describe('header table', () => {
  it('gives back every header exactly as it was kept (fields, stored-at text, feed)', () => {
    fc.assert(
      fc.property(keptList, (list) => {
        const table = new HeaderTable();
        // Room made for the rows first (as a library opens), then grown past it by the second test's additions.
        table.reserve(list.length);
        for (const k of list) table.set(k);
        expect(table.size).toBe(list.length);
        for (const k of list) expectRow(table, k);
        expect(table.feedCount).toBe(list.filter((k) => k.feed !== null).length);
        const newest = list.map((k) => k.storedAt).reduce((a, b) => (b > a ? b : a), '');
        expect(table.newestStoredAt()).toBe(newest);
      }),
      { numRuns: 200 },
    );
  });

  it('reuses the rows of removed articles, and a replaced article keeps only its new fields', () => {
    fc.assert(
      fc.property(keptList, keptList, (first, second) => {
        const table = new HeaderTable();
        for (const k of first) table.set(k);
        // Half the first batch removed, then the second batch set (replacing any id both have).
        const removed = first.filter((_, i) => i % 2 === 0);
        for (const k of removed) expect(table.delete(k.header.id)).toBe(true);
        for (const k of second) table.set(k);
        const expected = new Map<string, KeptHeader>();
        for (const k of first) expected.set(k.header.id, k);
        for (const k of removed) expected.delete(k.header.id);
        for (const k of second) expected.set(k.header.id, k);
        expect(table.size).toBe(expected.size);
        for (const k of expected.values()) expectRow(table, k);
        for (const k of removed) if (!expected.has(k.header.id)) expect(table.has(k.header.id)).toBe(false);
        expect(new Set(table.liveRows()).size).toBe(expected.size);
        expect(table.feedCount).toBe([...expected.values()].filter((k) => k.feed !== null).length);
        expect(table.delete('no such id at all, ever')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
