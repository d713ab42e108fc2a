import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readHtml } from '../../src/briefings/articles/html';
import { shingleMatch, pageF1 } from '../../bench/extract-metric';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'html');
const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'gold.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
const fixture = (name: string): string => gunzipSync(fs.readFileSync(path.join(FIXTURES, `${name}.html.gz`))).toString('utf8');

const LONG = 'The committee met for three hours on Tuesday and agreed a budget for the coming year, officials said.';

/** A news page with the furniture sites wrap around an article. */
function newsPage(): string {
  return `<!doctype html><html><head>
  <title>Council agrees budget | The Example Gazette</title>
  <meta property="og:site_name" content="The Example Gazette">
  <meta property="og:title" content="Council agrees budget after long night">
  <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Gazette"},
    {"@type":"NewsArticle","headline":"Council agrees budget after long night","datePublished":"2019-11-20T06:35:39Z",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Sam Roe"}],"publisher":{"name":"Gazette Media"}}]}</script>
  </head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <article>
    <h1>Council agrees budget after long night</h1>
    <p class="byline">By Jane Doe and Sam Roe</p>
    <p>Updated 3:27 am EST, Wednesday, November 20, 2019</p>
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
    <figure><img src="a.jpg"><figcaption>Councillors vote on the budget. (AP Photo/John Smith)</figcaption></figure>
    <p>${LONG}</p>
    <p>The vote was close, with nine members in favour and eight against, after a debate that ran past midnight.</p>
    <p>Related: Council tax to rise for third year</p>
    <h2>What happens next</h2>
    <p>The budget now goes to the mayor, who has ten days to sign it or send it back with changes, a spokeswoman said.</p>
    <p>“We have done what we were elected to do,” said the council leader, Maria Lopez, after the vote.</p>
    <p>Sign up for our daily newsletter to get the news in your inbox.</p>
    <h3>More stories</h3>
    <ul><li><a href="/a">School closures announced for winter</a></li><li><a href="/b">New bridge opens to traffic</a></li></ul>
  </article>
  <footer><p>© 2019 The Example Gazette. All rights reserved.</p></footer>
  </body></html>`;
}

describe('reading a web page', () => {
  it('keeps the article paragraphs and headings and drops bylines, date stamps, share tools, captions, pointers and prompts', () => {
    const page = readHtml(newsPage(), 'https://gazette.example/news/budget');
    expect(page.article).not.toBeNull();
    expect(page.article!.paragraphs).toEqual([
      LONG,
      'The vote was close, with nine members in favour and eight against, after a debate that ran past midnight.',
      'The budget now goes to the mayor, who has ten days to sign it or send it back with changes, a spokeswoman said.',
      '“We have done what we were elected to do,” said the council leader, Maria Lopez, after the vote.',
    ]);
    expect(page.article!.headings).toEqual(['What happens next']);
    expect(page.article!.headingPositions).toEqual([2]);
    expect(page.teaser).toBe(false);
  });

  it('takes title, date, author and site name from the page metadata (JSON-LD first, then Open Graph)', () => {
    const page = readHtml(newsPage(), 'https://gazette.example/news/budget');
    expect(page.article!.title).toBe('Council agrees budget after long night');
    expect(page.article!.date).toBe('2019-11-20T06:35:39.000Z');
    expect(page.article!.dateApproximate).toBe(false);
    expect(page.author).toBe('Jane Doe, Sam Roe');
    expect(page.siteName).toBe('The Example Gazette');
    expect(page.article!.url).toBe('https://gazette.example/news/budget');
    expect(page.article!.source).toBe('https://gazette.example/news/budget');
  });

  it('falls back to article:published_time, <time> and <title> when there is no JSON-LD', () => {
    const body = `<article><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></article>`;
    const withMeta = readHtml(
      `<html><head><title>Budget agreed after a long night - Gazette</title><meta property="article:published_time" content="2021-03-04T10:00:00+01:00"></head><body>${body}</body></html>`,
      null,
    );
    expect(withMeta.article!.title).toBe('Budget agreed after a long night');
    expect(withMeta.article!.date).toBe('2021-03-04T09:00:00.000Z');
    const withTime = readHtml(
      `<html><head><script type="application/ld+json">{not json</script></head><body><time datetime="2020-01-02T03:04:05Z">2 Jan</time>${body}</body></html>`,
      null,
    );
    expect(withTime.article!.date).toBe('2020-01-02T03:04:05.000Z');
    const noDate = readHtml(`<html><body><time datetime="soon">soon</time>${body}</body></html>`, null);
    expect(noDate.article!.date).toBeNull();
  });

  it('keeps block boundaries that textContent runs together', () => {
    const html = `<html><body><article><p>${LONG} The end.</p><p>Next paragraph starts here and carries on for a while so that it counts as text.</p><p>${LONG}</p></article></body></html>`;
    const page = readHtml(html, null);
    expect(page.text).not.toContain('end.Next');
    expect(page.text).toContain('The end.\n\nNext paragraph');
  });

  it('reads a table row as one line', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `<tr><td>${i + 1}</td><td>Driver Number${i + 1}</td><td>${5000 - i * 10}</td></tr>`).join('');
    const html = `<html><body><article><p>${LONG}</p><p>${LONG}</p><table>${rows}</table><p>${LONG}</p></article></body></html>`;
    const page = readHtml(html, null);
    expect(page.article!.paragraphs).toContain('1 Driver Number1 5000');
    expect(page.article!.paragraphs).toContain('8 Driver Number8 4930');
  });

  it('sets a dek apart as the standfirst and treats a short line in capitals as a heading', () => {
    const html = `<html><body><article><h1>Budget</h1><p class="article__dek">Nine votes to eight after a debate that ran past midnight in the town hall.</p>
      <p>${LONG}</p><p>NEXT STEPS</p><p>${LONG}</p></article></body></html>`;
    const page = readHtml(html, null);
    expect(page.article!.standfirst).toBe('Nine votes to eight after a debate that ran past midnight in the town hall.');
    expect(page.article!.headings).toEqual(['NEXT STEPS']);
    expect(page.article!.paragraphs).toEqual([LONG, LONG]);
  });

  it('flags a teaser: under 200 characters of text, or a paywall notice', () => {
    const short = readHtml('<html><body><article><p>Only a line of text here.</p></article></body></html>', null);
    expect(short.teaser).toBe(true);
    const walled = readHtml(
      `<html><body><article><p>${LONG}</p><p>${LONG}</p><p>Subscribe now to continue reading this story.</p></article></body></html>`,
      null,
    );
    expect(walled.teaser).toBe(true);
    expect(readHtml(newsPage(), null).teaser).toBe(false);
  });
});

describe('reading saved pages from the article-extraction benchmark', () => {
  const read = (name: string) => readHtml(fixture(name), gold[name].url);

  it('drops a newspaper site menu, photo credits and slideshow controls but keeps the story', () => {
    const page = read('ctpost-auto-show');
    const text = page.text;
    for (const furniture of ['Sign In', 'UConn Nation', 'Photo: Damian Dovarganes, AP', 'Image 1 of', 'Caption', 'Updated 1:39 am']) {
      expect(text).not.toContain(furniture);
    }
    expect(text.startsWith(gold['ctpost-auto-show'].articleBody.split('\n')[0])).toBe(true);
    expect(page.article!.headings).toContain('NISSAN SENTRA');
  });

  it('keeps a standings table row by row', () => {
    expect(read('autoracing-standings').article!.paragraphs).toContain('1 Kyle Busch 5040 5 1 17 27');
  });

  it('drops the related-stories list after a story', () => {
    const text = read('aljazeera-helicopter').text;
    expect(text).not.toContain('China invites Taliban, Afghan officials for two-day talks');
    expect(text).not.toContain('SOURCE: News agencies');
  });

  it('scores F1 above 0.9 on every fixture page and above 0.97 on most', () => {
    const f1s = Object.keys(gold).map((name) => pageF1(shingleMatch(gold[name].articleBody, read(name).text)));
    expect(Math.min(...f1s)).toBeGreaterThan(0.9);
    expect(f1s.filter((f) => f > 0.97).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the date a page prints, when its metadata has none', () => {
  const body = `<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>`;
  it.each([
    ['Updated 3:27 am EST, Wednesday, November 20, 2019', '2019-11-20T08:27:00.000Z'],
    ['PUBLISHED: 10:48, Tue, Nov 19, 2019', '2019-11-19T10:48:00.000Z'],
    ['Published 11:11 PM EST Nov 19, 2019', '2019-11-20T04:11:00.000Z'],
    ['Posted on 22 March 2015 by Admin', '2015-03-22T00:00:00.000Z'],
  ])('reads “%s” as %s and keeps it out of the text', (stamp, iso) => {
    const page = readHtml(`<html><body><article><p>${stamp}</p>${body}</article></body></html>`, null);
    expect(page.article!.date).toBe(iso);
    expect(page.text).not.toContain(stamp);
  });

  it('prefers the metadata date, and refuses a day that does not exist', () => {
    const meta = '<meta property="article:published_time" content="2021-03-04T10:00:00Z">';
    expect(readHtml(`<html><head>${meta}</head><body><article><p>Updated Nov 19, 2019</p>${body}</article></body></html>`, null).article!.date).toBe(
      '2021-03-04T10:00:00.000Z',
    );
    expect(readHtml(`<html><body><article><p>Updated February 31, 2019 10:00</p>${body}</article></body></html>`, null).article!.date).toBeNull();
  });
});
