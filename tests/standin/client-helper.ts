// For the stand-in's own tests: a real discord.js Client wired to a stand-in.
import { Client, ClientOptions, GatewayIntentBits } from 'discord.js';
import type { DiscordStandIn } from './index';

export async function loginClient(discord: DiscordStandIn, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options, rest: { api: discord.apiUrl, ...(options.rest ?? {}) } });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(discord.token);
  await ready;
  return client;
}
