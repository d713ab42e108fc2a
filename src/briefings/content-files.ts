// Lists the files of a content folder with what identifies their version (size, mtime), without reading them.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ContentFile {
  /** Relative to the content folder, forward slashes. */
  path: string;
  size: number;
  mtimeMs: number;
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Every article file under `contentDir`, in a stable order (dotfiles, dot-folders and node_modules skipped;
 * symbolic links not followed: they could loop or leave the content folder). A folder that cannot be read
 * is reported through `onFolderError` and skipped.
 */
export function listContentFiles(contentDir: string, onFolderError?: (folder: string, reason: string) => void): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      onFolderError?.(rel || '.', `folder could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const abs = path.join(dir, e.name);
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(abs, relPath);
      else if (e.isFile()) {
        try {
          const st = fs.statSync(abs);
          out.push({ path: relPath, size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          // vanished between readdir and stat: treat as absent
        }
      }
    }
  };
  walk(contentDir, '');
  return out;
}

export function statContentFile(contentDir: string, relPath: string): ContentFile | null {
  try {
    const st = fs.statSync(path.join(contentDir, relPath));
    return st.isFile() ? { path: relPath, size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

export function sameVersion(a: ContentFile, b: ContentFile): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
