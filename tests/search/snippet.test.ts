import { SearchIndex } from '../../src/briefings/search';
import { window } from '../../src/briefings/search/snippet';
import { fold, terms } from '../../src/briefings/search/tokenize';
import { libraryArticles, makeArticle } from '../fixtures/search/library';
import { seedArticles } from '../fixtures/search/seed';
import { bodiesOf } from '../helpers/bodies';

describe('result snippets', () => {
  const articles = [...seedArticles(), ...libraryArticles()];
  const index = SearchIndex.build(articles);

  it.each(['securty guarantees', 'Pokrovsk', 'East Timor', 'lava', 'Bailey inflation', 'semiconductors'])(
    'shows a passage of at most 200 characters holding a matched word for "%s"',
    (q) => {
      const hits = index.search(q, {}, bodiesOf(articles));
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.snippet.length).toBeLessThanOrEqual(200);
        expect(h.snippet.length).toBeGreaterThan(20);
      }
      // The top hit's snippet holds one of the query's words (or what the typo stood for).
      const words = new Set(terms(hits[0].snippet));
      const expected = q === 'securty guarantees' ? ['security', 'guarantees'] : terms(q);
      expect(expected.some((w) => words.has(fold(w)))).toBe(true);
    },
  );

  it('cuts on word boundaries and marks the cuts', () => {
    const long = makeArticle({
      id: 'long-read',
      title: 'A long read',
      paragraphs: [
        `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}The harbour strike began at dawn. ${'Sed do eiusmod tempor incididunt ut labore. '.repeat(8)}`,
      ],
    });
    const [hit] = SearchIndex.build([long]).search('harbour strike', {}, bodiesOf([long]));
    expect(hit.snippet).toContain('harbour strike');
    expect(hit.snippet.startsWith('… ')).toBe(true);
    expect(hit.snippet.endsWith(' …')).toBe(true);
    const inner = hit.snippet.slice(2, -2);
    expect(long.paragraphs[0]).toContain(inner);
    const at = long.paragraphs[0].indexOf(inner);
    expect(long.paragraphs[0][at - 1]).toBe(' ');
    expect(long.paragraphs[0][at + inner.length]).toBe(' ');
  });

  it('uses the opening of the article when only the title matched', () => {
    const a = makeArticle({
      id: 'title-only',
      title: 'Zebra crossing redesigned',
      paragraphs: ['Councillors approved new road markings on Tuesday.'],
    });
    expect(SearchIndex.build([a]).search('zebra', {}, bodiesOf([a]))[0].snippet).toBe('Councillors approved new road markings on Tuesday.');
  });

  it('cuts no snippet when the caller has not the text at hand (the index keeps none)', () => {
    const a = makeArticle({ id: 'no-text', title: 'Zebra crossing redesigned', paragraphs: ['Councillors approved new road markings.'] });
    expect(SearchIndex.build([a]).search('zebra')[0]).toMatchObject({ articleId: 'no-text', snippet: '' });
  });

  it('keeps short text whole and long text within the limit around the focus', () => {
    expect(window('Short text.', 3)).toBe('Short text.');
    const text = 'word '.repeat(100).trim();
    const cut = window(text, 250);
    expect(cut.length).toBeLessThanOrEqual(200);
  });
});
