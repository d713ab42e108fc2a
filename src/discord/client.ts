// The discord.js Client as briefbot needs it: the Guilds intent only (slash commands need no message
// content), no mentions by default, and an optional REST base (HTTP proxy, or the test stand-in).
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';

export interface ClientSettings {
  apiUrl?: string | null;
  /** For sharded runs; discord.js fills these from the ShardingManager's environment otherwise. */
  shards?: ClientOptions['shards'];
  shardCount?: number;
}

export function createClient(settings: ClientSettings = {}): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
  };
  // discord.js then also asks this API for the gateway address (GET /gateway/bot).
  if (settings.apiUrl) options.rest = { api: settings.apiUrl };
  if (settings.shards !== undefined) options.shards = settings.shards;
  if (settings.shardCount !== undefined) options.shardCount = settings.shardCount;
  return new Client(options);
}
