// Reading article files from a content folder: only regular files whose real path is inside the folder.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { MAX_FILE_BYTES, readArticleBytes, type FileRead, type LoadOptions, type LoadWarning, type RawArticle } from '../../briefings';
import { listContentFiles, realRoot, resolveInside, type ContentFile } from './content-files';

export type FileBytes =
  | { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number; hash: string }
  | { kind: 'warning'; reason: string; size: number | null; mtimeMs: number | null }
  | { kind: 'gone' };

export function hashBytes(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The bytes of `rel` under the real folder `root`, or why they may not be read, or gone. */
export function readContentBytes(root: string, rel: string): FileBytes {
  const r = resolveInside(root, rel);
  if (r === null) return { kind: 'gone' };
  if ('refused' in r) return { kind: 'warning', reason: r.refused, size: null, mtimeMs: null };
  const { stat } = r;
  if (stat.isDirectory()) return { kind: 'gone' };
  if (!stat.isFile()) return { kind: 'warning', reason: 'not a regular file: skipped', size: null, mtimeMs: null };
  if (stat.size > MAX_FILE_BYTES) {
    return {
      kind: 'warning',
      reason: `file too large (${(stat.size / 1048576).toFixed(1)} MB, cap 5 MB): skipped`,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  }
  try {
    const bytes = fs.readFileSync(r.real);
    return { kind: 'bytes', bytes, size: stat.size, mtimeMs: stat.mtimeMs, hash: hashBytes(bytes) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'warning', reason: `could not be read: ${code ?? (err as Error).message}`, size: stat.size, mtimeMs: stat.mtimeMs };
  }
}

/** Read one file of the content folder (raw articles, before analysis). A file that no longer exists yields nothing. */
export function readArticleFile(contentDir: string, relPath: string, opts: LoadOptions = {}): FileRead {
  const r = readContentBytes(realRoot(contentDir), relPath);
  if (r.kind === 'gone') return { articles: [], warnings: [] };
  if (r.kind === 'warning') return { articles: [], warnings: [{ file: relPath, reason: r.reason }] };
  return readArticleBytes(relPath, r.bytes, r.mtimeMs, opts.now ?? new Date());
}

export interface LoadResult {
  articles: RawArticle[];
  warnings: LoadWarning[];
  files: ContentFile[];
}

/** Every raw article under `contentDir` (for tools and tests; the bot and CLI sync into the store instead). */
export function loadRawArticles(contentDir: string, opts: LoadOptions = {}): LoadResult {
  const articles: RawArticle[] = [];
  const warnings: LoadWarning[] = [];
  const files = listContentFiles(contentDir, (file, reason) => warnings.push({ file, reason }));
  for (const f of files) {
    const result = readArticleFile(contentDir, f.path, opts);
    articles.push(...result.articles);
    warnings.push(...result.warnings);
  }
  return { articles, warnings, files };
}
