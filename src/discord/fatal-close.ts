// Gateway close codes after which discord.js never reconnects. Left alone, the process would stay up
// without a connection and answer nothing (a silent zombie); these say what is wrong and what to do,
// and the entry points exit non-zero so a process manager restarts the bot or alerts someone.

export interface FatalClose {
  code: number;
  /** Discord's name for the code. */
  reason: string;
  /** What the operator should do, in words. */
  advice: string;
}

const FATAL_CLOSES: Record<number, Omit<FatalClose, 'code'>> = {
  4004: {
    reason: 'authentication failed',
    advice:
      'Discord no longer accepts DISCORD_TOKEN: it was reset or revoked. Reset it in the Developer Portal ' +
      '(your application → Bot → Reset Token), put the new one in .env and start the bot again.',
  },
  4010: { reason: 'invalid shard', advice: 'Discord refused the shard settings: check SHARD_COUNT (or set it to auto) and start again.' },
  4011: {
    reason: 'sharding required',
    advice: 'The bot is in too many servers for one connection: start it with npm run start:sharded (SHARD_COUNT=auto).',
  },
  4012: { reason: 'invalid API version', advice: 'Discord no longer serves this gateway version: update briefbot (and discord.js).' },
  4013: { reason: 'invalid intents', advice: 'Discord refused the gateway intents briefbot asked for: update briefbot.' },
  4014: {
    reason: 'disallowed intents',
    advice:
      'The bot asked for a privileged intent that is not enabled in the Developer Portal (Bot → Privileged Gateway Intents). ' +
      'briefbot itself needs none: update briefbot, or enable the intent.',
  },
};

/** The fatal close for a gateway close code, or null when discord.js recovers from it by itself. */
export function fatalGatewayClose(code: number): FatalClose | null {
  const known = FATAL_CLOSES[code];
  return known ? { code, ...known } : null;
}

/** One line for the terminal and the fatal log entry. */
export function describeFatalClose(f: FatalClose): string {
  return `Discord closed the gateway connection for good (${f.code}, ${f.reason}). ${f.advice}`;
}

/** What a shard process sends its ShardingManager before exiting, so the manager stops instead of respawning it. */
export interface FatalShardMessage {
  briefbotFatal: { code: number | null; message: string };
}

export function isFatalShardMessage(m: unknown): m is FatalShardMessage {
  const f = (m as Partial<FatalShardMessage> | null)?.briefbotFatal;
  return typeof f === 'object' && f !== null && typeof f.message === 'string';
}
