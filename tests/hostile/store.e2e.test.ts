// A hostile database against the real bot process (issue 11 #8, #14).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startStandIn } from '../standin';
import { startBotProcess, waitForOutput } from '../helpers/bot-process';

describe('a hostile database, the running bot', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-hostile-db-bot-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('#14 the running bot says the database file was deleted and stops with exit code 1', async () => {
    const discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
    const data = path.join(dir, 'data');
    const p = startBotProcess({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      CONTENT_DIR: path.join(__dirname, '..', '..', 'content'),
      DATABASE_PATH: path.join(data, 'briefbot.db'),
    });
    try {
      await waitForOutput(p, '"msg":"ready"');
      fs.rmSync(data, { recursive: true, force: true });
      const exit = await Promise.race([p.exited, new Promise<null>((res) => setTimeout(() => res(null), 25_000))]);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(p.output()).toMatch(/briefbot\.db was deleted while briefbot was running/);
    } finally {
      p.child.kill('SIGKILL');
      await discord.close();
    }
  }, 60_000);

  it('#8 the bot refuses to start on a damaged database, naming it', async () => {
    const file = path.join(dir, 'briefbot.db');
    fs.writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    const p = startBotProcess({
      DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB',
      CONTENT_DIR: 'content',
      DATABASE_PATH: file,
    });
    const exit = await p.exited;
    expect(exit.code).toBe(1);
    expect(p.output()).toContain(`${file} is damaged`);
  }, 30_000);
});
