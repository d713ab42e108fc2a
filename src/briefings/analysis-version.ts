// A fingerprint of the code that turns files into Articles and indexes: a cached snapshot made by other code is stale.
// It is the hash of the TypeScript sources, wherever the code runs from: tsx and the tests hash src/briefings
// directly; the compiled dist/ reads the hash the build recorded from the same sources (ANALYSIS_VERSION_FILE), so
// switching between `npm run dev` and `npm start` does not re-analyse the whole store.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Written by the build next to the compiled core: `{ "fingerprint": "…" }`. */
export const ANALYSIS_VERSION_FILE = 'analysis-version.json';

let memo: string | null = null;

/** The hash of every `.ts` source (not `.d.ts`) under dir, by relative path and content, in a stable order. */
export function fingerprintSources(dir: string, ext: RegExp = /(?<!\.d)\.ts$/): string {
  const hash = crypto.createHash('sha1');
  const walk = (abs: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const relName = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), relName);
      else if (ext.test(e.name)) {
        hash.update(relName);
        hash.update(fs.readFileSync(path.join(abs, e.name)));
      }
    }
  };
  walk(dir, '');
  return hash.digest('hex').slice(0, 16);
}

/** The fingerprint for code in moduleDir: the recorded one when compiled, else the hash of its sources. */
export function analysisVersionOf(moduleDir: string, compiled: boolean): string {
  if (!compiled) return fingerprintSources(moduleDir);
  try {
    const recorded = JSON.parse(fs.readFileSync(path.join(moduleDir, ANALYSIS_VERSION_FILE), 'utf8')) as { fingerprint?: unknown };
    if (typeof recorded.fingerprint === 'string' && recorded.fingerprint) return recorded.fingerprint;
  } catch {
    // A build without the record (tsc run by hand): fall back to the compiled files, still stable for that build.
  }
  return fingerprintSources(moduleDir, /\.js$/);
}

export function analysisVersion(): string {
  memo ??= analysisVersionOf(__dirname, __filename.endsWith('.js'));
  return memo;
}
