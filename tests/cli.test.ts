import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../src/cli/run';
import { cliDeps } from './helpers/cli-deps';

const ROOT = path.join(__dirname, '..');
const CONTENT = path.join(ROOT, 'content');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--database', ':memory:'],
    { out: (t) => out.push(t), err: (t) => err.push(t), env: { CONTENT_DIR: CONTENT } },
    cliDeps,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the briefbot CLI', () => {
  it('prints a readable briefing of the bundled articles', async () => {
    const r = await run('brief');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Briefing — 2 article\(s\)/);
    expect(r.out).toContain('Rubio says');
    expect(r.out).toMatch(/“[^”]+” — \S/);
  });

  it('gives briefs, summaries, quotes, search and articles as documented JSON', async () => {
    const brief = JSON.parse((await run('brief', 'ukraine', '--json')).out);
    expect(Object.keys(brief.items[0])).toEqual(expect.arrayContaining(['articleId', 'title', 'summary', 'quote']));

    const articles = JSON.parse((await run('articles', '--json')).out);
    expect(Object.keys(articles[0])).toEqual(expect.arrayContaining(['id', 'title', 'date', 'standfirst', 'headings', 'paragraphs', 'source']));

    const summary = JSON.parse((await run('summary', 'myanmar envoy', '--length', 'long', '--json')).out);
    expect(summary).toMatchObject({ articleId: expect.any(String), title: expect.stringMatching(/^Myanmar/) });
    expect(summary.sentences).toHaveLength(5);

    const all = JSON.parse((await run('summary', '--all', '--length', 'short', '--json')).out);
    expect(all).toHaveLength(2);

    const quotes = JSON.parse((await run('quotes', '--json')).out);
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(quotes[0])).toEqual(expect.arrayContaining(['text', 'speaker', 'role', 'articleId']));
    expect(quotes.map((q: { speaker: string }) => q.speaker)).toEqual(expect.arrayContaining(['Marco Rubio', 'Donald Trump', 'Vladimir Putin']));

    const hits = JSON.parse((await run('search', 'securty', 'guarantees', '--json')).out);
    expect(Object.keys(hits[0])).toEqual(expect.arrayContaining(['articleId', 'title', 'score', 'snippet']));
    expect(hits[0].title).toMatch(/^Rubio/);
  });

  it('lists every quote when nothing is asked, or as many as --limit says', async () => {
    expect(JSON.parse((await run('quotes', '--json')).out).length).toBeGreaterThan(10);
    expect(JSON.parse((await run('quotes', '--json', '--limit', '3')).out)).toHaveLength(3);
  });

  it('filters quotes by speaker', async () => {
    const r = await run('quotes', '--speaker', 'ushakov', '--json');
    const quotes = JSON.parse(r.out);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q: { speaker: string }) => q.speaker === 'Yuri Ushakov')).toBe(true);
  });

  it('says clearly when nothing matches, with exit code 1', async () => {
    const r = await run('summary', 'zzzzqqqq xxyyzz');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no article matches/);
    expect((await run('search', 'qwxzqwxz')).code).toBe(1);
  });

  it('answers bad usage with the usage text and exit code 2', async () => {
    for (const argv of [['frobnicate'], ['search'], ['brief', '--length', 'huge'], ['brief', '--limit', '0'], ['brief', '--bogus'], []]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Usage: briefbot');
    }
  });

  it('reports a missing content folder', async () => {
    const r = await run('brief', '--content', path.join(os.tmpdir(), 'no-such-briefbot-dir'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/content folder not found/);
  });

  it('refuses a --database that is not a regular file, naming it', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['articles', '--database', '/dev/null'],
      { out: (t) => out.push(t), err: (t) => err.push(t), env: { CONTENT_DIR: CONTENT } },
      cliDeps,
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/\/dev\/null is not a regular file/);
  });

  it('puts load warnings on stderr and keeps stdout clean JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cli-'));
    fs.copyFileSync(path.join(CONTENT, '000_f1e2f2f734faebd8.txt'), path.join(dir, 'seed.txt'));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await run('articles', '--json', '--content', dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(2);
    expect(r.err).toMatch(/warning: empty\.txt/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the first ten unreadable files and counts the rest, unless --warnings asks for every one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cli-'));
    fs.copyFileSync(path.join(CONTENT, '000_f1e2f2f734faebd8.txt'), path.join(dir, 'seed.txt'));
    for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(dir, `empty-${String(i).padStart(2, '0')}.txt`), '');
    const short = await run('search', 'ukraine', '--content', dir);
    expect(short.code).toBe(0);
    expect(short.err.match(/^warning: empty-\d+\.txt/gm)).toHaveLength(10);
    expect(short.err).toMatch(/…and 15 more files could not be read \(--warnings lists them all\)/);
    const all = await run('search', 'ukraine', '--content', dir, '--warnings');
    expect(all.err.match(/^warning: empty-\d+\.txt/gm)).toHaveLength(25);
    expect(all.err).not.toMatch(/more files could not be read/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs as the package bin (npx briefbot quotes --json)', async () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'briefbot.js'), 'quotes', '--json', '--database', path.join(os.tmpdir(), `briefbot-cli-${process.pid}.db`)],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    for (const f of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`briefbot-cli-${process.pid}.db`))) fs.rmSync(path.join(os.tmpdir(), f));
    expect(r.status).toBe(0);
    const quotes = JSON.parse(r.stdout);
    expect(quotes.find((q: { text: string }) => q.text.startsWith('And so what we have tried to do'))?.speaker).toBe('Marco Rubio');
  });
});
