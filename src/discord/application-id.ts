// The application (client) id when DISCORD_CLIENT_ID is not set: ask Discord, or read it from the token.
import { Routes, type REST } from 'discord.js';

/** A bot token's first part is the bot user's id in base64; for bots created since 2020 it is the application id. */
export function applicationIdFromToken(token: string): string | null {
  const first = token.split('.')[0];
  if (!first) return null;
  const decoded = Buffer.from(first.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : null;
}

/** GET /applications/@me, falling back to the token's first part if that request fails. */
export async function resolveApplicationId(rest: REST, token: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  try {
    const app = (await rest.get(Routes.currentApplication())) as { id?: string };
    if (app?.id) return app.id;
  } catch {
    // Fall through: the token itself names the bot.
  }
  const fromToken = applicationIdFromToken(token);
  if (!fromToken)
    throw new Error('Could not tell the application id: set DISCORD_CLIENT_ID (Developer Portal → General Information → Application ID).');
  return fromToken;
}
