import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SearchIndex } from '../../src/briefings/search';
import { PackedDocs } from '../../src/briefings/search/packed-docs';
import { Postings, PostingsBuilder } from '../../src/briefings/search/postings';
import { libraryArticles } from '../fixtures/search/library';

/** Ascending lists of document numbers up to 2^20 (16 high parts): dense, sparse, empty. */
const lists = fc.array(
  fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 20 }), { maxLength: 60 }).map((xs) => xs.sort((a, b) => a - b)),
  { maxLength: 8 },
);

function flat(ls: number[][]): { offsets: Int32Array; docs: Int32Array } {
  const offsets = new Int32Array(ls.length + 1);
  ls.forEach((l, t) => (offsets[t + 1] = offsets[t] + l.length));
  return { offsets, docs: Int32Array.from(ls.flat()) };
}

describe('posting lists with document numbers packed to 16 bits', () => {
  it('read back every list as it was, whatever high parts its numbers have', () => {
    fc.assert(
      fc.property(lists, (ls) => {
        const { offsets, docs } = flat(ls);
        const packed = PackedDocs.pack(offsets, docs);
        expect(Array.from(packed.unpack(offsets))).toEqual(Array.from(docs));
        ls.forEach((l, t) => {
          const out = new Int32Array(l.length);
          packed.decode(offsets[t], offsets[t + 1], out);
          expect(Array.from(out)).toEqual(l);
        });
      }),
    );
  });

  it('find a number in its list, and only there', () => {
    fc.assert(
      fc.property(lists, fc.array(fc.integer({ min: 0, max: 2 ** 20 }), { maxLength: 20 }), (ls, probes) => {
        const { offsets, docs } = flat(ls);
        const packed = PackedDocs.pack(offsets, docs);
        ls.forEach((l, t) => {
          for (const doc of [...probes, ...l]) {
            const at = packed.find(offsets[t], offsets[t + 1], doc);
            expect(at).toBe(l.includes(doc) ? offsets[t] + l.indexOf(doc) : -1);
          }
        });
      }),
    );
  });

  it('answer forEach, has and visitSome as the numbers say, across compaction and a snapshot', () => {
    const builder = new PostingsBuilder();
    const want: [number, number][][] = [[], [], []];
    for (let doc = 0; doc < 200_000; doc += 997) {
      for (let term = 0; term < 3; term++) {
        if ((doc / 997) % (term + 1) !== 0) continue;
        builder.add(term, doc, 1 + (doc % 7));
        want[term].push([doc, 1 + (doc % 7)]);
      }
    }
    const restored = Postings.fromSnapshot(builder.finish(3, true).toSnapshot(3, () => true));
    restored.add(1, 300_001, 4);
    want[1].push([300_001, 4]);
    for (const postings of [restored, Postings.fromSnapshot(restored.toSnapshot(3, () => true))]) {
      want.forEach((pairs, term) => {
        const seen: [number, number][] = [];
        postings.forEach(term, (doc, weight) => void seen.push([doc, weight]));
        expect(seen).toEqual(pairs);
        for (const [doc] of pairs) expect(postings.has(term, doc)).toBe(true);
        expect(postings.has(term, 65_536 + 1)).toBe(false);
        const some = pairs.filter((_, i) => i % 5 === 0).map(([doc]) => doc);
        const mark = new Uint8Array(400_000);
        for (const doc of some) mark[doc] = 1;
        const visited: number[] = [];
        postings.visitSome(term, some, mark, (doc) => visited.push(doc));
        expect(visited).toEqual(some);
      });
    }
  });
});

describe('a binary index snapshot of the earlier format (document numbers as 32-bit columns)', () => {
  it('is refused with a clear error, so the caller rebuilds rather than misreads it', () => {
    const old = gunzipSync(readFileSync(join(__dirname, '../fixtures/search/library-snapshot-v1.bin.gz')));
    const articles = libraryArticles();
    expect(() => SearchIndex.fromBinary(new Uint8Array(old), articles)).toThrow(/another version/);
    const rebuilt = SearchIndex.build(articles);
    expect(SearchIndex.fromBinary(rebuilt.toBinary(), articles).search('lava')).toEqual(rebuilt.search('lava'));
  });
});
