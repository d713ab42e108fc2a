// Careless settings and files (issue 11, #17): an empty content folder setting is refused instead of
// reading the working folder, and a Markdown article lost to its front matter says why.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRawArticles } from '../../src/sources/files/read';
import { readMarkdown } from '../../src/briefings/articles/markdown';
import { runCli } from '../../src/cli/run';
import { cliDeps } from '../helpers/cli-deps';
import { ConfigError, loadConfig } from '../../src/config';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('an empty content folder setting is refused (#17b)', () => {
  // A folder holding one readable article: if the CLI fell back to the working folder, it would list it.
  let cwd: string;
  let before: string;
  beforeAll(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cwd-'));
    fs.writeFileSync(path.join(cwd, 'notes.txt'), 'Private notes\n\nNot an article for the bot.\n');
    before = process.cwd();
    process.chdir(cwd);
  });
  afterAll(() => {
    process.chdir(before);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...argv, '--database', ':memory:'], { out: (t) => out.push(t), err: (t) => err.push(t), env }, cliDeps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it.each([[['articles', '--content', '']], [['articles', '--content=']], [['articles', '--content', '  ']]])(
    '--content "" is a usage error (%j)',
    async (argv) => {
      const r = await cli(argv, {});
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^briefbot: --content needs a folder/);
      expect(r.err).toContain('Usage: briefbot');
      expect(r.out).not.toContain('Private notes');
    },
  );

  it('an empty CONTENT_DIR is a usage error too, unless --content is given', async () => {
    const r = await cli(['articles'], { CONTENT_DIR: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^briefbot: CONTENT_DIR is set but empty/);
    expect(r.out).not.toContain('Private notes');
    expect(await cli(['articles', '--content', cwd], { CONTENT_DIR: '' })).toMatchObject({ code: 0, out: expect.stringContaining('Private notes') });
  });

  it('the bot refuses an empty CONTENT_DIR at start, saying what to write', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, CONTENT_DIR: ' ' })).toThrow(ConfigError);
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, CONTENT_DIR: '' })).toThrow(
      /CONTENT_DIR is set but empty: give the folder of articles \(e\.g\. CONTENT_DIR=\.\/content\)/,
    );
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }).contentDir).toBe('./content');
  });
});

describe('a Markdown article dropped because of its front matter says why (#17c)', () => {
  const ctx = { source: 'budget.md', savedAt: new Date('2026-01-10T12:00:00Z') };
  const BODY = '\n\nThe council voted on Tuesday to pass the budget.\n';

  it.each([
    ['a list', 'title: [Budget, vote]', /^front matter "title" is a list, not text \(put the title in quotes\) — skipped/],
    ['a mapping', 'title:\n  en: Budget', /^front matter "title" is a set of fields, not text — skipped/],
    ['true/false', 'title: true', /^front matter "title" is true \(yes\/no\), not text/],
    ['empty', 'title:', /^front matter "title" is empty — skipped/],
    ['unreadable YAML', 'title: "Budget\ndate: 2026-01-01', /^broken front matter: .*quote.* — skipped: without a title/],
    ['not a mapping', '- Budget', /^broken front matter: not a mapping of fields — skipped/],
  ])('title that is %s', (_what, yaml, reason) => {
    const { articles, warnings } = readMarkdown(`---\n${yaml}\n---${BODY}`, ctx);
    expect(articles).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).not.toMatch(/^no recognisable article/);
  });

  it('an article that still loads with another title warns that the front-matter title was not used', () => {
    const { articles, warnings } = readMarkdown(`---\ntitle: [Budget, vote]\n---\n\n# Budget passes\n${BODY}`, ctx);
    expect(articles.map((a) => a.title)).toEqual(['Budget passes']);
    expect(warnings).toEqual([
      'front matter "title" is a list, not text (put the title in quotes): the first heading or paragraph is the title instead',
    ]);
  });

  it('a truly empty body is still reported as no body text, with the broken front matter', () => {
    const { warnings } = readMarkdown('---\ntitle: "Budget\n---\n\n', ctx);
    expect(warnings[0]).toMatch(/^broken front matter/);
    expect(warnings[1]).toBe('no recognisable article (no body text)');
  });

  it('the loader names the file with the reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-fm-'));
    try {
      fs.writeFileSync(path.join(dir, 'budget.md'), `---\ntitle: [Budget, vote]\n---${BODY}`);
      const { articles, warnings } = loadRawArticles(dir, { now: new Date('2026-01-10T12:00:00Z') });
      expect(articles).toEqual([]);
      expect(warnings).toEqual([{ file: 'budget.md', reason: expect.stringMatching(/^front matter "title" is a list/) }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
