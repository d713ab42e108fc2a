// The stories' packed columns (issue 13): a slot's word weights, headline ids and match keys come back as they were
// set or restored, through removals and the compaction they trigger; a member row gives back the member a header
// makes (shared strings, pooled outlet).
import fc from 'fast-check';
import { MemberTable } from '../../src/briefings/stories/members';
import { headerMember } from '../../src/briefings/stories/text';
import type { StoryHeader } from '../../src/briefings/stories/types';
import { narrowTermIds, VectorStore, type PackedVectors, type SparseVector } from '../../src/briefings/stories/vectors';

interface Slot {
  vector: SparseVector;
  titleIds: Int32Array;
  keys: Int32Array;
}

const ints = (max: number) => fc.array(fc.nat({ max: 5000 }), { maxLength: max }).map((xs) => Int32Array.from(xs));
const slotData: fc.Arbitrary<Slot> = fc.uniqueArray(fc.nat({ max: 5000 }), { maxLength: 60 }).chain((terms) =>
  fc.record({
    vector: fc
      .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: terms.length, maxLength: terms.length })
      .map((w) => ({ terms: Int32Array.from(terms.sort((a, b) => a - b)), weights: Float64Array.from(w) })),
    titleIds: ints(12),
    keys: ints(5),
  }),
);

function pack(slots: Slot[]): PackedVectors & { terms: Int32Array } {
  const ends = (f: (s: Slot) => ArrayLike<number>) => {
    let at = 0;
    return Int32Array.from(slots, (s) => (at += f(s).length));
  };
  const flat = (f: (s: Slot) => ArrayLike<number>) => Int32Array.from(slots.flatMap((s) => Array.from(f(s))));
  return {
    terms: flat((s) => s.vector.terms),
    weights: Float64Array.from(slots.flatMap((s) => Array.from(s.vector.weights))),
    termEnds: ends((s) => s.vector.terms),
    titles: flat((s) => s.titleIds),
    titleEnds: ends((s) => s.titleIds),
    keys: flat((s) => s.keys),
    keyEnds: ends((s) => s.keys),
  };
}

function expectSlot(store: VectorStore, slot: number, s: Slot): void {
  const v = store.vector(slot);
  expect(Array.from(v.terms)).toEqual(Array.from(s.vector.terms));
  expect(Array.from(v.weights)).toEqual(Array.from(s.vector.weights));
  expect(Array.from(store.titleIds(slot))).toEqual(Array.from(s.titleIds));
  expect(Array.from(store.keysOf(slot))).toEqual(Array.from(s.keys));
  const dense = new Float64Array(5001);
  for (let i = 0; i < s.vector.terms.length; i++) dense[s.vector.terms[i]] = 0.5 + i;
  let expected = 0;
  for (let i = 0; i < s.vector.terms.length; i++) expected += dense[s.vector.terms[i]] * s.vector.weights[i];
  expect(store.dot(dense, slot)).toBe(expected);
}

describe('packed story vectors', () => {
  it('keep saved word ids in 16 bits only when every one fits', () => {
    const fits = Int32Array.of(0, 7, 65535);
    expect(narrowTermIds(fits)).toBeInstanceOf(Uint16Array);
    expect(Array.from(narrowTermIds(fits))).toEqual([0, 7, 65535]);
    for (const wide of [Int32Array.of(0, 65536), Int32Array.of(-1, 3)]) expect(narrowTermIds(wide)).toBe(wide);
  });

  it('gives back what each slot was restored from or set to, through removals and compaction (saved ids in 16 bits or 32)', () => {
    fc.assert(
      fc.property(
        fc.array(slotData, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat({ max: 40 }), fc.option(slotData, { nil: null })), { maxLength: 300 }),
        fc.boolean(),
        (saved, steps, narrow) => {
          const store = new VectorStore();
          const packed = pack(saved);
          store.adopt(narrow ? { ...packed, terms: narrowTermIds(packed.terms) } : packed);
          const live = new Map<number, Slot>();
          saved.forEach((s, n) => {
            store.restore(n, n);
            live.set(n, s);
          });
          // Each step sets a slot anew or lets it go (a removed article; its slot's numbers become garbage).
          for (const [slot, data] of steps) {
            if (data) {
              if (live.delete(slot)) store.drop(slot, live.keys());
              store.set(slot, data.vector, data.titleIds, data.keys);
              live.set(slot, data);
            } else if (live.has(slot)) {
              live.delete(slot);
              store.drop(slot, live.keys());
            }
          }
          for (const [slot, s] of live) expectSlot(store, slot, s);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('compacts the added area once most of it belongs to removed articles, keeping the live slots', () => {
    const store = new VectorStore();
    const big = (k: number): Slot => ({
      vector: { terms: Int32Array.from({ length: 500 }, (_, i) => i), weights: Float64Array.from({ length: 500 }, (_, i) => k + i / 1000) },
      titleIds: Int32Array.of(k),
      keys: Int32Array.of(k, k + 1),
    });
    const live = new Map<number, Slot>();
    for (let slot = 0; slot < 40; slot++) {
      store.set(slot, big(slot).vector, big(slot).titleIds, big(slot).keys);
      live.set(slot, big(slot));
    }
    for (let slot = 0; slot < 30; slot++) {
      live.delete(slot);
      store.drop(slot, live.keys());
    }
    for (const [slot, s] of live) expectSlot(store, slot, s);
  });
});

const header: fc.Arbitrary<StoryHeader> = fc.record({
  id: fc.string({ minLength: 1 }),
  title: fc.string(),
  date: fc.option(fc.oneof(fc.constant('2026-01-02T03:04:05Z'), fc.constant('not a date')), { nil: null }),
  url: fc.option(fc.oneof(fc.webUrl(), fc.constant('not a url')), { nil: undefined }),
  source: fc.constantFrom('bbc/one.json', 'cnbc.json', ''),
});

describe('story member rows', () => {
  it('give back the member the header makes, and forget a removed one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(header, fc.nat()), { selector: ([h]) => h.id, maxLength: 30 }), (rows) => {
        const table = new MemberTable();
        for (const [h, length] of rows) table.set(h, length);
        const gone = rows.filter((_, i) => i % 3 === 0);
        for (const [h] of gone) table.delete(h.id);
        for (const [h, length] of rows.filter((_, i) => i % 3 !== 0)) expect(table.get(h.id)).toStrictEqual(headerMember(h, length));
        for (const [h] of gone) expect(table.get(h.id)).toBeUndefined();
        expect([...table.ids()]).toEqual(rows.filter((_, i) => i % 3 !== 0).map(([h]) => h.id));
      }),
      { numRuns: 150 },
    );
  });
});
