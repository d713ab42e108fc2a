import { findHeaders, looksScraped, readScrapedText } from '../../src/briefings/articles/scraped-text';
import { cleanLines } from '../../src/briefings/text/whitespace';

const savedAt = new Date('2026-01-10T12:00:00Z');
const ctx = { source: 'page.txt', savedAt };

const page = (title: string, header: string[], body: string[]) => [title, '', ...header, '', title, '', ...body].join('\n');

describe('scraped page text reader', () => {
  it('recognises a scraped page by its twin title with furniture between', () => {
    const text = page(
      'Ministers meet in Paris',
      ['Updated 5 mins ago', 'Follow'],
      ['PARIS: Ministers met on Friday to discuss the budget for next year.'],
    );
    expect(looksScraped(text, savedAt)).toBe(true);
    expect(findHeaders(cleanLines(text), savedAt)).toEqual([{ start: 0, twin: 5 }]);
  });

  it('does not take a plain article for a scraped page', () => {
    const text = 'A plain title\n\nFirst paragraph of text.\n\nSecond paragraph of text.\n';
    expect(looksScraped(text, savedAt)).toBe(false);
  });

  it('does not take a plain article with a bullet list for a scraped page', () => {
    const text =
      'Budget at a glance\n\nThe budget has three parts:\n\n• more money for schools\n• lower fuel duty\n• a new tax band\n\nIt passed easily.\n';
    expect(looksScraped(text, savedAt)).toBe(false);
  });

  it('does not take a line repeated without furniture between for a new article', () => {
    const text = page('Big vote today', ['Updated 1 hour ago'], ['First paragraph.', 'Gallery caption.', 'Gallery caption.', 'Last paragraph.']);
    const { articles } = readScrapedText(text, ctx);
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toEqual(['First paragraph.', 'Gallery caption.', 'Gallery caption.', 'Last paragraph.']);
  });

  it('resolves relative dates against the time the page was saved', () => {
    const cases: [string, number][] = [
      ['Updated 2 sec ago', 2_000],
      ['Updated 5 mins ago', 300_000],
      ['Updated 3 hours ago', 10_800_000],
      ['Updated 2 days ago', 172_800_000],
    ];
    for (const [line, ms] of cases) {
      const { articles } = readScrapedText(page('Some headline here', [line, 'Follow'], ['Body text.']), ctx);
      expect(articles[0].date).toBe(new Date(savedAt.getTime() - ms).toISOString());
      expect(articles[0].dateApproximate).toBe(true);
    }
  });

  it('drops furniture lines and credited captions inside the body', () => {
    const body = ['First paragraph.', 'Short Url', 'Soldiers patrol the border on Monday. (Reuters)', 'Follow', 'Second paragraph.'];
    const { articles } = readScrapedText(page('Border tension rises', ['Updated 03 December 2025'], body), ctx);
    expect(articles[0].paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('reads several articles from one file, each with its own header', () => {
    const text = [
      page('First story headline', ['Updated 03 December 2025', 'Follow'], ['Body of the first.']),
      '',
      page('Second story headline', ['Updated 04 December 2025', 'Follow'], ['Body of the second.']),
    ].join('\n');
    const { articles } = readScrapedText(text, ctx);
    expect(articles.map((a) => [a.title, a.date, a.paragraphs])).toEqual([
      ['First story headline', '2025-12-03T00:00:00.000Z', ['Body of the first.']],
      ['Second story headline', '2025-12-04T00:00:00.000Z', ['Body of the second.']],
    ]);
  });

  it('keeps text that precedes the first header as an article of its own', () => {
    const text = [
      'Lost headline',
      'Paragraph one of the lost story.',
      'Paragraph two of it.',
      '',
      page('Found headline', ['Updated 2 days ago'], ['Found body.']),
    ].join('\n');
    const { articles } = readScrapedText(text, ctx);
    expect(articles.map((a) => a.title)).toEqual(['Lost headline', 'Found headline']);
    expect(articles[0].paragraphs).toEqual(['Paragraph one of the lost story.', 'Paragraph two of it.']);
  });

  it('falls back to one article when there is furniture but no twin title', () => {
    const text = 'Headline only once\nShort Url\nUpdated 03 December 2025\nFollow\n\nThe body starts here.\n';
    const { articles } = readScrapedText(text, ctx);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Headline only once');
    expect(articles[0].date).toBe('2025-12-03T00:00:00.000Z');
    expect(articles[0].paragraphs).toEqual(['The body starts here.']);
  });

  it('drops a heading-like line that no paragraph follows', () => {
    const { articles } = readScrapedText(page('Some headline here', ['Follow', 'Updated 1 hour ago'], ['Body.', '', 'Related coverage', '']), ctx);
    expect(articles[0].headings).toEqual([]);
    expect(articles[0].paragraphs).toEqual(['Body.']);
  });
});
