// "Also reported by" never names an article the asking server may not see (another server's private feed).
import { LibraryStories } from '../../src/briefings/library-stories';
import type { Article, SearchHit } from '../../src/briefings';
import { all, psPriceCnbc, psPriceGi, psPriceIgn } from '../fixtures/stories/articles';

const asArticles = all.map((a) => ({ sentences: [], quotes: [], people: [], headings: [], ...a }) as unknown as Article);
const hit = (id: string): SearchHit => ({ articleId: id, title: id, score: 1, snippet: '', date: null }) as SearchHit;

describe('stories seen through a server scope', () => {
  const stories = LibraryStories.build(asArticles);
  const hidden = new Set([psPriceCnbc.id]);
  const visible = (id: string) => !hidden.has(id);

  it('a search hit lists only the visible other versions', () => {
    const [collapsed] = stories.collapseHits([hit(psPriceGi.id)], visible);
    expect(collapsed.alsoReportedBy?.map((o) => o.articleId)).toEqual([psPriceIgn.id]);
    const [unscoped] = stories.collapseHits([hit(psPriceGi.id)]);
    expect(unscoped.alsoReportedBy?.map((o) => o.articleId).sort()).toEqual([psPriceCnbc.id, psPriceIgn.id].sort());
  });

  it('a briefing pick neither leads with nor names a hidden version', () => {
    const byId = (id: string) => asArticles.find((a) => a.id === id);
    const pool = asArticles.filter((a) => visible(a.id) && [psPriceGi.id, psPriceIgn.id].includes(a.id));
    const [pick] = stories.onePerStory(pool, 5, new Set(), byId, visible);
    const shown = [pick.article.id, ...pick.alsoReportedBy.map((o) => o.articleId)];
    expect(shown).not.toContain(psPriceCnbc.id);
    expect(shown.sort()).toEqual([psPriceGi.id, psPriceIgn.id].sort());
  });
});
