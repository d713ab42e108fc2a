// Each speaker's quotes laid out flat: the same quotes, in the same order, as a list per speaker would give,
// whether laid out from a restored column, added one by one since, or laid out again after additions.
import fc from 'fast-check';
import { SpeakerQuotes } from '../../src/briefings/search/speaker-quotes';

function listed(lists: SpeakerQuotes, speakers: number): number[][] {
  return Array.from({ length: speakers + 2 }, (_, s) => {
    const out: number[] = [];
    lists.forEach(s, (q) => out.push(q));
    return out;
  });
}

describe('speaker quote lists', () => {
  it('give each speaker its kept quotes in order, through layouts and additions', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), speaker: fc.integer({ min: -1, max: 12 }) }),
      fc.record({ kind: fc.constant('compact' as const) }),
    );
    const restored = fc.array(fc.tuple(fc.integer({ min: -1, max: 7 }), fc.boolean()), { maxLength: 60 });
    fc.assert(
      fc.property(restored, fc.array(step, { maxLength: 60 }), (column, steps) => {
        // The model: one array per speaker, as the index kept them.
        let speakers = 8;
        const model: number[][] = Array.from({ length: 13 }, () => []);
        column.forEach(([s, keep], q) => s >= 0 && keep && model[s].push(q));
        const lists = SpeakerQuotes.of(
          speakers,
          column.length,
          (q) => column[q][0],
          (q) => column[q][1],
        );
        let q = column.length;
        for (const st of steps) {
          if (st.kind === 'compact') lists.compact(speakers);
          else if (st.speaker >= 0) {
            speakers = Math.max(speakers, st.speaker + 1);
            model[st.speaker].push(q);
            lists.add(st.speaker, q++);
          } else q++;
        }
        expect(listed(lists, 13)).toEqual([...model, [], []]);
      }),
      { numRuns: 300 },
    );
  });

  it('are laid out only when first asked for: a restore that only searches by words never reads the column', () => {
    const column = [2, -1, 0, 2, 1];
    let read = 0;
    const lists = SpeakerQuotes.of(
      3,
      column.length,
      (q) => {
        read++;
        return column[q];
      },
      () => true,
    );
    expect(read).toBe(0);
    expect(listed(lists, 3)).toEqual([[2], [4], [0, 3], [], []]);
    expect(read).toBeGreaterThan(0);
    const after = read;
    listed(lists, 3);
    expect(read).toBe(after);
  });
});
