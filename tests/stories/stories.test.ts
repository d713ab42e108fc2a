// Stories: articles about the same event from different outlets, or one outlet's updated versions,
// are told once, the freshest version first, with the others as "also reported by".
import { buildStories, StoryModel, type StoryArticle, type StoryMethod } from '../../src/briefings/stories';
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

describe("one outlet's pieces put out together (TF-IDF batchMs)", () => {
  const piece = (id: string, url: string, title: string, lede: string): StoryArticle => ({
    id,
    url,
    date: '2026-02-25T20:50:00Z',
    title,
    standfirst: null,
    paragraphs: [lede],
  });
  const characters = piece(
    'ign-characters',
    'https://www.ign.com/articles/lego-batman-characters',
    'Lego Batman Legacy of the Dark Knight developer explains its seven playable characters | Fan Fest',
    'TT Games told Fan Fest why Lego Batman Legacy of the Dark Knight has only seven playable characters, each with deeper gameplay.',
  );
  const delay = piece(
    'ign-delay',
    'https://www.ign.com/articles/lego-batman-gta-delay',
    'Lego Batman Legacy of the Dark Knight developer relieved by GTA 6 delay | Fan Fest',
    'TT Games told Fan Fest that Lego Batman Legacy of the Dark Knight is glad of some space after the GTA 6 delay.',
  );
  const list = [...f.all, characters, delay];

  it('keeps two interviews one outlet published at the same minute apart, though they share the game and the event', () => {
    expect(buildStories(list, { method: 'tfidf', keyTerms: 100 }).together(characters.id, delay.id)).toBe(false);
    // Without the rule their shared names tie them together: the rule is what tells them apart.
    expect(buildStories(list, { method: 'tfidf', keyTerms: 100, batchMs: 0 }).together(characters.id, delay.id)).toBe(true);
  });

  it('still groups the same pair from two outlets, and a near-copy one outlet posted twice at once', () => {
    const elsewhere = { ...delay, id: 'gi-delay', url: 'https://www.gamesindustry.biz/lego-batman-gta-delay' };
    expect(buildStories([...list, elsewhere], { method: 'tfidf', keyTerms: 100 }).together(characters.id, elsewhere.id)).toBe(true);
    const copy = { ...delay, id: 'ign-delay-2', url: 'https://www.ign.com/articles/lego-batman-gta-delay-2' };
    expect(buildStories([...list, copy], { method: 'tfidf' }).together(delay.id, copy.id)).toBe(true);
  });
});

describe('a lede paragraph given twice', () => {
  it('counts a feed summary that repeats the opening paragraph once, so it does not outweigh the headline', () => {
    const plain = f.psPriceCnbc;
    const repeated = { ...plain, providedSummary: plain.paragraphs[0] };
    const model = StoryModel.fit([plain, repeated, ...f.background]);
    expect(model.termsOf(repeated)).toEqual(model.termsOf(plain));
  });
});
