// Stories: articles about the same event from different outlets, or one outlet's updated versions,
// are told once, the freshest version first, with the others as "also reported by".
import { buildStories, type StoryArticle, type StoryMethod } from '../../src/briefings/stories';
import * as f from '../fixtures/stories/articles';

const METHODS: StoryMethod[] = [{ method: 'tfidf' }, { method: 'minhash' }];
const ids = (members: { id: string }[]): string[] => members.map((m) => m.id);

describe.each(METHODS)('stories ($method)', (method) => {
  it('groups the same event reported by different outlets into one story, freshest first', () => {
    const stories = buildStories(f.all, method);
    expect(ids(stories.storyOf(f.psPriceCnbc.id)!.members)).toEqual(['gi-ps5-price', 'ign-ps5-price', 'cnbc-ps5-price']);
    expect(stories.together(f.blizzardCnbc.id, f.blizzardFt.id)).toBe(true);
  });

  it('keeps the same topic but a different event as another story', () => {
    const stories = buildStories(f.all, method);
    expect(stories.together(f.psPriceIgn.id, f.ps6Delay.id)).toBe(false);
    expect(stories.together(f.blizzardCnbc.id, f.bagFees.id)).toBe(false);
    expect(ids(stories.storyOf(f.ps6Delay.id)!.members)).toEqual([f.ps6Delay.id]);
  });

  it('answers "also reported by" with the other members and their outlets', () => {
    const stories = buildStories(f.all, method);
    const others = stories.otherMembers(f.psPriceCnbc.id);
    expect(others.map((m) => m.outlet)).toEqual(['gamesindustry.biz', 'ign.com']);
    expect(others.map((m) => m.url)).toEqual([f.psPriceGi.url, f.psPriceIgn.url]);
    expect(stories.otherMembers(f.ps6Delay.id)).toEqual([]);
    expect(stories.storyOf('no-such-article')).toBeUndefined();
  });

  it('puts an updated version of a page (a later copy with a new headline) first in the same story', () => {
    const stories = buildStories(f.all, method);
    const update: StoryArticle = {
      ...f.blizzardCnbc,
      id: 'cnbc-blizzard-update',
      date: '2026-02-22T21:00:00Z',
      title: 'Blizzard snarls East Coast air travel as airlines cancel more than 7,000 flights',
    };
    stories.add(update);
    expect(ids(stories.storyOf(f.blizzardFt.id)!.members)).toEqual(['cnbc-blizzard-update', 'ft-blizzard', 'cnbc-blizzard']);
  });

  it('replaces an article re-added under the same id instead of keeping both versions', () => {
    const stories = buildStories(f.all, method);
    stories.add({ ...f.bagFees, date: '2026-02-23T08:00:00Z' });
    expect(stories.size).toBe(f.all.length);
    expect(stories.storyOf(f.bagFees.id)!.members).toHaveLength(1);
    expect(stories.storyOf(f.bagFees.id)!.members[0].date).toBe('2026-02-23T08:00:00Z');
  });

  it('prefers the fuller version when two versions carry the same time', () => {
    const teaser: StoryArticle = {
      ...f.blizzardFt,
      id: 'ft-blizzard-teaser',
      paragraphs: f.blizzardFt.paragraphs.slice(0, 1).map((p) => p.slice(0, 120)),
    };
    const full: StoryArticle = { ...f.blizzardFt, paragraphs: [...f.blizzardFt.paragraphs, 'Delays were expected to last into Monday.'] };
    const stories = buildStories([teaser, full, f.blizzardCnbc, ...f.background], method);
    expect(ids(stories.storyOf(teaser.id)!.members).slice(0, 2)).toEqual(['ft-blizzard', 'ft-blizzard-teaser']);
  });

  it('does not group reports of the same words weeks apart: a later event is a new story', () => {
    const monthLater: StoryArticle = { ...f.blizzardFt, id: 'ft-blizzard-march', date: '2026-03-22T18:00:00Z' };
    const stories = buildStories([...f.all, monthLater], method);
    expect(stories.together(monthLater.id, f.blizzardFt.id)).toBe(false);
  });

  it('removes an article from its story, and splits a story that the article held together', () => {
    const stories = buildStories(f.all, method);
    expect(stories.remove(f.psPriceIgn.id)).toBe(true);
    expect(stories.remove(f.psPriceIgn.id)).toBe(false);
    expect(stories.storyOf(f.psPriceIgn.id)).toBeUndefined();
    expect(ids(stories.storyOf(f.psPriceCnbc.id)!.members)).toEqual(['gi-ps5-price', 'cnbc-ps5-price']);
  });

  it('lists every story once, the largest first', () => {
    const all = buildStories(f.all, method).stories();
    expect(all[0].members).toHaveLength(3);
    expect(all.flatMap((s) => ids(s.members)).sort()).toEqual(f.all.map((a) => a.id).sort());
  });
});

describe('the headline gate (TF-IDF titleMin)', () => {
  const list = [...f.all, f.lawsuit, f.lawsuitSupport];

  it('keeps a same-day reaction piece that shares the names but not the headline as another story', () => {
    // Every term a key term, so the pair is surely compared; the gate alone decides.
    const gated = buildStories(list, { method: 'tfidf', titleMin: 0.2, keyTerms: 100 });
    expect(gated.together(f.lawsuit.id, f.lawsuitSupport.id)).toBe(false);
    // Without the gate the ledes alone tie them together: the gate is what tells them apart.
    const open = buildStories(list, { method: 'tfidf', titleMin: 0, keyTerms: 100 });
    expect(open.together(f.lawsuit.id, f.lawsuitSupport.id)).toBe(true);
  });

  it('still groups outlets whose headlines word the same event differently', () => {
    const gated = buildStories(list, { method: 'tfidf', titleMin: 0.2 });
    expect(gated.storyOf(f.psPriceCnbc.id)!.members).toHaveLength(3);
    expect(gated.together(f.blizzardCnbc.id, f.blizzardFt.id)).toBe(true);
  });
});
