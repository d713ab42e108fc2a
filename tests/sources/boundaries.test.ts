import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOM = path.join(__dirname, '..', '..', 'src', 'sources');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/sources is the room for HTTP and nothing else', () => {
  it('imports neither discord.js, SQL, the store nor the Discord adapter', () => {
    const files = filesUnder(ROOM);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\(|require\()\s*['"]([^'"]+)['"]/g)]
        .map((m) => m[1])
        .filter((i) => /discord|better-sqlite3|\/store\b|\/commands\b/.test(i))
        .map((i) => `${path.relative(ROOM, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
