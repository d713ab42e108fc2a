// Entry point of the `briefbot` command: wires the article store and the content folder into the CLI.
import { config as loadEnv } from 'dotenv';
import { runCommand, type CliDeps } from './cli/run';
import { WorkerPool } from './sources/files/analyse-pool';
import { listContentFiles } from './sources/files/content-files';
import { openFolderLibrary } from './sources/files/folder-library';
import { openStore } from './store/store';

const deps: CliDeps = {
  async openLibrary(contentDir, database) {
    const store = openStore(database);
    const pool = new WorkerPool({ size: 2 });
    try {
      const folder = await openFolderLibrary({ contentDir, articles: store.articles, analyser: pool });
      return {
        library: folder,
        close: async () => {
          await folder.close();
          await pool.close();
          store.close();
        },
      };
    } catch (err) {
      await pool.close();
      store.close();
      throw err;
    }
  },
  listFiles: (dir, onWarning) => listContentFiles(dir, onWarning),
};

// quiet: dotenv otherwise prints a banner to stdout, which would corrupt --json output.
loadEnv({ quiet: true });
void runCommand(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
}, deps).then((code) => {
  process.exitCode = code;
});
