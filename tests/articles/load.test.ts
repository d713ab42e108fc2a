import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/briefings/articles/load';
import { loadRawArticles, readArticleFile } from '../../src/sources/files/read';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'articles');
const NOW = new Date('2026-06-01T00:00:00.000Z');
const MTIME = new Date('2026-05-01T10:00:00.000Z');

let dir: string;

function write(rel: string, content: string | Buffer, mtime = MTIME): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  fs.utimesSync(abs, mtime, mtime);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-load-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const reasonsFor = (warnings: { file: string; reason: string }[], file: string) => warnings.filter((w) => w.file === file).map((w) => w.reason);

describe('loadRawArticles', () => {
  it('walks folders recursively, picks a reader per extension and reports every file', () => {
    write('a.txt', 'Plain title\n\nPlain body.\n');
    write('news/b.md', '---\ntitle: Markdown title\n---\nMarkdown body.\n');
    write('news/deep/c.json', JSON.stringify({ title: 'JSON title', body: 'JSON body.' }));
    write('d.csv', 'title,text\nCSV title,CSV body.\n');
    const { articles, warnings, files } = loadRawArticles(dir, { now: NOW });
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.source, a.title, a.paragraphs])).toEqual([
      ['a.txt', 'Plain title', ['Plain body.']],
      ['d.csv', 'CSV title', ['CSV body.']],
      ['news/b.md', 'Markdown title', ['Markdown body.']],
      ['news/deep/c.json', 'JSON title', ['JSON body.']],
    ]);
    expect(files.map((f) => f.path)).toEqual(['a.txt', 'd.csv', 'news/b.md', 'news/deep/c.json']);
    expect(files[0].mtimeMs).toBe(MTIME.getTime());
    expect(files[0].size).toBe(Buffer.byteLength('Plain title\n\nPlain body.\n'));
  });

  it('skips dotfiles, dot-folders and node_modules', () => {
    write('.hidden.txt', 'Hidden\n\nBody.\n');
    write('.git/x.txt', 'Git\n\nBody.\n');
    write('node_modules/pkg/readme.md', '# Package\n\nBody.\n');
    write('seen.txt', 'Seen\n\nBody.\n');
    const { articles, files } = loadRawArticles(dir, { now: NOW });
    expect(articles.map((a) => a.title)).toEqual(['Seen']);
    expect(files.map((f) => f.path)).toEqual(['seen.txt']);
  });

  it('dates an undated article by its file time, marked approximate, never later than now', () => {
    write('undated.txt', 'Title\n\nBody.\n');
    write('future.txt', 'Future\n\nBody.\n', new Date('2030-01-01T00:00:00Z'));
    const { articles } = loadRawArticles(dir, { now: NOW });
    const byTitle = new Map(articles.map((a) => [a.title, a]));
    expect(byTitle.get('Title')).toMatchObject({ date: MTIME.toISOString(), dateApproximate: true });
    expect(byTitle.get('Future')).toMatchObject({ date: NOW.toISOString(), dateApproximate: true });
  });

  it('turns every kind of bad file into a warning and still loads the good ones', () => {
    write('good.txt', 'Good article\n\nIt loads.\n');
    write('empty.txt', '');
    write('blank.md', '   \n\n  \n');
    write('binary.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x00, 0x01, 0x02]));
    write('broken.json', '{"title": ');
    write('nothing.json', '{"foo": 1}');
    write('title-only.txt', 'Just a title\n');
    write('broken-front-matter.md', '---\ntitle: [unclosed\n---\n# Still here\n\nBody survives.\n');
    write('notes.ann', 'T1\tSource 0 5\tHello');
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(articles.map((a) => a.title).sort()).toEqual(['Good article', 'Still here']);
    expect(reasonsFor(warnings, 'empty.txt')).toEqual(['empty file']);
    expect(reasonsFor(warnings, 'blank.md')).toEqual(['empty file']);
    expect(reasonsFor(warnings, 'binary.txt')).toEqual(['binary file (contains NUL bytes): skipped']);
    expect(reasonsFor(warnings, 'broken.json')[0]).toMatch(/^invalid JSON/);
    expect(reasonsFor(warnings, 'nothing.json')[0]).toMatch(/has no title and no body/);
    expect(reasonsFor(warnings, 'title-only.txt')[0]).toMatch(/no article text/);
    expect(reasonsFor(warnings, 'broken-front-matter.md')[0]).toMatch(/^broken front matter/);
    expect(reasonsFor(warnings, 'notes.ann')).toEqual(['unsupported file type ".ann": skipped']);
    expect(reasonsFor(warnings, 'good.txt')).toEqual([]);
  });

  it('skips a file over the 5 MB cap with a warning', () => {
    write('huge.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    write('small.txt', 'Small\n\nBody.\n');
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(articles.map((a) => a.title)).toEqual(['Small']);
    expect(reasonsFor(warnings, 'huge.txt')[0]).toMatch(/file too large \(5\.0 MB, cap 5 MB\)/);
  });

  it('decodes non-UTF-8 bytes as Windows-1252 and says so (the BBC file with a raw £)', () => {
    fs.copyFileSync(path.join(FIXTURES, 'bbc-sport-199-windows-1252.txt'), path.join(dir, '199.txt'));
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(warnings).toEqual([{ file: '199.txt', reason: 'not valid UTF-8: decoded as Windows-1252' }]);
    expect(articles[0].title).toBe('Chelsea sack Mutu');
    expect(articles[0].paragraphs.join(' ')).toContain('a £15.8m signing from Parma');
    expect(articles[0].paragraphs.join(' ')).not.toContain('\ufffd');
  });

  it('reads UTF-16 files with a byte order mark and strips a UTF-8 BOM', () => {
    write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Wide title\n\nWide body.\n', 'utf16le')]));
    write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BOM title\n\nBody.\n')]));
    const { articles, warnings } = loadRawArticles(dir, { now: NOW });
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.title).sort()).toEqual(['BOM title', 'Wide title']);
  });

  it('tells a scraped page from a plain article by its content, not its name', () => {
    fs.copyFileSync(path.join(__dirname, '..', '..', 'content', '000_f1e2f2f734faebd8.txt'), path.join(dir, 'seed.txt'));
    fs.copyFileSync(path.join(FIXTURES, 'bbc-politics-010.txt'), path.join(dir, 'bbc.txt'));
    const { articles } = loadRawArticles(dir, { now: NOW });
    expect(articles.map((a) => [a.source, a.title])).toEqual([
      ['bbc.txt', 'Crucial decision on super-casinos'],
      ['seed.txt', "Rubio says 'some progress' made in US-Russia talks on Ukraine"],
      ['seed.txt', 'Myanmar expels East Timor envoy after rights group complaint against junta'],
    ]);
  });

  it('reports a missing content folder as a warning instead of throwing', () => {
    const result = loadRawArticles(path.join(dir, 'does-not-exist'), { now: NOW });
    expect(result.articles).toEqual([]);
    expect(result.warnings[0].reason).toMatch(/folder could not be read: ENOENT/);
  });
});

describe('readArticleFile', () => {
  it('re-reads one file by its relative path', () => {
    write('sub/one.md', '---\ntitle: One\ndate: 2025-12-03\n---\nBody.\n');
    const { articles, warnings } = readArticleFile(dir, 'sub/one.md', { now: NOW });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: 'One', source: 'sub/one.md', date: '2025-12-03T00:00:00.000Z', dateApproximate: false });
  });

  it('returns nothing and no warning for a file that has been removed', () => {
    expect(readArticleFile(dir, 'gone.txt')).toEqual({ articles: [], warnings: [] });
  });

  it('refuses paths that leave the content folder', () => {
    const { articles, warnings } = readArticleFile(dir, '../outside.txt');
    expect(articles).toEqual([]);
    expect(warnings).toEqual([{ file: '../outside.txt', reason: 'outside the content folder: skipped' }]);
  });

  it('gives the same articles as a full load', () => {
    fs.copyFileSync(path.join(__dirname, '..', '..', 'content', '000_f1e2f2f734faebd8.txt'), path.join(dir, 'seed.txt'));
    expect(readArticleFile(dir, 'seed.txt', { now: NOW }).articles).toEqual(loadRawArticles(dir, { now: NOW }).articles);
  });
});
