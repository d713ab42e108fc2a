// `briefbot search` run again and again over one folder and one database, as a user does: the first run reads the
// folder into the store, later runs reuse it (issue 13: a warm run must start in a blink). A warm run must still
// notice every file edited in place, added or deleted since the last one, and answer as the first run did.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { all } from './fixtures/stories/articles';

const ROOT = path.join(__dirname, '..');

function markdown(a: { title: string; url?: string | null; date: string | null; paragraphs: string[] }): string {
  const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
  return `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`;
}

describe('briefbot search, run again on the same folder and database', () => {
  let root: string;
  let content: string;
  let database: string;

  /** The package's bin, as the bench and a user run it; --json hits, or [] when nothing matches. */
  type Hit = { title: string; alsoReportedBy: unknown[] };
  const search = (...words: string[]): { stdout: string; hits: Hit[] } => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'briefbot.js'), 'search', ...words, '--json', '--content', content, '--database', database],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    if (r.status === 1 && /nothing matches/.test(r.stderr)) return { stdout: r.stdout, hits: [] };
    expect(r.status).toBe(0);
    return { stdout: r.stdout, hits: JSON.parse(r.stdout) as Hit[] };
  };
  const titles = (...words: string[]) => search(...words).hits.map((h) => h.title);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cli-warm-'));
    content = path.join(root, 'content');
    database = path.join(root, 'briefbot.db');
    fs.mkdirSync(path.join(content, 'desk'), { recursive: true });
    for (const a of all) fs.writeFileSync(path.join(content, 'desk', `${a.id}.md`), markdown(a));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('answers a warm run exactly as the first run, stories and "also reported by" included', () => {
    const first = search('Sony', 'PS5', 'price');
    expect(first.hits.some((h) => h.alsoReportedBy.length === 2)).toBe(true);
    expect(search('Sony', 'PS5', 'price').stdout).toBe(first.stdout);
    expect(search('Sony', 'PS5', 'price').stdout).toBe(first.stdout);
  });

  it('notices a file edited in place, one added and one deleted, though the folders stay as they were listed', () => {
    const article = (title: string, text: string) => markdown({ title, url: null, date: '2026-03-28T10:00:00Z', paragraphs: [text] });
    const desk = path.join(content, 'desk');
    fs.writeFileSync(path.join(desk, 'harbour.md'), article('Harbour bridge opens', 'The mayor opened the harbour bridge on Monday.'));
    fs.writeFileSync(path.join(desk, 'ferry.md'), article('Ferry strike ends', 'Ferry crews went back to work after talks.'));
    expect(titles('harbour', 'bridge')).toEqual(['Harbour bridge opens']);
    const deskTime = fs.statSync(desk).mtimeMs;

    // Rewritten in place: its folder's entries (and so the folder's time) do not change, only the file's.
    const harbour = path.join(desk, 'harbour.md');
    fs.writeFileSync(harbour, article('Lighthouse keeper retires', 'The lighthouse keeper retired after forty years.'));
    const later = new Date(fs.statSync(harbour).mtimeMs + 5000);
    fs.utimesSync(harbour, later, later);
    expect(fs.statSync(desk).mtimeMs).toBe(deskTime);
    expect(titles('lighthouse', 'keeper')).toEqual(['Lighthouse keeper retires']);
    expect(titles('harbour', 'bridge')).toEqual([]);

    fs.mkdirSync(path.join(content, 'late'));
    fs.writeFileSync(path.join(content, 'late', 'glacier.md'), article('Glacier retreat speeds up', 'Ice loss broke records this summer.'));
    expect(titles('glacier', 'retreat')).toEqual(['Glacier retreat speeds up']);

    fs.rmSync(path.join(desk, 'ferry.md'));
    expect(titles('ferry', 'strike')).toEqual([]);
    expect(titles('lighthouse', 'keeper')).toEqual(['Lighthouse keeper retires']);
  });
});
