import { boundedMemo } from '../../src/briefings/text/bounded-memo';

describe('a bounded memo', () => {
  it('computes each key once while it is remembered, null answers included', () => {
    const calls: string[] = [];
    const upper = boundedMemo(10, (w: string) => (calls.push(w), w === 'none' ? null : w.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a'), upper('none'), upper('none')]).toEqual(['A', 'B', 'A', null, null]);
    expect(calls).toEqual(['a', 'b', 'none']);
  });

  it('keys a run of words by the key it is given, and forgets everything once full', () => {
    const calls: string[] = [];
    const joined = boundedMemo(
      2,
      (words: readonly string[]) => (calls.push(words.join(' ')), words.length),
      (words) => words.join('\u0000'),
    );
    expect([joined(['a', 'b']), joined(['a', 'b']), joined(['c']), joined(['d']), joined(['a', 'b'])]).toEqual([2, 2, 1, 1, 2]);
    // The third key found the memo full: it was cleared, so "a b" is computed again.
    expect(calls).toEqual(['a b', 'c', 'd', 'a b']);
  });
});
