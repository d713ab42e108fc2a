import { parseCsv, readCsv } from '../../src/briefings/articles/csv';
import { readJson } from '../../src/briefings/articles/json';

const ctx = { source: 'hand/added.json', savedAt: new Date('2026-01-10T12:00:00Z') };

describe('JSON reader', () => {
  it('reads one article object with a body of blank-line paragraphs', () => {
    const json = JSON.stringify({
      title: 'Council approves budget',
      published: '2025-12-03T10:00:00Z',
      description: 'The vote was close.',
      body: 'The council approved the budget.\n\nThe mayor welcomed it.',
      url: 'https://example.com/budget',
      tags: ['local', 'money'],
    });
    const { articles, warnings } = readJson(json, ctx);
    expect(warnings).toEqual([]);
    expect(articles).toEqual([
      {
        title: 'Council approves budget',
        date: '2025-12-03T10:00:00.000Z',
        dateApproximate: false,
        standfirst: 'The vote was close.',
        dateline: null,
        headings: [],
        headingPositions: [],
        paragraphs: ['The council approved the budget.', 'The mayor welcomed it.'],
        source: 'hand/added.json',
        url: 'https://example.com/budget',
        tags: ['local', 'money'],
      },
    ]);
  });

  it('reads an array, with paragraphs[] or content fields, and places headings given with positions', () => {
    const json = JSON.stringify([
      { title: 'One', paragraphs: ['First.', '  Second.  ', ''], headings: ['Later'], headingPositions: [1] },
      { headline: 'Two', content: 'Only paragraph.', date: '3 December 2025' },
    ]);
    const { articles, warnings } = readJson(json, ctx);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.title, a.paragraphs, a.headings, a.headingPositions, a.date])).toEqual([
      ['One', ['First.', 'Second.'], ['Later'], [1], null],
      ['Two', ['Only paragraph.'], [], [], '2025-12-03T00:00:00.000Z'],
    ]);
  });

  it('reads an object holding an "articles" array', () => {
    const { articles } = readJson(JSON.stringify({ articles: [{ title: 'T', text: 'Body.' }] }), ctx);
    expect(articles.map((a) => a.title)).toEqual(['T']);
  });

  it('makes a title from the first sentence when there is none', () => {
    const { articles } = readJson(JSON.stringify({ body: 'Rain fell all day in the capital. Roads flooded.' }), ctx);
    expect(articles[0].title).toBe('Rain fell all day in the capital');
  });

  it('warns about invalid JSON', () => {
    const { articles, warnings } = readJson('{"title": "x", ', ctx);
    expect(articles).toEqual([]);
    expect(warnings[0]).toMatch(/^invalid JSON/);
  });

  it('warns once about records that are not articles and keeps the good ones', () => {
    const { articles, warnings } = readJson(JSON.stringify([{ title: 'Good', body: 'Text.' }, 42, { title: 'No body' }, {}]), ctx);
    expect(articles.map((a) => a.title)).toEqual(['Good']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/item 2 is not an object; item 3: article "No body" has no body text; item 4/);
  });

  it('warns about JSON that holds no article', () => {
    expect(readJson('"just a string"', ctx).warnings[0]).toMatch(/no recognisable article/);
    expect(readJson('[]', ctx).warnings[0]).toMatch(/empty JSON array/);
  });
});

describe('CSV reader', () => {
  it('parses quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', '2'],
    ]);
  });

  it('reads one article per row, strips the (CNN) prefix and leaves the reference highlights out', () => {
    const csv = 'article,highlights,id\n"(CNN)Share, and your gift will be multiplied. That may sound odd.","Reference summary.",abc\n';
    const { articles, warnings } = readCsv(csv, { ...ctx, source: 'cnn.csv' });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Share, and your gift will be multiplied');
    expect(articles[0].paragraphs).toEqual(['Share, and your gift will be multiplied. That may sound odd.']);
    expect(articles[0].providedSummary).toBeUndefined();
  });

  it('warns when no column holds article text', () => {
    const { articles, warnings } = readCsv('name,score\nx,1\n', ctx);
    expect(articles).toEqual([]);
    expect(warnings[0]).toMatch(/no article\/body\/text\/content column/);
  });
});
