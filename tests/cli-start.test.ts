// `briefbot search` starts in a blink: the packages only other commands need (an HTML parser, a YAML parser,
// the feed reader, the settings schema) are not loaded until something reads a page, a front matter or a feed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
// iconv-lite: the byte decoder, loaded with the file readers when a file is read (src/briefings/readers-on-demand.ts).
const HEAVY = ['linkedom', '@mozilla/readability', 'yaml', 'zod', 'feedsmith', 'pino', 'discord.js', 'iconv-lite'];

/** Runs `briefbot` from the sources and lists the packages under node_modules it loaded. */
function packagesLoaded(argv: string[]): { status: number | null; packages: string[]; stdout: string } {
  const probe = `
    process.on('exit', () => {
      const names = new Set(Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean));
      require('fs').writeSync(2, '\\nPACKAGES ' + JSON.stringify([...names]) + '\\n');
    });
    process.argv.splice(1, 0, ${JSON.stringify(path.join(ROOT, 'src', 'cli.ts'))});
    require(${JSON.stringify(path.join(ROOT, 'src', 'cli.ts'))});`;
  const r = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', probe, '--', ...argv], { cwd: ROOT, encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('PACKAGES ')) ?? 'PACKAGES []';
  return { status: r.status, packages: JSON.parse(line.slice('PACKAGES '.length)) as string[], stdout: r.stdout };
}

describe('the CLI at start', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-start-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers a search over an unchanged folder without loading the packages only reading, feeds or Discord need', () => {
    const argv = ['search', 'ukraine', '--content', path.join(ROOT, 'content'), '--database', path.join(dir, 'store.db')];
    // The first run fills the store (its worker threads read the files); the second finds nothing changed.
    expect(packagesLoaded(argv).status).toBe(0);
    const warm = packagesLoaded(argv);
    expect(warm.status).toBe(0);
    expect(warm.stdout).toMatch(/ukraine/i);
    expect(warm.packages).toContain('better-sqlite3');
    for (const name of HEAVY) expect(warm.packages).not.toContain(name);
  }, 60_000);
});
