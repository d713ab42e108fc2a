// Keeps a running library in step with its content folder: a changed file is re-read on its own, not the library.
import * as fs from 'node:fs';
import type { Library } from './library-types';

export interface ContentWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Editors write a file in several steps; wait this long after the last event before re-reading. */
  debounceMs?: number;
  onRefresh?: (file: string) => void;
  onError?: (file: string, err: Error) => void;
}

export function watchContent(library: Library, contentDir: string, opts: WatchOptions = {}): ContentWatcher {
  const debounceMs = opts.debounceMs ?? 500;
  const pending = new Map<string, NodeJS.Timeout>();
  let watcher: fs.FSWatcher | null = null;
  try {
    watcher = fs.watch(contentDir, { recursive: true }, (_event, name) => {
      if (!name) return;
      const file = name.toString().replace(/\\/g, '/');
      if (file.split('/').some((part) => part.startsWith('.'))) return;
      clearTimeout(pending.get(file));
      pending.set(
        file,
        setTimeout(() => {
          pending.delete(file);
          try {
            library.refreshFile(file);
            opts.onRefresh?.(file);
          } catch (err) {
            opts.onError?.(file, err as Error);
          }
        }, debounceMs),
      );
    });
    watcher.on('error', (err) => opts.onError?.(contentDir, err));
  } catch (err) {
    // Some file systems can't be watched; the library still works, it just needs a restart to see changes.
    opts.onError?.(contentDir, err as Error);
  }
  return {
    close() {
      watcher?.close();
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
