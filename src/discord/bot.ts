// Starting and stopping the bot: library, commands, client, interaction routing, daily briefings.
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Library, Scope } from '../briefings';
import { loadCommands } from '../commands';
import type { Command, CommandContext } from '../commands/types';
import type { Config } from '../config';
import type { SourcesService } from '../sources/service-types';
import { attachLivePosts, type AttachedLive, type LiveOptions } from './live/attach';
import { attachScheduler, type AttachedScheduler, type AttachOptions } from './schedule/attach';
import { createClient } from './client';
import { describeFatalClose, fatalGatewayClose, type FatalClose } from './fatal-close';
import { createInteractionHandler } from './router';

export interface BotOptions {
  config: Config;
  logger: Logger;
  /** The library to answer from (npm start opens it over the article store and keeps it in step with the folder). */
  library: Library;
  /** The open database daily briefings use (npm start passes the article store's); default config.databasePath. */
  db?: AttachOptions['db'];
  /** Runs after the client is destroyed (closing what the caller opened for the bot). */
  onStop?: () => Promise<void>;
  now?: () => Date;
  /** Daily briefings need the database; tests of other things may leave them out. Default true. */
  scheduler?: boolean;
  /** Which feed articles a server may see (npm start passes the feed sources'); absent: every article. */
  scopeFor?: (guildId: string | null) => Scope;
  /** Called once when Discord closes the gateway with a code discord.js never recovers from (4004, 4010–4014). */
  onFatal?: (close: FatalClose) => void;
  /**
   * The feed sources (src/sources/sources-service.ts). With them and the database, /sources works and live
   * posts follow their new articles; without them /sources says feeds are not available.
   */
  sources?: SourcesService;
  /** Live-post tuning for tests (pauses between posts, backoff after 5xx). */
  liveTuning?: LiveOptions['tuning'];
  /** Called once if the daily-briefing scheduler cannot start (a damaged database, say). */
  onSchedulerFailed?: (err: unknown) => void;
  /** The shards this process connects (SHARD_IDS of SHARD_COUNT, another host runs the rest); default all, or the ShardingManager's. */
  shards?: { ids: number[]; count: number };
}

export interface RunningBot {
  client: Client;
  library: Library;
  commands: Map<string, Command>;
  scheduler: AttachedScheduler | null;
  live: AttachedLive | null;
  /** Resolves once the gateway said READY. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const library = opts.library;
  const stats = library.stats();
  logger.info({ articles: stats.articles, quotes: stats.quotes, warnings: library.warnings().length, ms: Date.now() - started }, 'library loaded');
  for (const w of library.warnings().slice(0, 50)) logger.warn({ file: w.file, reason: w.reason }, 'article file skipped or repaired');

  const commands = loadCommands();
  const client = createClient({ apiUrl: config.apiUrl, ...(opts.shards ? { shards: opts.shards.ids, shardCount: opts.shards.count } : {}) });
  const summaries = [...commands.values()].map((c) => ({ name: c.data.name, description: c.data.description }));
  const ctx: CommandContext = { library, logger, now, commands: summaries, scopeFor: opts.scopeFor };
  const scheduler =
    opts.scheduler === false
      ? null
      : attachScheduler(client, {
          library,
          scopeFor: opts.scopeFor,
          logger,
          config,
          now,
          db: opts.db,
          onStartFailed: opts.onSchedulerFailed,
          leaseMs: config.claimLeaseMs,
        });
  if (scheduler) ctx.briefings = scheduler.service;
  const live = startLive(client, opts, scheduler, now);
  if (opts.sources) ctx.sources = opts.sources;
  if (live) ctx.live = live.admin;

  const handle = createInteractionHandler(commands, ctx);
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((err: unknown) => logger.error({ err }, 'interaction handler crashed'));
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  let fatalReported = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = fatalGatewayClose(event.code);
    if (!fatal) return void logger.warn({ shard, code: event.code }, 'gateway disconnected');
    logger.fatal({ shard, code: fatal.code, reason: fatal.reason }, describeFatalClose(fatal));
    if (!fatalReported) opts.onFatal?.(fatal);
    fatalReported = true;
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, (c) => {
      logger.info({ user: c.user.tag, applicationId: c.application.id, guilds: c.guilds.cache.size, commands: [...commands.keys()] }, 'ready');
      resolve();
    });
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await live?.stop().catch((err: unknown) => logger.warn({ err }, 'live posts did not stop cleanly'));
    await scheduler?.stop().catch((err: unknown) => logger.warn({ err }, 'scheduler did not stop cleanly'));
    await client.destroy();
    await opts.onStop?.().catch((err: unknown) => logger.warn({ err }, 'the article store did not close cleanly'));
    logger.info('stopped');
  };

  try {
    await client.login(config.token);
  } catch (err) {
    await stop();
    throw err;
  }
  return { client, library, commands, scheduler, live, ready, stop };
}

/** Live posts need the feed sources and the database (the scheduler's store). */
function startLive(client: Client, opts: BotOptions, scheduler: AttachedScheduler | null, now: () => Date): AttachedLive | null {
  if (!opts.sources || !scheduler) return null;
  return attachLivePosts(client, {
    sources: opts.sources,
    store: scheduler.store,
    library: opts.library,
    logger: opts.logger,
    liveMaxAgeMs: opts.config.liveMaxAgeMs,
    claimLeaseMs: opts.config.claimLeaseMs,
    now,
    tuning: opts.liveTuning,
  });
}
