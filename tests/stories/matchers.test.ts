// The two ways of telling the same story, on articles built for the case: what counts as alike,
// what a site's furniture is, and that the answer never depends on arrival order.
import fc from 'fast-check';
import { buildStories, StoryIndex, StoryModel, MinHashMatcher, TfIdfMatcher, type StoryArticle, type StoryMethod } from '../../src/briefings/stories';
import * as f from '../fixtures/stories/articles';

const METHODS: StoryMethod[] = [{ method: 'tfidf' }, { method: 'minhash' }];

function partition(index: StoryIndex): string[][] {
  return index
    .stories()
    .map((s) => s.members.map((m) => m.id).sort())
    .sort((x, y) => (x.join() < y.join() ? -1 : 1));
}

describe.each(METHODS)('matching ($method)', (method) => {
  it('finds the same stories whatever order the articles arrive in (property)', () => {
    const reference = partition(buildStories(f.all, method));
    const model = StoryModel.fit(f.all);
    fc.assert(
      fc.property(fc.shuffledSubarray(f.all, { minLength: f.all.length }), (order) => {
        const matcher = method.method === 'tfidf' ? new TfIdfMatcher(model) : new MinHashMatcher({}, model);
        const index = new StoryIndex(matcher);
        for (const a of order) index.add(a);
        expect(partition(index)).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });

  it('groups exact copies of an undated file (a corpus duplicate) but not undated articles that merely share a topic', () => {
    const undated = (a: StoryArticle, id: string): StoryArticle => ({ ...a, id, date: null });
    const list = [undated(f.psPriceIgn, 'copy-1'), undated(f.psPriceIgn, 'copy-2'), undated(f.ps6Delay, 'other'), ...f.background];
    const stories = buildStories(list, method);
    expect(stories.together('copy-1', 'copy-2')).toBe(true);
    expect(stories.together('copy-1', 'other')).toBe(false);
  });

  it("ignores a site's furniture: pages sharing only a boilerplate dek are separate stories", () => {
    const dek = 'Every weekday the Investing Club releases the Homestretch, an actionable afternoon update before the last hour of trading.';
    const club = (id: string, title: string): StoryArticle => ({
      id,
      title,
      date: '2026-02-18T20:00:00Z',
      standfirst: null,
      providedSummary: dek,
      paragraphs: ['Got a confidential news tip? We want to hear from you.', 'Sign up for free newsletters and get more delivered to your inbox.'],
      url: `https://www.cnbc.com/${id}`,
    });
    const list = [
      club('c1', 'Big investor gets into BlackRock stock'),
      club('c2', 'Alphabet music model could lure creators'),
      club('c3', 'Why we are buying more Boeing'),
      ...f.background,
    ];
    const stories = buildStories(list, method);
    expect(stories.together('c1', 'c2')).toBe(false);
    expect(stories.together('c2', 'c3')).toBe(false);
  });

  it('still groups the same events with a model fitted on other articles (new words weigh as the rarest)', () => {
    // Fitting on a subset (words unseen at fit time weigh as the rarest) keeps the same events together.
    const model = StoryModel.fit(f.background);
    const index = new StoryIndex(method.method === 'tfidf' ? new TfIdfMatcher(model) : new MinHashMatcher({}, model));
    for (const a of f.all) index.add(a);
    expect(index.together(f.psPriceCnbc.id, f.psPriceIgn.id)).toBe(true);
    expect(index.together(f.psPriceCnbc.id, f.ps6Delay.id)).toBe(false);
  });
});
