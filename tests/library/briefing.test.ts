import { byRecency, rankHits, speakersOf, tellingQuote } from '../../src/briefings/briefing';
import type { Article, Quote, SearchHit } from '../../src/briefings/types';

function article(id: string, date: string | null, quotes: Partial<Quote>[] = []): Article {
  return {
    id,
    title: id,
    date,
    dateApproximate: false,
    standfirst: null,
    dateline: null,
    headings: [],
    paragraphs: ['x'],
    source: `${id}.txt`,
    sentences: [{ text: 'x', paragraph: 0, index: 0 }],
    quotes: quotes.map((q) => ({ text: 'a b c d', speaker: null, role: null, articleId: id, paragraph: 0, partial: false, ...q })),
    people: [],
  };
}

describe('recency order', () => {
  it('puts the newest first and undated articles last, keeping library order on ties', () => {
    const order = byRecency([article('a', null), article('b', '2025-01-01T00:00:00Z'), article('c', '2025-02-01T00:00:00Z'), article('d', null)]);
    expect(order.map((a) => a.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('topic ranking', () => {
  const lib = new Map([
    ['old', article('old', '2025-01-01T00:00:00Z')],
    ['new', article('new', '2025-03-01T00:00:00Z')],
  ]);
  const hit = (articleId: string, score: number): SearchHit => ({ articleId, title: articleId, score, snippet: '', date: null });

  it('prefers the newer article when relevance is nearly equal', () => {
    expect(rankHits([hit('old', 10), hit('new', 9.8)], (id) => lib.get(id)).map((a) => a.id)).toEqual(['new', 'old']);
  });

  it('keeps a far more relevant older article first', () => {
    expect(rankHits([hit('old', 10), hit('new', 1)], (id) => lib.get(id)).map((a) => a.id)).toEqual(['old', 'new']);
  });

  it('ignores hits for articles that are gone', () => {
    expect(rankHits([hit('gone', 10)], (id) => lib.get(id))).toEqual([]);
  });
});

describe('the telling quote', () => {
  it('is a whole statement by a named speaker rather than an anonymous or partial one', () => {
    const a = article('a', null, [
      { text: 'an unattributed statement of some length that nobody claims', speaker: null },
      { text: 'a partial phrase by someone named here', speaker: 'Ann Lee', partial: true },
      { text: 'We will keep working until the job is done, whatever it takes from us', speaker: 'Ann Lee' },
    ]);
    expect(tellingQuote(a)?.text).toMatch(/^We will keep working/);
  });

  it('skips scare quotes of a few words and is null when nothing qualifies', () => {
    expect(tellingQuote(article('a', null, [{ text: 'useful', speaker: 'X' }]))).toBeNull();
  });
});

describe('who is quoted across a briefing', () => {
  it('counts quotes per speaker, most quoted first, ignoring unknown speakers', () => {
    const s = speakersOf([
      article('a', null, [{ speaker: 'B Person' }, { speaker: 'A Person', role: 'minister' }, { speaker: null }]),
      article('b', null, [{ speaker: 'A Person' }]),
    ]);
    expect(s).toEqual([
      { name: 'A Person', role: 'minister', count: 2 },
      { name: 'B Person', role: null, count: 1 },
    ]);
  });
});
