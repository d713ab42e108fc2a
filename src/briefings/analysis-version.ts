// A fingerprint of the code that turns files into Articles and indexes: a cached snapshot made by other code is stale.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

let memo: string | null = null;

export function analysisVersion(): string {
  if (memo) return memo;
  const hash = crypto.createHash('sha1');
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(ts|js)$/.test(e.name)) {
        hash.update(e.name);
        hash.update(fs.readFileSync(abs));
      }
    }
  };
  walk(__dirname);
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
