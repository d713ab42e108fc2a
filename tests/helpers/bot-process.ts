// `npm start` as a real process against the Discord stand-in, for end-to-end tests that need the whole bot.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
// tsx as a loader inside the one node process, as `node dist/main.js` runs in production. Its CLI instead runs
// a second node and gives a signal 30 ms to be acknowledged before it kills that child (exit 143): on a busy
// machine that measured the scheduler's load, not whether the bot handles SIGTERM.
const TSX_LOADER = require.resolve('tsx');

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

export async function waitForOutput(p: BotProcess, text: string | RegExp, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  const found = () => (typeof text === 'string' ? p.output().includes(text) : text.test(p.output()));
  while (!found()) {
    if (Date.now() > until) throw new Error(`no "${text}" in output:\n${p.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls `probe` every 100 ms until it gives something other than null; fails after `ms` naming `what`. */
export async function until<T>(what: string, probe: () => Promise<T | null> | T | null, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops every bot process in the list (and empties it): SIGTERM, then SIGKILL if one has not exited in 10 s. */
export async function stopBotProcesses(procs: BotProcess[]): Promise<void> {
  for (const p of procs.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    const late = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
    await p.exited;
    clearTimeout(late);
  }
}
