// Watches a content folder and hands changed paths over in batches: editors write a file in several steps
// and a copy of 10,000 files sends tens of thousands of events, so names are collected and flushed once
// the folder has been quiet for a moment (or, during a long burst, every few seconds).
import * as fs from 'node:fs';

export interface ContentWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Flush this long after the last event. */
  debounceMs?: number;
  /** …but at least this often while events keep coming. */
  maxWaitMs?: number;
  onError?: (file: string, err: Error) => void;
}

export function watchContent(
  contentDir: string,
  onChanges: (paths: string[]) => Promise<unknown> | void,
  opts: WatchOptions = {},
): ContentWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 3000;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let firstAt = 0;
  let running: Promise<unknown> | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    if (closed || pending.size === 0) return;
    if (running) return; // the running batch reschedules when it ends
    const paths = [...pending];
    pending.clear();
    firstAt = 0;
    running = Promise.resolve()
      .then(() => onChanges(paths))
      .catch((err: unknown) => opts.onError?.(contentDir, err as Error))
      .finally(() => {
        running = null;
        if (pending.size > 0) schedule();
      });
  };
  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    if (!firstAt) firstAt = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)));
  };

  let watcher: fs.FSWatcher | null = null;
  try {
    watcher = fs.watch(contentDir, { recursive: true }, (_event, name) => {
      if (!name) return;
      pending.add(name.toString());
      schedule();
    });
    watcher.on('error', (err) => opts.onError?.(contentDir, err));
  } catch (err) {
    // Some file systems can't be watched; the library still works, it just needs a restart to see changes.
    opts.onError?.(contentDir, err as Error);
  }
  return {
    close() {
      closed = true;
      watcher?.close();
      if (timer) clearTimeout(timer);
      pending.clear();
    },
  };
}
