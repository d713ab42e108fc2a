import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { plainFetchPage } from '../src/cli/extract';
import { runCommand } from '../src/cli/run';
import { cliDeps } from './helpers/cli-deps';
import type { PageFetcher } from '../src/cli/extract';

const FIXTURES = path.join(__dirname, 'fixtures', 'html');
const SENTENCE = 'The committee met for three hours on Tuesday and agreed a budget for the coming year, officials said.';
const PAGE = `<html><head><meta property="og:title" content="Budget agreed"><meta property="og:site_name" content="Gazette">
  <meta property="article:published_time" content="2025-12-03T08:00:00Z"></head>
  <body><article><p class="byline">By Jane Doe</p><p>${SENTENCE}</p><p>${SENTENCE}</p><p>${SENTENCE}</p></article></body></html>`;

async function run(argv: string[], fetchPage?: PageFetcher) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} }, { ...cliDeps, fetchPage });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-extract-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('briefbot extract', () => {
  it('prints what it reads from one page: title, date, site and the text', async () => {
    fs.writeFileSync(path.join(dir, 'budget.html'), PAGE);
    const r = await run(['extract', path.join(dir, 'budget.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/title: +Budget agreed/);
    expect(r.out).toMatch(/date: +2025-12-03T08:00:00.000Z/);
    expect(r.out).toMatch(/site: +Gazette/);
    expect(r.out).toContain(`${SENTENCE}\n\n${SENTENCE}`);
    expect(r.out).not.toContain('By Jane Doe');
  });

  it('gives one JSON object with --json', async () => {
    const file = path.join(FIXTURES, 'autoracing-standings.html.gz');
    const r = await run(['extract', file, '--json']);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.out);
    expect(page).toMatchObject({ file, title: expect.any(String), teaser: false });
    expect(page.paragraphs).toContain('1 Kyle Busch 5040 5 1 17 27');
    expect(page.text).toContain('1 Kyle Busch 5040 5 1 17 27');
  });

  it('reads a folder: every page, one JSON object a line, other files ignored, unreadable pages warned about', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.html'), PAGE);
    fs.copyFileSync(path.join(FIXTURES, 'jpost-berlin-stabbing.html.gz'), path.join(dir, 'sub', 'b.html.gz'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Not a page\n\nBody.\n');
    fs.writeFileSync(path.join(dir, 'c.html.gz'), 'not gzip');
    const r = await run(['extract', dir]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(['a.html', 'sub/b.html.gz']);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['file', 'title', 'date', 'text', 'paragraphs']));
    expect(lines[1].title).toBe('Son of former German president stabbed to death in Berlin');
    expect(r.err).toMatch(/c\.html\.gz: not a readable gzip file/);
  });

  it('fetches a URL through the fetcher it is given and reports the URL the page came from', async () => {
    const asked: string[] = [];
    const fetchPage: PageFetcher = async (url) => {
      asked.push(url);
      return { html: PAGE, url: 'https://gazette.example/final' };
    };
    const r = await run(['extract', 'https://gazette.example/budget', '--json'], fetchPage);
    expect(r.code).toBe(0);
    expect(asked).toEqual(['https://gazette.example/budget']);
    expect(JSON.parse(r.out)).toMatchObject({ url: 'https://gazette.example/final', title: 'Budget agreed', date: '2025-12-03T08:00:00.000Z' });
  });

  it('says why a URL could not be read, and exits 1', async () => {
    const r = await run(['extract', 'https://gazette.example/x'], async () => {
      throw new Error('HTTP 404');
    });
    expect(r.code).toBe(1);
    expect(r.err).toBe('briefbot: could not fetch https://gazette.example/x: HTTP 404');
  });

  it('refuses a missing file, a file that is not a page, an empty folder and a missing argument', async () => {
    expect((await run(['extract', path.join(dir, 'nope.html')])).err).toMatch(/no such file or folder/);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'text');
    const notPage = await run(['extract', path.join(dir, 'notes.txt')]);
    expect([notPage.code, notPage.err]).toEqual([1, expect.stringMatching(/is not a web page/)]);
    const empty = await run(['extract', dir]);
    expect([empty.code, empty.err]).toEqual([1, expect.stringMatching(/no \.html, \.htm or \.html\.gz pages/)]);
    const usage = await run(['extract']);
    expect([usage.code, usage.err]).toEqual([2, expect.stringMatching(/extract needs one file, folder or URL/)]);
  });

  it('leaves the other commands to the synchronous CLI', async () => {
    const r = await run(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('extract <file | folder | URL>');
  });
});

describe('the plain page fetcher', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(Buffer.alloc(4 * 1024 * 1024, 0x61));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns the page and its URL', async () => {
    const page = await plainFetchPage(`${base}/page`);
    expect(page).toEqual({ html: PAGE, url: `${base}/page` });
  });

  it('refuses an error status and a page over 3 MB', async () => {
    await expect(plainFetchPage(`${base}/missing`)).rejects.toThrow('HTTP 404');
    await expect(plainFetchPage(`${base}/big`)).rejects.toThrow('page larger than 3 MB');
  });
});
