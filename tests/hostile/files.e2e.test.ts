// Hostile files against the real bot process (issue 11 #2): thousands of files arriving while it runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandPayloads } from '../../src/commands';
import { deployCommands } from '../../src/discord/deploy';
import { startStandIn } from '../standin';
import { startBotProcess, waitForOutput } from '../helpers/bot-process';

const article = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('hostile files, the running bot', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-hostile-bot-'));
    dir = path.join(root, 'content');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ok.txt'), article('Harbour reopens after storm', 'The harbour reopened on Monday, the port authority said.'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('#2 SIGTERM while the first sync of a large folder is still running', () => {
    it('stops cleanly with exit code 0 before the bot has even connected', async () => {
      for (let i = 0; i < 3000; i++)
        fs.writeFileSync(path.join(dir, `a${i}.txt`), article(`Dispatch ${i}`, `Reporters filed dispatch ${i}, the union said.`));
      const discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
      const database = path.join(root, 'data', 'briefbot.db');
      const p = startBotProcess({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        CONTENT_DIR: dir,
        DATABASE_PATH: database,
        LOG_LEVEL: 'info',
      });
      try {
        // The store is open and the folder is being read: start-up is under way, the gateway not yet reached.
        const until = Date.now() + 30_000;
        while (!fs.existsSync(database) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(p.output()).not.toContain('content folder synced into the article store');
        p.child.kill('SIGTERM');
        const exit = await Promise.race([p.exited, new Promise<null>((res) => setTimeout(() => res(null), 15_000))]);
        expect(exit).toEqual({ code: 0, signal: null });
        expect(p.output()).toContain('"msg":"shutting down"');
      } finally {
        p.child.kill('SIGKILL');
        await discord.close();
      }
    }, 60_000);
  });

  describe('#2 the running bot while thousands of files arrive', () => {
    it('keeps answering /help in under a second and stops cleanly on SIGTERM in the middle of it', async () => {
      const discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
      const p = startBotProcess({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        CONTENT_DIR: dir,
        DATABASE_PATH: path.join(root, 'data', 'briefbot.db'),
        LOG_LEVEL: 'info',
      });
      try {
        await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId: discord.guildIds[0], commands: commandPayloads() });
        await discord.waitForReady({ timeoutMs: 30_000 });
        await waitForOutput(p, '"msg":"ready"');
        fs.mkdirSync(path.join(dir, 'drop'));
        const copying = (async () => {
          for (let i = 0; i < 8000; i += 100) {
            await Promise.all(
              Array.from({ length: 100 }, (_, k) =>
                fs.promises.writeFile(
                  path.join(dir, 'drop', `n${i + k}.txt`),
                  article(`Dispatch ${i + k} zqx`, `Reporters filed dispatch ${i + k}, the union said.`),
                ),
              ),
            );
          }
        })();
        await waitForOutput(p, '"msg":"content folder changes stored"');
        const slowest: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await discord.sendInteraction(discord.commandInteraction({ name: 'help' }));
          slowest.push(r.callbackMs!);
          await new Promise((res) => setTimeout(res, 200));
        }
        expect(Math.max(...slowest)).toBeLessThan(1000);
        // Stop while files are still arriving and being analysed.
        const storedBefore = [...p.output().matchAll(/"articles":(\d+)[^\n]*content folder changes stored/g)].map((m) => Number(m[1]));
        p.child.kill('SIGTERM');
        const exit = await Promise.race([p.exited, new Promise<null>((res) => setTimeout(() => res(null), 15_000))]);
        await copying;
        expect(storedBefore[storedBefore.length - 1]).toBeLessThan(8001);
        expect(exit).toEqual({ code: 0, signal: null });
        expect(p.output()).toContain('"msg":"stopped"');
      } finally {
        p.child.kill('SIGKILL');
        await discord.close();
      }
    }, 120_000);
  });
});
