// One call for tools, benchmarks and tests: a folder's library through a store (in memory unless a file is
// given). It lives here, beside the other entry points, because it wires the store and the folder together.
import { openStore, type Store } from '../../src/store/store';
import { inlineAnalyser, type FileAnalyser } from '../../src/sources/files/analyse-pool';
import { openFolderLibrary, type FolderLibrary } from '../../src/sources/files/folder-library';

export interface LoadFolderOptions {
  /** A database file to keep the store in; default an in-memory one that goes with the library. */
  database?: string;
  /** Default: inline (same thread); the bot uses a worker pool. */
  analyser?: FileAnalyser;
  now?: () => Date;
}

export interface StandaloneLibrary extends FolderLibrary {
  readonly store: Store;
}

export async function loadFolderLibrary(contentDir: string, opts: LoadFolderOptions = {}): Promise<StandaloneLibrary> {
  const store = openStore(opts.database ?? ':memory:');
  try {
    const folder = await openFolderLibrary({ contentDir, articles: store.articles, analyser: opts.analyser ?? inlineAnalyser(), now: opts.now });
    const closeFolder = folder.close;
    return Object.assign(folder, {
      store,
      close: async () => {
        await closeFolder();
        await store.close();
      },
    });
  } catch (err) {
    await store.close();
    throw err;
  }
}
