// The grouping itself, with a matcher whose answers are given: a story is every article connected
// through matches, whatever order the articles arrive in, and removals split stories where they must.
import fc from 'fast-check';
import { StoryIndex, type StoryArticle, type StoryMatcher } from '../../src/briefings/stories';

/** Matches exactly the given pairs, like a real matcher would report them. */
class TableMatcher implements StoryMatcher {
  readonly name = 'table';
  private readonly present = new Set<string>();
  constructor(private readonly links: [string, string][]) {}
  add(a: StoryArticle): string[] {
    this.present.add(a.id);
    return this.links.flatMap(([x, y]) => (x === a.id ? [y] : y === a.id ? [x] : [])).filter((id) => id !== a.id && this.present.has(id));
  }
  remove(id: string): void {
    this.present.delete(id);
  }
}

function art(id: string, day = 1, body = 'text'): StoryArticle {
  return { id, title: id, date: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`, standfirst: null, paragraphs: [body] };
}

/** The partition as a sorted list of sorted id lists: comparable across runs. */
function partition(index: StoryIndex): string[][] {
  return index
    .stories()
    .map((s) => s.members.map((m) => m.id).sort())
    .sort((x, y) => (x.join() < y.join() ? -1 : 1));
}

describe('story grouping', () => {
  it('joins articles linked only through a third into one story, and splits them when the third goes', () => {
    const index = new StoryIndex(
      new TableMatcher([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    );
    for (const id of ['a', 'c', 'b', 'd']) index.add(art(id));
    expect(partition(index)).toEqual([['a', 'b', 'c'], ['d']]);
    index.remove('b');
    expect(partition(index)).toEqual([['a'], ['c'], ['d']]);
    expect(index.otherMembers('a')).toEqual([]);
  });

  it('keeps a story whole when a member that was not holding it together is removed', () => {
    const index = new StoryIndex(
      new TableMatcher([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['c', 'd'],
      ]),
    );
    for (const id of ['a', 'b', 'c', 'd']) index.add(art(id));
    index.remove('a');
    expect(partition(index)).toEqual([['b', 'c', 'd']]);
    index.remove('c');
    expect(partition(index)).toEqual([['b'], ['d']]);
  });

  it('names a story by its smallest member id, so the name does not depend on arrival order', () => {
    const index = new StoryIndex(new TableMatcher([['m', 'k']]));
    index.add(art('m', 3));
    index.add(art('k', 1));
    expect(index.storyOf('m')!.id).toBe('k');
    expect(index.storyOf('m')!.members.map((m) => m.id)).toEqual(['m', 'k']);
  });

  it('puts members without a date after dated ones', () => {
    const index = new StoryIndex(new TableMatcher([['x', 'y']]));
    index.add({ ...art('x'), date: null });
    index.add(art('y', 2));
    expect(index.storyOf('x')!.members.map((m) => m.id)).toEqual(['y', 'x']);
  });

  it('gives the same stories for any arrival order and any removals (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const link = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    fc.assert(
      fc.property(fc.array(link, { maxLength: 12 }), fc.shuffledSubarray(ids), fc.shuffledSubarray(ids), (links, order, removed) => {
        const once = new StoryIndex(new TableMatcher(links));
        for (const id of ids) once.add(art(id));
        for (const id of removed) once.remove(id);
        const shuffled = new StoryIndex(new TableMatcher(links));
        for (const id of [...order, ...ids.filter((i) => !order.includes(i))]) shuffled.add(art(id));
        for (const id of [...removed].reverse()) shuffled.remove(id);
        // Built fresh from what is left: the reference answer.
        const fresh = new StoryIndex(new TableMatcher(links));
        for (const id of ids.filter((i) => !removed.includes(i))) fresh.add(art(id));
        expect(partition(once)).toEqual(partition(fresh));
        expect(partition(shuffled)).toEqual(partition(fresh));
      }),
    );
  });
});
