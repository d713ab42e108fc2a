import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlainText, textToParagraphs } from '../../src/briefings/articles/plain-text';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'articles');
const ctx = (source: string) => ({ source, savedAt: new Date('2026-01-10T12:00:00Z') });

describe('plain text reader', () => {
  it('reads a BBC article: title on the first line, one paragraph per blank-line block', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'bbc-politics-010.txt'), 'utf8');
    const { articles, warnings } = readPlainText(text, ctx('bbc/politics/010.txt'));
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0];
    expect(a.title).toBe('Crucial decision on super-casinos');
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toBe(
      'A decision on whether to allow Westminster to legislate on super-casinos is set to be made by the Scottish Parliament.',
    );
    expect(a.date).toBeNull();
    expect(a.source).toBe('bbc/politics/010.txt');
  });

  it('reads a PolNeAR article and takes its date from the file name', () => {
    const name = 'polnear-west-journal_2015-11-12_the-fbi-just-made-an-even-bigger.txt';
    const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    const { articles } = readPlainText(text, ctx(`polnear/${name}`));
    expect(articles).toHaveLength(1);
    const a = articles[0];
    expect(a.title).toBe('The FBI Just Made An Even BIGGER Move Against Hillary Clinton… There’s Nowhere Left To Hide.');
    expect(a.date).toBe('2015-11-12T00:00:00.000Z');
    expect(a.dateApproximate).toBe(false);
    expect(a.paragraphs[0]).toBe('The FBI is expanding the parameters of its probe into Hillary Clinton’s emails.');
    expect(a.paragraphs.length).toBeGreaterThan(5);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const text = 'A title\n\nThe first line of prose\ncontinues on the next line.\n\nA second paragraph.\n';
    const { articles } = readPlainText(text, ctx('a.txt'));
    expect(articles[0].paragraphs).toEqual(['The first line of prose continues on the next line.', 'A second paragraph.']);
  });

  it('keeps long lines of one block as separate paragraphs', () => {
    const long1 = 'This is a long line of reporting that goes on and on about the matter at hand until it is well over a hundred characters.';
    const long2 = 'And this is another long line that clearly stands alone as a paragraph of its own because it, too, is very long indeed.';
    const { articles } = readPlainText(`Title\n\n${long1}\n${long2}\n`, ctx('a.txt'));
    expect(articles[0].paragraphs).toEqual([long1, long2]);
  });

  it('treats a short unpunctuated line between paragraphs as a heading and strips a dateline', () => {
    const text =
      'Storm hits coast\n\nLONDON (Reuters) - Winds of 100 mph battered the coast on Monday, officials said.\n\nDamage assessed\n\nInsurers said losses could be large.\n';
    const { articles } = readPlainText(text, ctx('a.txt'));
    const a = articles[0];
    expect(a.dateline).toBe('LONDON');
    expect(a.paragraphs).toEqual(['Winds of 100 mph battered the coast on Monday, officials said.', 'Insurers said losses could be large.']);
    expect(a.headings).toEqual(['Damage assessed']);
    expect(a.headingPositions).toEqual([1]);
  });

  it('reads a "Published" date line under the title', () => {
    const { articles } = readPlainText('Title here\n\nPublished: 3 December 2025\n\nBody text here.\n', ctx('a.txt'));
    expect(articles[0].date).toBe('2025-12-03T00:00:00.000Z');
    expect(articles[0].paragraphs).toEqual(['Body text here.']);
  });

  it('warns when there is a title but no text', () => {
    const { articles, warnings } = readPlainText('Only a title\n', ctx('a.txt'));
    expect(articles).toEqual([]);
    expect(warnings[0]).toMatch(/no article text/);
  });

  it('splits free text into paragraphs for the JSON and CSV readers', () => {
    expect(textToParagraphs('One.\n\n  Two\nthree.  \n\n\n')).toEqual(['One.', 'Two three.']);
  });
});
