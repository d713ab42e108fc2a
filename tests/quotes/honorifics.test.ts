import { extractQuotes } from '../../src/briefings/quotes';

const speakers = (paragraphs: string[]) =>
  extractQuotes({ title: 'Election could be terror target', standfirst: null, paragraphs }).quotes.map((q) => [q.speaker, q.role]);

describe('knighted speakers ("Sir Ian" is Sir Ian Blair)', () => {
  it('resolve a title with the first name to the person the article introduced in full', () => {
    const got = speakers([
      'Sir Ian Blair said terror groups would remember the effect of the Madrid bomb.',
      'Sir Ian told a meeting of the police authority: "Terrorists have long memories and they understand what happened."',
    ]);
    // "Sir" is a courtesy title, not a role.
    expect(got).toEqual([['Ian Blair', null]]);
  });

  it('are not guessed when two people share the first name', () => {
    const got = speakers([
      'Sir Ian Blair and Ian Smith met on Monday.',
      'Sir Ian said: "We have agreed on nothing at all, and we will meet again next week."',
    ]);
    expect(got).toHaveLength(1);
    expect(got[0][0]).not.toBe('Ian Smith');
  });
});
