// A library over a content folder and the store: sync the folder into the store, open the library from the
// store, and (for the bot) keep both in step with the folder while it runs.
import {
  analysisVersion,
  LibraryBuild,
  openLibrary,
  type LibraryOptions,
  type LoadedLibrary,
  type ArticleReader,
  type ArticleWriter,
} from '../../briefings';
import { WorkerPool, type FileAnalyser } from './analyse-pool';
import { FileSync, type SyncReport } from './sync';
import { watchContent, type ContentWatcher, type WatchOptions } from './watch-content';

export interface FolderLibraryOptions {
  contentDir: string;
  /** The article store (src/store's SQLite one in the bot and CLI). */
  articles: ArticleReader & ArticleWriter;
  /** Default: a pool of two worker threads with a per-article time budget. */
  analyser?: FileAnalyser;
  now?: () => Date;
  batchSize?: number;
  /** The library answers once and the process exits (the CLI): see LibraryOptions.oneShot. */
  oneShot?: boolean;
}

export interface WatchingOptions extends WatchOptions {
  /** After each batch of watched changes is in the store and the index. */
  onSynced?: (paths: string[], report: SyncReport) => void;
  /** Save the search index at most this often while changes come in. */
  saveEveryMs?: number;
}

export interface FolderLibrary extends LoadedLibrary {
  readonly sync: FileSync;
  /** How the start-up sync went (files unchanged, read, removed). */
  readonly syncReport: SyncReport;
  /** Follows the folder: changed files are synced in batches and the index kept in step. */
  watch(opts?: WatchingOptions): ContentWatcher;
  /** Stops watching and analysing, saves the index. */
  close(): Promise<void>;
}

export async function openFolderLibrary(opts: FolderLibraryOptions): Promise<FolderLibrary> {
  const analyser = opts.analyser ?? new WorkerPool({ size: 2 });
  const ownsAnalyser = !opts.analyser;
  let library: LoadedLibrary | null = null;
  // Set once the sync knows its folder is new to the store: the batches are indexed as they land.
  let building: LibraryBuild | null = null;
  const libraryOptions = (): LibraryOptions => ({
    reader: opts.articles,
    view: { fileRoot: sync.root },
    now: opts.now,
    extraWarnings: () => sync.warnings(),
    oneShot: opts.oneShot,
  });
  const sync = new FileSync({
    contentDir: opts.contentDir,
    writer: opts.articles,
    analyser,
    analysisVersion: analysisVersion(),
    now: opts.now,
    batchSize: opts.batchSize,
    onPlan: async ({ fresh, files }) => {
      // A file is about one article (12,481 files, 10,121 articles in the corpus): the index's columns sized for them.
      if (fresh) building = await LibraryBuild.start(libraryOptions(), files);
    },
    onBatch: (_report, stored) => (library ? library.catchUp() : building?.add(stored)),
  });
  let syncReport: SyncReport;
  try {
    syncReport = await sync.full();
  } catch (err) {
    if (ownsAnalyser) await analyser.close();
    throw err;
  }
  // Built as the batches landed, when nothing else changed the store meanwhile; else opened from the store.
  library = (await (building as LibraryBuild | null)?.open()) ?? (await openLibrary(libraryOptions()));
  // The sync's callbacks live as long as the watcher: without this they would hold the build's word counts.
  building = null;
  await library.saveIndex();
  const loaded = library;
  let watcher: ContentWatcher | null = null;
  let saveTimer: NodeJS.Timeout | null = null;

  const watch = (w: WatchingOptions = {}): ContentWatcher => {
    const saveEvery = w.saveEveryMs ?? 30_000;
    watcher = watchContent(
      opts.contentDir,
      async (paths) => {
        const report = await sync.paths(paths);
        await loaded.catchUp();
        w.onSynced?.(paths, report);
        // Saving the index costs a second or so at 10k articles: at most every saveEvery while changes come.
        saveTimer ??= setTimeout(() => {
          saveTimer = null;
          loaded.saveIndex().catch(() => undefined); // a failed save only means the next start rebuilds more
        }, saveEvery);
        saveTimer.unref();
      },
      w,
    );
    return watcher;
  };

  const close = async () => {
    watcher?.close();
    sync.stop();
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (ownsAnalyser) await analyser.close();
    try {
      await loaded.saveIndex();
    } catch {
      // the database may already be closed or gone; the next start rebuilds what it must
    }
  };

  return Object.assign(loaded, { sync, syncReport, watch, close });
}
