// Watches a content folder and hands changed paths over in batches: editors write a file in several steps
// and a copy of 10,000 files sends tens of thousands of events, so names are collected and flushed once
// the folder has been quiet for a moment (or, during a long burst, every few seconds).
//
// One plain watcher per folder rather than fs.watch's `recursive` option: on Linux, Node 20 implements
// that option in JavaScript and walks every new folder synchronously, blocking the event loop for seconds
// when thousands of files arrive (measured: 3.4 s for 2,000 files with nothing else running).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { skippedName } from './content-files';

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

class FolderWatchers {
  private readonly byFolder = new Map<string, fs.FSWatcher>();

  constructor(
    private readonly root: string,
    private readonly onName: (rel: string) => void,
    private readonly onError: (file: string, err: Error) => void,
  ) {}

  /** Watches `rel` and every folder below it (links to folders are not followed). */
  add(rel: string): void {
    if (this.byFolder.has(rel)) return;
    const abs = path.join(this.root, rel);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(abs, (_event, name) => {
        if (name) this.onName(rel ? `${rel}/${name.toString()}` : name.toString());
      });
    } catch (err) {
      if (!rel) this.onError(this.root, err as Error); // the folder itself: some file systems can't be watched
      return;
    }
    watcher.on('error', (err) => {
      this.remove(rel);
      if (!rel) this.onError(this.root, err);
    });
    this.byFolder.set(rel, watcher);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !skippedName(e.name)) this.add(rel ? `${rel}/${e.name}` : e.name);
  }

  /** Stops watching `rel` and everything below it (it was removed or moved away). */
  remove(rel: string): void {
    for (const [folder, watcher] of this.byFolder) {
      if (rel && (folder === rel || folder.startsWith(`${rel}/`))) {
        watcher.close();
        this.byFolder.delete(folder);
      }
    }
  }

  /** Brings the watchers in line with what the changed names now are (new folders, vanished ones). */
  update(names: Iterable<string>): void {
    for (const rel of names) {
      if (rel.split('/').some(skippedName)) continue;
      let st: fs.Stats | null;
      try {
        st = fs.lstatSync(path.join(this.root, rel));
      } catch {
        st = null;
      }
      if (st?.isDirectory()) this.add(rel);
      else if (this.byFolder.has(rel)) this.remove(rel);
    }
  }

  close(): void {
    for (const w of this.byFolder.values()) w.close();
    this.byFolder.clear();
  }
}

export function watchContent(contentDir: string, onChanges: (paths: string[]) => Promise<unknown> | void, opts: WatchOptions = {}): ContentWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 3000;
  const onError = opts.onError ?? (() => undefined);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let firstAt = 0;
  let running: Promise<unknown> | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    if (closed || pending.size === 0 || running) return; // a running batch reschedules when it ends
    const paths = [...pending];
    pending.clear();
    firstAt = 0;
    // Watch new folders before their files are read, so nothing written meanwhile is missed.
    folders.update(paths);
    running = Promise.resolve()
      .then(() => onChanges(paths))
      .catch((err: unknown) => onError(contentDir, err as Error))
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
  const folders = new FolderWatchers(
    contentDir,
    (rel) => {
      pending.add(rel);
      schedule();
    },
    onError,
  );
  folders.add('');
  return {
    close() {
      closed = true;
      folders.close();
      if (timer) clearTimeout(timer);
      pending.clear();
    },
  };
}
