// The library's saved record: JSON with the stories' typed arrays as binary parts beside it, then the search index.
// What goes in comes out, wherever the store's bytes happen to sit in memory.
import fc from 'fast-check';
import type { ArticleReader, SearchSnapshotRecord } from '../../src/briefings';
import { decodeRecord, encodeRecord, readSnapshot, writeSnapshot } from '../../src/briefings/library-snapshot';

/** The record's bytes as a database driver may hand them over: inside a larger buffer, at any offset. */
function at(offset: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(offset + bytes.byteLength + 3);
  out.set(bytes, offset);
  return out.subarray(offset, offset + bytes.byteLength);
}

describe('the library record', () => {
  it('gives back the JSON, its typed arrays and the search bytes it was made from, at any byte offset, read in place or not', () => {
    const int32 = fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 20 }).map((a) => Int32Array.from(a));
    const float64 = fc.array(fc.double({ noNaN: true }), { maxLength: 20 }).map((a) => Float64Array.from(a));
    const rest = fc.record({ ids: fc.array(fc.string()), stories: fc.record({ keys: int32, weights: float64, model: fc.record({ df: int32 }) }) });
    const search = fc.uint8Array({ maxLength: 40 });
    fc.assert(
      fc.property(rest, search, fc.integer({ min: 0, max: 15 }), fc.boolean(), (r, s, offset, inPlace) => {
        const decoded = decodeRecord(at(offset, encodeRecord(s, r)), inPlace);
        expect(decoded).not.toBeNull();
        expect(decoded!.rest).toEqual(r);
        expect(Array.from(decoded!.search)).toEqual(Array.from(s));
      }),
    );
  });

  it('keeps no view over the bytes it was read from, so the record (its JSON and all) can be let go', () => {
    // As the store hands it over: a Node Buffer, whose slice() is a view rather than a copy.
    const stories = { ids: ['a', 'b'], keys: Int32Array.of(1, 2), weights: Float64Array.of(0.5, 1.5) };
    const stored = Buffer.from(encodeRecord(Uint8Array.of(1, 2, 3), { stories }));
    const decoded = decodeRecord(stored)!;
    const parts = (decoded.rest as { stories: typeof stories }).stories;
    expect(parts).toEqual(stories);
    for (const part of [parts.keys, parts.weights]) expect(part.buffer).not.toBe(stored.buffer);
  });

  it('reads its typed arrays in place for a one-shot open (the process ends before the record could be let go)', () => {
    const stories = { ids: ['a', 'b'], keys: Int32Array.of(1, 2), weights: Float64Array.of(0.5, 1.5) };
    const stored = Buffer.from(encodeRecord(Uint8Array.of(1, 2, 3), { stories }));
    const decoded = decodeRecord(stored, true)!;
    const parts = (decoded.rest as { stories: typeof stories }).stories;
    expect(parts).toEqual(stories);
    for (const part of [parts.keys, parts.weights]) expect(part.buffer).toBe(stored.buffer);
  });

  it('is refused when cut short or not a record', () => {
    const whole = encodeRecord(Uint8Array.of(1, 2, 3), { stories: { weights: Float64Array.of(0.5, 1.5) } });
    expect(decodeRecord(whole.subarray(0, 30))).toBeNull();
    expect(decodeRecord(Uint8Array.of(1, 2, 3))).toBeNull();
    expect(decodeRecord(new TextEncoder().encode('{"stories": null, "stamps": null}'))).toBeNull();
  });

  it("gives back when each article was stored, exactly, whether or not the ids are the stories' own list", async () => {
    const isoTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    const stamp = fc.oneof(
      isoTime,
      isoTime.map((t) => t.replace('T', ' ')),
      fc.constant('yesterday'),
      fc.constant(''),
    );
    const entries = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1 }), stamp), { selector: ([id]) => id, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(entries, fc.constantFrom('same ids', 'shuffled ids', 'other ids', 'no stories'), async (list, shape) => {
        const stamps = new Map(list);
        const ids = list.map(([id]) => id);
        const storiesIds = shape === 'same ids' ? ids : shape === 'shuffled ids' ? ids.slice().reverse() : [...ids.slice(1), 'another'];
        const stories = shape === 'no stories' ? null : { ids: storiesIds, keys: Int32Array.from(storiesIds, (_, i) => i) };
        let kept: SearchSnapshotRecord | null = null;
        const reader = {
          saveSearchSnapshot: async (_view: string, record: SearchSnapshotRecord) => void (kept = record),
          loadSearchSnapshot: async () => kept,
        } as unknown as ArticleReader;
        await writeSnapshot(reader, { fileRoot: 'content' }, 7, { search: Uint8Array.of(9), stories, stamps });
        const saved = await readSnapshot(reader, { fileRoot: 'content' });
        expect(saved?.stamps).toEqual(stamps);
        expect(saved?.stories).toEqual(stories ?? undefined);
        expect(saved?.seq).toBe(7);
      }),
      { numRuns: 100 },
    );
  });
});
