// `npm run deploy-commands`: registers the slash commands (bulk overwrite) to one guild when
// DISCORD_GUILD_ID is set (instant, for development) or globally, and prints what changed.
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commandPayloads } from '../commands';
import { ConfigError, loadConfig } from '../config';
import { resolveApplicationId } from './application-id';
import { redactSecrets } from '../redact';

export interface DeployOptions {
  token: string;
  apiUrl?: string | null;
  clientId?: string | null;
  guildId?: string | null;
  commands: RESTPostAPIApplicationCommandsJSONBody[];
}

export interface DeployResult {
  applicationId: string;
  scope: 'guild' | 'global';
  guildId: string | null;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

type Json = unknown;

function isEmpty(v: Json): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/**
 * True when Discord's stored command says what ours says. Discord adds ids and versions and fills
 * defaults, so only the fields we send are compared, and null, false and empty count as one.
 */
export function sameDefinition(ours: Json, theirs: Json): boolean {
  // A field we do not send is Discord's to default (integration_types, contexts, ...).
  if (ours === undefined) return true;
  if (isEmpty(ours) && isEmpty(theirs)) return true;
  if (Array.isArray(ours)) {
    return Array.isArray(theirs) && ours.length === theirs.length && ours.every((v, i) => sameDefinition(v, theirs[i]));
  }
  if (ours && typeof ours === 'object') {
    if (!theirs || typeof theirs !== 'object') return false;
    return Object.entries(ours as Record<string, Json>).every(([k, v]) => sameDefinition(v, (theirs as Record<string, Json>)[k]));
  }
  return String(ours) === String(theirs);
}

export async function deployCommands(opts: DeployOptions): Promise<DeployResult> {
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const applicationId = await resolveApplicationId(rest, opts.token, opts.clientId ?? null);
  const route = opts.guildId ? Routes.applicationGuildCommands(applicationId, opts.guildId) : Routes.applicationCommands(applicationId);
  const before = (await rest.get(route)) as { name: string; type?: number }[];
  await rest.put(route, { body: opts.commands });

  const key = (c: { name: string; type?: number }) => `${c.type ?? 1}:${c.name}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const result: DeployResult = {
    applicationId,
    scope: opts.guildId ? 'guild' : 'global',
    guildId: opts.guildId ?? null,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
  };
  for (const c of opts.commands) {
    const prior = old.get(key(c));
    if (!prior) result.added.push(c.name);
    else if (sameDefinition(c, prior)) result.unchanged.push(c.name);
    else result.updated.push(c.name);
    old.delete(key(c));
  }
  result.removed = [...old.values()].map((c) => c.name);
  return result;
}

export function describeDeploy(r: DeployResult): string {
  const where = r.scope === 'guild' ? `server ${r.guildId} (instant)` : 'all servers (global; may take up to an hour to show)';
  const list = (names: string[]) => (names.length ? names.map((n) => `/${n}`).join(', ') : '—');
  return [
    `Registered ${r.added.length + r.updated.length + r.unchanged.length} commands for application ${r.applicationId} in ${where}.`,
    `  added:     ${list(r.added)}`,
    `  updated:   ${list(r.updated)}`,
    `  removed:   ${list(r.removed)}`,
    `  unchanged: ${list(r.unchanged)}`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  loadDotenv({ quiet: true });
  // --clear removes every command in the scope (e.g. the server-only copies after going global).
  const clear = argv.includes('--clear');
  try {
    const config = loadConfig(process.env);
    const result = await deployCommands({
      token: config.token,
      apiUrl: config.apiUrl,
      clientId: config.clientId,
      guildId: config.guildId,
      commands: clear ? [] : commandPayloads(),
    });
    console.log(describeDeploy(result));
  } catch (err) {
    // A failed request's message can carry a URL; nothing token-shaped is printed.
    console.error(
      err instanceof ConfigError
        ? err.message
        : redactSecrets(`Could not register the commands: ${(err as Error).message}`, [process.env.DISCORD_TOKEN ?? '']),
    );
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));
