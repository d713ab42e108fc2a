import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMarkdown, splitFrontMatter, stripInline } from '../../src/briefings/articles/markdown';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'articles');
const ctx = (source = 'a.md') => ({ source, savedAt: new Date('2026-04-20T00:00:00Z') });
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('markdown reader', () => {
  it('reads front matter fields: title, published date, url, category as tag, summary', () => {
    const { articles, warnings } = readMarkdown(fixture('cnbc-iran-hormuz.md'), ctx('finance/iran.md'));
    expect(warnings).toEqual([]);
    const a = articles[0];
    expect(a.title).toBe("U.S. urges ships to stay 'as far as possible' from Iran's waters in Strait of Hormuz after boarding attempts");
    expect(a.date).toBe('2026-02-10T15:52:06.000Z');
    expect(a.dateApproximate).toBe(false);
    expect(a.url).toBe('https://www.cnbc.com/2026/02/10/us-warns-ships-avoid-iran-strait-hormuz-boarding-irgc-tehran-israel-netanyahu.html');
    expect(a.tags).toEqual(['finance']);
    expect(a.providedSummary).toMatch(/^The U.S. told American-flagged ships to stay "as far as possible"/);
    expect(a.source).toBe('finance/iran.md');
  });

  it('strips scraper boilerplate: the photo caption and its credit, images, "watch now", link syntax', () => {
    const a = readMarkdown(fixture('cnbc-iran-hormuz.md'), ctx()).articles[0];
    expect(a.paragraphs[0]).toMatch(/^U.S.-flagged ships have been advised to stay "as far as possible"/);
    const all = a.paragraphs.join('\n');
    expect(all).not.toMatch(/Getty Images|watch now|\]\(|!\[|https?:\/\//);
    expect(all).not.toMatch(/speed boat sailing along the Persian Gulf/);
    expect(a.paragraphs).toContain(
      'In a notice issued Monday, the U.S. Maritime Administration said ship captains should decline permission for Iranian forces to board U.S. vessels.',
    );
  });

  it('keeps only the summary of a paywalled page', () => {
    const { articles } = readMarkdown(fixture('ft-paywall-teaser.md'), ctx());
    expect(articles[0].paragraphs).toEqual(['Vitali Klitschko says Russia is seeking to annihilate the country’s statehood']);
  });

  it('drops image credits and bold labels but keeps the text', () => {
    const a = readMarkdown(fixture('gamesindustry-update.md'), ctx()).articles[0];
    expect(a.paragraphs.join(' ')).not.toMatch(/Image credit|\*\*/);
    expect(a.paragraphs[1]).toMatch(/^Update February 11, 2026: Intrepid Studios stated/);
  });

  it('turns markdown headings into headings and reduces inline syntax to text', () => {
    const text = [
      '---',
      'title: "Hand-written story"',
      'date: 2025-12-03',
      'tags: [politics, europe]',
      '---',
      '# Hand-written story',
      '',
      'The **first** paragraph has a [link](https://example.com) and _emphasis_ and `code`.',
      '',
      '![A caption of an image](https://example.com/a.jpg)',
      '',
      '## What happens next',
      '',
      '> A quoted paragraph',
      '> over two lines.',
      '',
      '- a list item',
      '- another one',
      '',
      '[Lone link](https://example.com/more)',
      '',
      'snake_case_words stay as they are.',
    ].join('\n');
    const { articles, warnings } = readMarkdown(text, ctx());
    expect(warnings).toEqual([]);
    const a = articles[0];
    expect(a.title).toBe('Hand-written story');
    expect(a.date).toBe('2025-12-03T00:00:00.000Z');
    expect(a.tags).toEqual(['politics', 'europe']);
    expect(a.headings).toEqual(['What happens next']);
    expect(a.headingPositions).toEqual([1]);
    expect(a.paragraphs).toEqual([
      'The first paragraph has a link and emphasis and code.',
      'A quoted paragraph over two lines.',
      'a list item',
      'another one',
      'snake_case_words stay as they are.',
    ]);
  });

  it('takes the title from the first heading when there is no front matter', () => {
    const { articles } = readMarkdown('# A heading title\n\nSome body text.\n', ctx());
    expect(articles[0].title).toBe('A heading title');
    expect(articles[0].paragraphs).toEqual(['Some body text.']);
    expect(articles[0].date).toBeNull();
  });

  it('warns about broken front matter and still reads the body', () => {
    const text = '---\ntitle: "unterminated\ndate: [oops\n---\n# Body title\n\nBody text survives.\n';
    const { articles, warnings } = readMarkdown(text, ctx());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^broken front matter/);
    expect(articles[0].title).toBe('Body title');
    expect(articles[0].paragraphs).toEqual(['Body text survives.']);
  });

  it('warns about front matter that never closes', () => {
    expect(splitFrontMatter('---\ntitle: x\nno closing fence\n').warning).toMatch(/no closing/);
  });

  it('warns when there is no article at all', () => {
    const { articles, warnings } = readMarkdown('---\ntitle: Empty\n---\n\n![](https://example.com/x.png)\n', ctx());
    expect(articles).toEqual([]);
    expect(warnings[0]).toMatch(/no recognisable article/);
  });

  it('strips inline markup', () => {
    expect(stripInline('**bold** and *it* and [t](http://x.y/(a)) and ![i](p.png) \\*not\\*')).toBe('bold and it and t and   *not*');
  });
});

describe('markdown reader on page endings', () => {
  it('drops the author box at the end of the article but not a paragraph about a reporter in the middle', () => {
    const text = [
      '---',
      'title: Platform plans features',
      '---',
      'The reporter who broke the story is a writer at a local paper, officials said.',
      '',
      'The platform announced plans on Wednesday.',
      '',
      'Sarah has worked as a reporter for TechCrunch since August 2011. She joined from ReadWriteWeb.',
      '',
      'You can contact or verify outreach from Sarah by emailing sarah@example.com.',
    ].join('\n');
    const a = readMarkdown(text, ctx()).articles[0];
    expect(a.paragraphs).toEqual([
      'The reporter who broke the story is a writer at a local paper, officials said.',
      'The platform announced plans on Wednesday.',
    ]);
  });

  it('ends the article at a "Topics" line', () => {
    const a = readMarkdown('---\ntitle: T\n---\nBody text.\n\nTopics\n\nAI, Apps\n', ctx()).articles[0];
    expect(a.paragraphs).toEqual(['Body text.']);
  });

  it('drops byline date lines that the scraper left in the body', () => {
    const a = readMarkdown('---\ntitle: T\n---\nUpdated\n\n: Feb 12, 2026 12:28pm UTC\n\nBody text.\n', ctx()).articles[0];
    expect(a.paragraphs).toEqual(['Body text.']);
  });
});
