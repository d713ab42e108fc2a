// Leftovers of older versions and killed processes: the whole-library snapshot cache (.cache/briefbot) that
// the article store replaced, including the temp files a process killed mid-write left behind.
import * as fs from 'node:fs';
import * as path from 'node:path';

const LEFTOVER = /^library\.v8(\.\d+\.tmp)?$/;

/** Removes old snapshot files and their temp files under `<cwd>/.cache/briefbot`. Returns what was removed. */
export function removeStaleCache(cwd = process.cwd()): string[] {
  const base = path.join(cwd, '.cache', 'briefbot');
  const removed: string[] = [];
  let folders: string[];
  try {
    folders = fs.readdirSync(base);
  } catch {
    return removed;
  }
  for (const folder of folders) {
    const dir = path.join(base, folder);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => LEFTOVER.test(n))) {
      try {
        fs.unlinkSync(path.join(dir, name));
        removed.push(path.join(dir, name));
      } catch {
        // someone else's file or already gone: leave it
      }
    }
    try {
      fs.rmdirSync(dir);
    } catch {
      // not empty: not only ours
    }
  }
  try {
    fs.rmdirSync(base);
  } catch {
    // not empty
  }
  return removed;
}
