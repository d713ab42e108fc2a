// The CLI's outside world for tests, wired as src/cli.ts wires it (store + folder sync), analysing inline.
import type { CliDeps } from '../../src/cli/run';
import { listContentFiles } from '../../src/sources/files/content-files';
import { loadFolderLibrary } from './load-folder';

export const cliDeps: CliDeps = {
  async openLibrary(contentDir, database) {
    const library = await loadFolderLibrary(contentDir, { database });
    return { library, close: () => library.close() };
  },
  listFiles: (dir, onWarning) => listContentFiles(dir, onWarning),
};
