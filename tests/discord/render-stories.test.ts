// A story told by several outlets is shown once, with "also reported by" linking the other versions.
import type { Briefing, SearchHit } from '../../src/briefings/types';
import { renderBriefing, renderSearchPage } from '../../src/discord/render';
import { limitViolations } from '../../src/discord/render/limits';
import { liveMaskedLinks } from '../fixtures/discord/checks';

const others = [
  { articleId: 'ign-ps5', title: 'Sony announces price rises', source: 'ign.com', url: 'https://www.ign.com/articles/ps5-(price)' },
  { articleId: 'cnbc-ps5', title: 'Sony hikes PS5 prices', source: 'cnbc.com' },
];

const briefing: Briefing = {
  topic: null,
  generatedAt: '2026-03-28T08:00:00.000Z',
  items: [
    {
      articleId: 'gi-ps5',
      title: 'Sony raises PS5 prices worldwide',
      date: '2026-03-27T13:00:00.000Z',
      source: 'gamesindustry/gi-ps5.md',
      summary: ['PlayStation 5 consoles will cost more from April 2.'],
      quote: null,
      alsoReportedBy: others,
    },
    { articleId: 'lone', title: 'Bag fees rise', date: null, source: 'x.md', summary: ['Fees rose.'], quote: null },
  ],
  speakers: [],
};

describe('rendering stories', () => {
  it('ends a briefing item with the other outlets, linked where there is a link', () => {
    const [msg] = renderBriefing(briefing);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds[0].description).toBe(
      'PlayStation 5 consoles will cost more from April 2.\n\nAlso reported by [ign.com](https://www.ign.com/articles/ps5-%28price%29), cnbc.com',
    );
    expect(msg.embeds[1].description).not.toMatch(/Also reported by/);
  });

  it('shows a collapsed search hit with its other versions', () => {
    const hit: SearchHit = {
      articleId: 'gi-ps5',
      title: 'Sony raises PS5 prices worldwide',
      score: 3,
      snippet: 'PS5 prices rise',
      date: null,
      alsoReportedBy: others,
    };
    const msg = renderSearchPage({
      query: 'ps5 price',
      hits: [hit],
      page: 0,
      pageSize: 5,
      pageCount: 1,
      total: 1,
      capped: false,
      ids: { prev: 'p', next: 'n', open: 'o' },
      valueFor: (h) => h.articleId,
    });
    expect(msg.embeds[0].description).toMatch(
      /PS5 prices rise\nAlso reported by \[ign\.com\]\(https:\/\/www\.ign\.com\/articles\/ps5-%28price%29\), cnbc\.com$/,
    );
  });

  it('keeps a page of five hits, each with many other versions, within the embed limit', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      articleId: `o${i}`,
      title: 't',
      source: `outlet-${i}.example.com`,
      url: `https://outlet-${i}.example.com/${'x'.repeat(80)}`,
    }));
    const hits: SearchHit[] = Array.from({ length: 5 }, (_, i) => ({
      articleId: `h${i}`,
      title: 'T'.repeat(300),
      score: 1,
      snippet: 'word '.repeat(200),
      date: null,
      alsoReportedBy: many,
    }));
    const msg = renderSearchPage({
      query: 'q',
      hits,
      page: 0,
      pageSize: 5,
      pageCount: 1,
      total: 5,
      capped: false,
      ids: { prev: 'p', next: 'n', open: 'o' },
      valueFor: (h) => h.articleId,
    });
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds[0].description!.length).toBeLessThanOrEqual(4096);
    expect(msg.embeds[0].description).toMatch(/Also reported by/);
  });

  it("links only to the versions' own addresses, whatever an outlet's name holds", () => {
    const hostile = [{ articleId: 'x', title: 't', source: 'evil](https://phish.example) [@everyone', url: 'https://real.example/a' }];
    const [msg] = renderBriefing({ ...briefing, items: [{ ...briefing.items[1], alsoReportedBy: hostile }] });
    const links = liveMaskedLinks(msg.embeds[0].description!);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/\]\(https:\/\/real\.example\/a\)$/);
    expect(links[0]).not.toMatch(/\]\(https:\/\/phish/);
    expect(msg.embeds[0].description).not.toMatch(/@everyone/);
  });
});
