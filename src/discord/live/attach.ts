// Wires live posts into a running discord.js Client: the SQL subscriptions and ledger, the Discord channel
// port, and the service that listens to the feed sources. The one call the composition root makes.
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Library } from '../../briefings';
import type { LiveChannelPort } from '../../delivery/live';
import type { LiveAdmin } from '../../delivery/live/service-types';
import { newOwner } from '../../schedule/owner';
import type { SourcesService } from '../../sources/service-types';
import type { Store } from '../../store/store';
import { DiscordChannelPort } from '../schedule/discord-channel-port';
import { StoreLiveAdmin } from './live-admin';
import { DiscordLiveChannelPort } from './live-channel-port';
import { LiveService, type LiveServiceDeps } from './live-service';

export interface LiveOptions {
  /** The feed sources (h-feeds2's SourcesService): live posts follow its onNewArticles. */
  sources: Pick<SourcesService, 'onNewArticles'>;
  store: Store;
  library: Pick<Library, 'article' | 'summary' | 'articles'>;
  logger: Logger;
  liveMaxAgeMs?: number;
  /** How long another process's claim holds before this one may finish the post (CLAIM_LEASE_SECONDS). */
  claimLeaseMs?: number;
  now?: () => Date;
  /** Tuning for tests: the channel port, pauses between posts, backoff after 5xx. */
  port?: LiveChannelPort;
  tuning?: Pick<LiveServiceDeps, 'spacingMs' | 'backoffMs' | 'burstCap' | 'sleep'>;
}

export interface AttachedLive {
  admin: LiveAdmin;
  service: LiveService;
  stop(): Promise<void>;
}

/** Live posts for the client's guilds; starts listening once the client is ready (claims left by a crash first). */
export function attachLivePosts(client: Client, opts: LiveOptions): AttachedLive {
  const logger = opts.logger.child({ module: 'live', shard: client.shard?.ids ?? null });
  const now = opts.now ?? (() => new Date());
  const channels = new DiscordChannelPort(client);
  const admin = new StoreLiveAdmin({ subscriptions: opts.store.live.subscriptions, locate: (id) => channels.locate(id), now });
  const service = new LiveService({
    sources: opts.sources,
    subscriptions: opts.store.live.subscriptions,
    ledger: opts.store.live.ledger,
    port: opts.port ?? new DiscordLiveChannelPort(client),
    library: opts.library,
    owner: newOwner(),
    now,
    logger,
    maxAgeMs: opts.liveMaxAgeMs,
    claimLeaseMs: opts.claimLeaseMs,
    ...opts.tuning,
  });
  let stopped = false;
  const begin = () => {
    if (stopped) return;
    try {
      service.start();
      logger.info('live posts started');
    } catch (err) {
      // Live posts failing to start must not take the bot down: commands and briefings go on.
      logger.error({ err }, 'live posts could not start');
    }
  };
  if (client.isReady()) begin();
  else client.once(Events.ClientReady, begin);
  return {
    admin,
    service,
    async stop() {
      stopped = true;
      client.off(Events.ClientReady, begin);
      await service.stop();
    },
  };
}
