import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatOf } from '../../src/briefings/articles/load';
import { loadRawArticles } from '../../src/sources/files/read';
import { loadFolderLibrary } from '../helpers/load-folder';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'html');
const NOW = new Date('2026-06-01T00:00:00.000Z');
const SENTENCE = 'The committee met for three hours on Tuesday and agreed a budget for the coming year, officials said.';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-html-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:title" content="${title}">
    <meta property="article:published_time" content="2025-12-03T08:00:00Z"></head>
    <body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const reasons = (warnings: { file: string; reason: string }[], file: string) => warnings.filter((w) => w.file === file).map((w) => w.reason);

describe('web pages in the content folder', () => {
  it('knows .html, .htm and gzipped pages by their names', () => {
    expect(formatOf('news/a.html')).toBe('html');
    expect(formatOf('A.HTM')).toBe('html');
    expect(formatOf('b.html.gz')).toBe('html');
    expect(formatOf('c.htm.gz')).toBe('html');
    expect(formatOf('d.txt.gz')).toBeNull();
  });

  it('reads .html, .htm and .html.gz pages as articles with their metadata date', () => {
    fs.writeFileSync(path.join(dir, 'a.html'), page('Budget agreed', [SENTENCE, SENTENCE, SENTENCE]));
    fs.writeFileSync(path.join(dir, 'b.htm'), page('Bridge opens', [SENTENCE, SENTENCE, SENTENCE]));
    fs.copyFileSync(path.join(FIXTURES, 'jpost-berlin-stabbing.html.gz'), path.join(dir, 'c.html.gz'));
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.source)).toEqual(['a.html', 'b.htm', 'c.html.gz']);
    expect(articles[0]).toMatchObject({
      title: 'Budget agreed',
      date: '2025-12-03T08:00:00.000Z',
      dateApproximate: false,
      paragraphs: [SENTENCE, SENTENCE, SENTENCE],
    });
    expect(articles[2].title).toBe('Son of former German president stabbed to death in Berlin');
    expect(articles[2].paragraphs[0]).toMatch(/^The son of former German President Richard von Weizsäcker/);
  });

  it('warns about a teaser, a page with no article text, a broken gzip file and a gzip bomb, and still loads the rest', () => {
    fs.writeFileSync(path.join(dir, 'good.html'), page('Budget agreed', [SENTENCE, SENTENCE, SENTENCE]));
    fs.writeFileSync(path.join(dir, 'teaser.html'), page('Short one', ['Only a line of text here.']));
    fs.writeFileSync(path.join(dir, 'empty.html'), '<html><body><nav></nav></body></html>');
    fs.writeFileSync(path.join(dir, 'broken.html.gz'), Buffer.from('not gzip at all'));
    fs.writeFileSync(path.join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(articles.map((a) => a.source)).toEqual(['good.html', 'teaser.html']);
    expect(reasons(warnings, 'teaser.html')).toEqual([expect.stringMatching(/only a teaser/)]);
    expect(reasons(warnings, 'empty.html')).toEqual(['no article text found in the page']);
    expect(reasons(warnings, 'broken.html.gz')).toEqual([expect.stringMatching(/not a readable gzip file/)]);
    expect(reasons(warnings, 'bomb.html.gz')).toEqual(['unpacks to more than 5 MB: skipped']);
  });

  it('sends pages through the same pipeline as files: quotes with speakers, a summary and search', async () => {
    fs.writeFileSync(
      path.join(dir, 'budget.html'),
      page('Council agrees budget after long night', [
        'LONDON: The council agreed its budget for the coming year after a debate that ran past midnight on Tuesday.',
        '“We have done what we were elected to do,” said Maria Lopez, the council leader.',
        'The budget now goes to the mayor, who has ten days to sign it or send it back with changes.',
      ]),
    );
    const library = await loadFolderLibrary(dir);
    const article = (await library.article(library.articles()[0].id))!;
    expect(article.dateline).toBe('LONDON');
    expect(article.paragraphs[0]).toMatch(/^The council agreed/);
    expect((await library.quotes({ query: 'elected' })).map((q) => q.speaker)).toEqual(['Maria Lopez']);
    expect((await library.search('budget mayor', { limit: 5 })).map((h) => h.articleId)).toEqual([article.id]);
    expect((await library.summary(article.id, { length: 'short' }))!.sentences).toHaveLength(1);
    await library.close();
  });
});
