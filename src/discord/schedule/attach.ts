// Wires daily briefings into a running discord.js Client (one per shard): the store, the clock, recovery.
import { Events, type Client, type Guild } from 'discord.js';
import type { Logger } from 'pino';
import type { Library, Scope } from '../../briefings';
import type { Config } from '../../config';
import type { ChannelPort } from '../../schedule/channel-port';
import { Deliverer } from '../../schedule/deliver';
import { newOwner } from '../../schedule/owner';
import type { PostRenderer } from '../../schedule/post-renderer';
import { BriefingScheduler } from '../../schedule/scheduler';
import { DEFAULT_ARTICLES, ScheduleService } from '../../schedule/service';
import type { BriefingService } from '../../schedule/service-types';
import { openStore, storeOn, type Store } from '../../store/store';
import type { Db } from '../../store/open';
import { DiscordChannelPort } from './discord-channel-port';
import { discordPostRenderer } from './discord-renderer';

export interface AttachOptions {
  library: Pick<Library, 'brief'>;
  /** What a server's briefing may include; absent: every article. */
  scopeFor?: (guildId: string) => Scope;
  logger: Logger;
  config: Pick<Config, 'databasePath' | 'briefing'>;
  /** An open store or database to use (left open by stop); by default config.databasePath is opened (and closed by stop). */
  db?: Store | Db | null;
  now?: () => Date;
  /** Tuning for tests: waits between retries after 5xx/timeouts, the guard's cron expression, the claim lease. */
  retryDelaysMs?: readonly number[];
  guardCron?: string;
  leaseMs?: number;
  port?: ChannelPort;
  render?: PostRenderer;
  /** Called when start-up recovery fails: daily posts would silently stop, so `npm start` treats it as fatal. */
  onStartFailed?: (err: unknown) => void;
}

export interface AttachedScheduler {
  service: BriefingService;
  scheduler: BriefingScheduler;
  store: Store;
  /** Resolves after start-up recovery and catch-up have run (once the client is ready). */
  started: Promise<void>;
  stop(): Promise<void>;
}

function isStore(x: Store | Db): x is Store {
  return 'ledger' in x && 'schedules' in x;
}

export function attachScheduler(client: Client, opts: AttachOptions): AttachedScheduler {
  const logger = opts.logger.child({ module: 'schedule', shard: client.shard?.ids ?? null });
  const ownsStore = !opts.db;
  const store = !opts.db ? openStore(opts.config.databasePath) : isStore(opts.db) ? opts.db : storeOn(opts.db);
  const now = opts.now ?? (() => new Date());
  const owner = newOwner();
  const port = opts.port ?? new DiscordChannelPort(client);
  const deliverer = new Deliverer({
    store,
    library: opts.library,
    scopeFor: opts.scopeFor,
    port,
    render: opts.render ?? discordPostRenderer,
    owner,
    now,
    logger,
    retryDelaysMs: opts.retryDelaysMs,
  });
  const scheduler = new BriefingScheduler({
    store,
    deliverer,
    owner,
    ownsGuild: (guildId) => client.guilds.cache.has(guildId),
    now,
    logger,
    leaseMs: opts.leaseMs,
    guardCron: opts.guardCron,
  });
  const service = new ScheduleService({ store, library: opts.library, scopeFor: opts.scopeFor, port, deliverer, scheduler, now });

  let stopped = false;
  const onGuildChange = (guild: Guild) => {
    logger.debug({ guildId: guild.id }, 'guilds changed; refreshing schedules');
    scheduler.refresh().catch(() => undefined); // logged by refresh
  };

  const begin = async () => {
    if (stopped) return;
    await ensureDefaultSchedule(client, store, opts.config.briefing, now, logger);
    if (stopped) return;
    scheduler.start();
    // Reads the schedules once more, here, so a database that cannot be read fails the start instead of only logging.
    await scheduler.refresh();
    client.on(Events.GuildCreate, onGuildChange);
    client.on(Events.GuildDelete, onGuildChange);
    // Settle claims left by a crash, then post today's briefings whose time passed while we were down.
    await scheduler.tick('start');
    logger.info({ channels: scheduler.scheduledChannels().length }, 'briefing scheduler started');
  };

  const started = new Promise<void>((resolve) => {
    const failed = (err: unknown) => {
      logger.fatal({ err }, 'briefing scheduler failed to start');
      opts.onStartFailed?.(err);
    };
    const run = () => begin().catch(failed).finally(resolve);
    if (client.isReady()) run();
    else client.once(Events.ClientReady, run);
  });

  return {
    service,
    scheduler,
    store,
    started,
    async stop() {
      stopped = true;
      client.off(Events.GuildCreate, onGuildChange);
      client.off(Events.GuildDelete, onGuildChange);
      await scheduler.stop();
      if (ownsStore) await store.close();
    },
  };
}

/**
 * BRIEFING_CHANNEL_ID/TIME/TIMEZONE: a default schedule for a one-server setup. Written only by the shard that
 * holds the channel's guild. It is created when missing and updated only when the environment itself changed,
 * so an admin's /briefing set survives restarts and an unchanged row keeps catch-up working.
 */
export async function ensureDefaultSchedule(
  client: Client,
  store: Store,
  defaults: Config['briefing'],
  now: () => Date,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  if (!defaults) return;
  try {
    const channel = client.channels.cache.get(defaults.channelId) ?? (await client.channels.fetch(defaults.channelId));
    if (!channel || channel.isDMBased() || !('guildId' in channel) || !channel.guildId) {
      logger.warn({ channelId: defaults.channelId }, 'BRIEFING_CHANNEL_ID is not a server channel; no default briefing');
      return;
    }
    if (!client.guilds.cache.has(channel.guildId)) return;
    await applyDefaultSchedule(store, { ...defaults, guildId: channel.guildId }, now());
    logger.info({ channelId: defaults.channelId, time: defaults.time, timezone: defaults.timezone }, 'default briefing schedule in place');
  } catch (err) {
    logger.warn({ err, channelId: defaults.channelId }, 'could not set up the default briefing channel');
  }
}

export async function applyDefaultSchedule(store: Store, defaults: NonNullable<Config['briefing']> & { guildId: string }, now: Date): Promise<void> {
  const key = `env-default:${defaults.channelId}`;
  const fingerprint = `${defaults.time}|${defaults.timezone}`;
  const existing = await store.schedules.get(defaults.channelId);
  if (existing && (await store.meta.get(key)) === fingerprint) return;
  await store.schedules.upsert(
    {
      guildId: defaults.guildId,
      channelId: defaults.channelId,
      time: defaults.time,
      timezone: defaults.timezone,
      topic: existing?.topic ?? null,
      articles: existing?.articles ?? DEFAULT_ARTICLES,
      announceEmpty: existing?.announceEmpty ?? false,
    },
    now,
  );
  await store.meta.set(key, fingerprint);
}
