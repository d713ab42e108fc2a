// The id → row table over an owner's own key column answers as a Map would, through additions, moves, removals
// and growth, with keys that collide in its slots.
import fc from 'fast-check';
import { IdTable } from '../../src/briefings/id-table';

describe('the id table', () => {
  it('answers every lookup as a Map, through sets, get-or-adds, removals and growth', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '\u4e2d'), maxLength: 4 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key }),
      fc.record({ kind: fc.constant('delete' as const), key }),
      fc.record({ kind: fc.constant('getOrAdd' as const), key }),
      fc.record({ kind: fc.constant('reserve' as const), n: fc.integer({ min: 0, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.array(key, { maxLength: 20 }), (ops, probes) => {
        // The owner's column: row → key ('' once free), rows reused as a table would reuse them.
        const column: string[] = [];
        const free: number[] = [];
        const table = new IdTable((row) => column[row]);
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'reserve') table.reserve(o.n);
          else if (o.kind === 'set' && !model.has(o.key)) {
            const row = free.pop() ?? column.length;
            column[row] = o.key;
            table.set(o.key, row);
            model.set(o.key, row);
          } else if (o.kind === 'getOrAdd') {
            // The key's row when it has one; else the row it is given (the next free one), and -1.
            const row = free.length > 0 ? free[free.length - 1] : column.length;
            const had = table.getOrAdd(o.key, row);
            expect(had).toBe(model.get(o.key) ?? -1);
            if (had < 0) {
              free.pop();
              column[row] = o.key;
              model.set(o.key, row);
            }
          } else if (o.kind === 'delete') {
            expect(table.delete(o.key)).toBe(model.get(o.key) ?? -1);
            if (model.has(o.key)) {
              free.push(model.get(o.key)!);
              column[model.get(o.key)!] = '';
              model.delete(o.key);
            }
          }
        }
        expect(table.size).toBe(model.size);
        for (const k of [...probes, ...model.keys()]) {
          expect(table.get(k)).toBe(model.get(k) ?? -1);
          expect(table.has(k)).toBe(model.has(k));
        }
        expect([...table.rows()].sort((x, y) => x - y)).toEqual([...model.values()].sort((x, y) => x - y));
      }),
      { numRuns: 500 },
    );
  });

  it('moves a key to another row when set again', () => {
    const column = ['x', 'y', 'x'];
    const table = new IdTable((row) => column[row]);
    table.set('x', 0);
    table.set('y', 1);
    table.set('x', 2);
    expect([table.get('x'), table.get('y'), table.size]).toEqual([2, 1, 2]);
  });
});
