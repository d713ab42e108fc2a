// The on-disk snapshot that makes a restart cheap: analysed articles per file, keyed by the file's version,
// and the built search index. Anything wrong with it means "no cache", never an error.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { withLazySentences, withoutSentences } from './analyse';
import type { ContentFile } from './content-files';
import type { Article, LoadWarning } from './types';

/** Bump when Article's shape or the analysis changes, so old snapshots are ignored. */
export const CACHE_FORMAT = 2;

export interface CachedFile extends ContentFile {
  articles: Article[];
  warnings: LoadWarning[];
}

export interface LibrarySnapshot {
  format: number;
  analysisVersion: string;
  files: CachedFile[];
  /** SearchIndex.toJSON() of exactly these files' articles. */
  index: unknown;
}

export function defaultCacheDir(contentDir: string): string {
  const key = crypto.createHash('sha1').update(path.resolve(contentDir)).digest('hex').slice(0, 12);
  return path.join(process.cwd(), '.cache', 'briefbot', key);
}

function snapshotPath(cacheDir: string): string {
  return path.join(cacheDir, 'library.v8');
}

export function readSnapshot(cacheDir: string, analysisVersion: string): LibrarySnapshot | null {
  try {
    const data = v8.deserialize(fs.readFileSync(snapshotPath(cacheDir))) as LibrarySnapshot;
    if (!data || data.format !== CACHE_FORMAT || data.analysisVersion !== analysisVersion) return null;
    if (!Array.isArray(data.files)) return null;
    for (const f of data.files) f.articles = f.articles.map((a) => withLazySentences(a));
    return data;
  } catch {
    return null;
  }
}

/** Writes atomically (temp file + rename) so a crash mid-write leaves the old snapshot intact. */
export function writeSnapshot(cacheDir: string, snapshot: LibrarySnapshot): string | null {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const target = snapshotPath(cacheDir);
    const tmp = `${target}.${process.pid}.tmp`;
    const files = snapshot.files.map((f) => ({ ...f, articles: f.articles.map(withoutSentences) }));
    fs.writeFileSync(tmp, v8.serialize({ ...snapshot, files }));
    fs.renameSync(tmp, target);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
