// Hostile input for story grouping: articles come from files and feeds, so any field may be missing,
// of the wrong type, enormous or odd. Grouping must neither throw nor lose the articles it can read.
import { buildStories, type StoryArticle } from '../../src/briefings/stories';

const odd = [
  { id: 'no-fields' },
  { id: 'wrong-types', title: 42, date: { when: 'now' }, paragraphs: 'not a list', url: 7, source: null },
  { id: 'null-paragraphs', title: 'Title', date: 'not a date', paragraphs: [null, 3, 'A real paragraph.'] },
  { id: 'huge', title: 'x'.repeat(100_000), date: '2026-01-01T00:00:00Z', paragraphs: ['word '.repeat(200_000)] },
  { id: 'emoji', title: '🔥🔥 ‮ \u0000', date: null, paragraphs: ['\u200b'.repeat(1000)] },
  null,
  'a string',
  { title: 'no id' },
] as unknown as StoryArticle[];

describe.each(['tfidf', 'minhash'] as const)('stories on hostile input (%s)', (method) => {
  it('groups what it can and skips what has no id, without throwing', () => {
    const stories = buildStories(odd, { method });
    expect(stories.size).toBe(5);
    expect(stories.storyOf('wrong-types')!.members[0]).toMatchObject({ title: '', date: null, url: null, outlet: '' });
    expect(stories.storyOf('null-paragraphs')!.members[0].length).toBe('A real paragraph.'.length);
  });

  it('survives a non-list and repeated ids, keeping one version per id', () => {
    expect(buildStories(null as unknown as StoryArticle[], { method }).size).toBe(0);
    const a: StoryArticle = { id: 'same', title: 'One', date: null, standfirst: null, paragraphs: ['First.'] };
    const stories = buildStories([a, { ...a, title: 'Two' }, a], { method });
    expect(stories.size).toBe(1);
    expect(stories.stories()).toHaveLength(1);
  });

  it('groups 1,000 copies of one article into one story in bounded time', () => {
    const copy = (i: number): StoryArticle => ({
      id: `c${i}`,
      title: 'Same headline every time',
      date: '2026-01-01T00:00:00Z',
      standfirst: null,
      paragraphs: ['Same words.'],
    });
    const t0 = Date.now();
    const stories = buildStories(
      Array.from({ length: 1000 }, (_, i) => copy(i)),
      { method },
    );
    expect(stories.stories()).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
