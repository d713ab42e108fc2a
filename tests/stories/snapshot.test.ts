// The story grouping saved for a restart: restoring it gives the stories grouping afresh gives, without
// grouping again; articles changed since are grouped as a running library would; another code's snapshot is refused.
import fc from 'fast-check';
import { all, lawsuit, lawsuitSupport, psPriceCnbc, psPriceGi, psPriceIgn, ps6Delay } from '../fixtures/stories/articles';
import { buildStories, TfIdfMatcher, StoryModel, StoryIndex, type StoryArticle } from '../../src/briefings/stories';
import { restoreStories, saveStories } from '../../src/briefings/stories/snapshot';
import { decodeRecord, encodeRecord } from '../../src/briefings/library-snapshot';

const pool: StoryArticle[] = [...all, lawsuit, lawsuitSupport];

/** Saved as the library saves it: through its record's bytes (JSON, with the typed arrays as binary parts). */
function roundTrip(index: StoryIndex, articles: readonly StoryArticle[]): unknown {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const record = decodeRecord(encodeRecord(new Uint8Array(0), { stories: saveStories(index, (id) => byId.get(id)) }));
  return (record?.rest as { stories?: unknown } | undefined)?.stories;
}

const groups = (index: StoryIndex) => index.stories().map((s) => s.members.map((m) => m.id));

describe('a saved story grouping', () => {
  it('restores to the same stories as grouping the same articles afresh (random small libraries)', () => {
    const library = fc.uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 0, maxLength: pool.length });
    fc.assert(
      fc.property(library, (picks) => {
        const articles = picks.map((i) => pool[i]);
        const restored = restoreStories(roundTrip(buildStories(articles), articles), articles);
        expect(restored).not.toBeNull();
        expect(groups(restored!)).toEqual(groups(buildStories(articles)));
        for (const a of articles) expect(restored!.storyOf(a.id)).toEqual(buildStories(articles).storyOf(a.id));
      }),
      { numRuns: 40 },
    );
  });

  it('groups an article added or changed after the snapshot, as the running index would', () => {
    const before = pool.filter((a) => a !== psPriceGi);
    const running = buildStories(before);
    const saved = roundTrip(running, before);
    // Changed since: the delay story is now the price story from a third outlet; the price story's third version arrives.
    const changed: StoryArticle = { ...psPriceGi, id: ps6Delay.id };
    const after = [...before.filter((a) => a.id !== ps6Delay.id), changed, psPriceGi];
    running.add(changed);
    running.add(psPriceGi);

    const compared = jest.spyOn(TfIdfMatcher.prototype, 'add');
    const restored = restoreStories(saved, after)!;
    // Only the two articles new or changed since the snapshot are compared with the others.
    expect(compared.mock.calls.map(([a]) => a)).toEqual([changed, psPriceGi]);
    compared.mockRestore();

    expect(
      restored
        .storyOf(psPriceCnbc.id)!
        .members.map((m) => m.id)
        .sort(),
    ).toEqual([psPriceCnbc.id, psPriceIgn.id, psPriceGi.id, ps6Delay.id].sort());
    expect(groups(restored)).toEqual(groups(running));
  });

  it('restores each article with the match keys it was saved with, choosing none again', () => {
    const running = buildStories(pool);
    const saved = roundTrip(running, pool);
    const chosen = jest.spyOn(TfIdfMatcher.prototype as unknown as { keysOf: () => number[] }, 'keysOf');
    const restored = restoreStories(saved, pool)!;
    expect(chosen).not.toHaveBeenCalled();
    chosen.mockRestore();
    const keysIn = (index: StoryIndex) => pool.map((a) => Array.from((index.matcher as TfIdfMatcher).entryOf(a.id)!.keys));
    expect(keysIn(restored)).toEqual(keysIn(running));
    expect(keysIn(restored).every((k) => k.length > 0)).toBe(true);
  });

  it('forgets articles gone since the snapshot, splitting the stories they held together', () => {
    const saved = roundTrip(buildStories(pool), pool);
    const left = pool.filter((a) => a !== psPriceIgn);
    const running = buildStories(pool);
    running.remove(psPriceIgn.id);
    expect(groups(restoreStories(saved, left)!)).toEqual(groups(running));
  });

  it('is refused when made with other settings or not a story snapshot at all', () => {
    const index = new StoryIndex(new TfIdfMatcher(StoryModel.fit(pool), { threshold: 0.9 }));
    for (const a of pool) index.add(a);
    expect(restoreStories(roundTrip(index, pool), pool)).toBeNull();
    expect(restoreStories({ v: 1, ids: ['x'], model: { words: [] }, keys: 'AAAA' }, pool)).toBeNull();
    expect(restoreStories('nonsense', pool)).toBeNull();
    expect(restoreStories(undefined, pool)).toBeNull();
  });

  it('is not made when the articles handed over are not the ones grouped (the index is still saved without it)', () => {
    const index = buildStories(pool);
    expect(saveStories(index, (id) => (id === psPriceIgn.id ? undefined : pool.find((a) => a.id === id)))).toBeNull();
    expect(saveStories(index, (id) => pool.find((a) => a.id === id))).not.toBeNull();
  });
});
