// Issue 11 #8: a scheduler that cannot start must not leave a bot that answers but never posts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import type { Client } from 'discord.js';
import { attachScheduler } from '../../src/discord/schedule/attach';
import { openStore } from '../../src/store/store';
import { loadConfig } from '../../src/config';

const silent = pino({ level: 'silent' });

/** Just enough of a ready discord.js client for the scheduler to start on. */
function readyClient(): Client {
  const c = new EventEmitter() as unknown as Client & EventEmitter;
  Object.assign(c, { isReady: () => true, shard: null, guilds: { cache: new Map() } });
  return c;
}

describe('a daily-briefing scheduler that fails to start', () => {
  it('reports the failure to the caller (npm start exits on it) instead of only logging it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-sched-'));
    const store = openStore(path.join(dir, 'briefbot.db'));
    // The schedules table is unreadable: what a damaged database looks like to the scheduler.
    store.db.exec('DROP TABLE schedules');
    const failures: unknown[] = [];
    const config = loadConfig({}, { requireToken: false });
    const attached = attachScheduler(readyClient(), {
      library: {} as never,
      logger: silent,
      config,
      db: store,
      onStartFailed: (err) => failures.push(err),
    });
    await attached.started;
    expect(failures).toHaveLength(1);
    expect(String((failures[0] as Error).message)).toMatch(/schedules/);
    await attached.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
