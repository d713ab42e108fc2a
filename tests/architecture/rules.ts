// The house's shape as data: which room may import which, which packages belong to which rooms, and the
// size budgets. tests/architecture.test.ts checks the real tree against it; eslint.config.mjs reads the
// same table for its no-restricted-imports rules.

/**
 * Rooms are folders under src/ (src/discord/<sub>/ each a room of its own). Files directly in src/ are
 * 'entry' (programs that wire everything together, listed in ENTRY_FILES) or 'config' (settings, logger).
 */
export interface RoomRule {
  /** Rooms this room may import from (its own files always). */
  may: readonly string[];
  /** Rooms it may import types from only (`import type`), never values. */
  typesFrom?: readonly string[];
  /** Packages it may import (beyond node: built-ins and packages no rule names). */
  packages?: readonly string[];
}

/** Packages that belong to a few rooms only. Any other package is free to all. */
export const OWNED_PACKAGES = ['discord.js', '@discordjs/builders', 'better-sqlite3', 'node-cron'] as const;

const DISCORD = ['discord.js', '@discordjs/builders'];

export const BOUNDARIES: Record<string, RoomRule> = {
  // The core: plain data in and out; it imports nothing outside itself.
  briefings: { may: [] },
  // SQL: the store owns its types; it knows nothing of who uses it, but implements the core's article port (types only).
  store: { may: [], typesFrom: ['briefings', 'delivery'], packages: ['better-sqlite3'] },
  // When and whether to post. Messages are the renderer's (types only); sending is a port.
  schedule: { may: ['briefings', 'store'], typesFrom: ['discord/render'], packages: ['node-cron'] },
  // Discord: the renderer owns limits and user-facing text; it reads only the core's data.
  'discord/render': { may: ['briefings'], packages: DISCORD },
  'discord/interaction': { may: ['briefings', 'discord/render'], packages: DISCORD },
  'discord/schedule': { may: ['briefings', 'store', 'schedule', 'discord/render', 'config'], packages: DISCORD },
  // Live posts on Discord: the channel port, the subscriptions /sources manages, and the service that runs the poster.
  'discord/live': {
    may: ['briefings', 'store', 'delivery', 'schedule', 'discord/render', 'discord/schedule', 'config'],
    typesFrom: ['sources'],
    packages: DISCORD,
  },
  discord: {
    may: ['briefings', 'commands', 'discord/render', 'discord/interaction', 'discord/schedule', 'discord/live', 'schedule', 'config'],
    typesFrom: ['sources'],
    packages: DISCORD,
  },
  // Thin commands: parse options, call the core or a service, render.
  commands: { may: ['briefings', 'schedule', 'discord/render', 'discord/interaction'], typesFrom: ['delivery', 'sources'], packages: DISCORD },
  cli: { may: ['briefings'] },
  // Live posts: when and whether (planner, per-channel queue) over ports; no discord.js, no SQL.
  delivery: { may: ['briefings'] },
  // Feeds and folders (coming): outside things in, plain data out.
  sources: { may: ['briefings', 'store'] },
  // Settings from the environment, and the logger: used by everyone, using no one.
  config: { may: [] },
  // Programs (bot, shards, CLI): the composition root may wire any room.
  entry: {
    may: [
      'briefings',
      'store',
      'schedule',
      'delivery',
      'discord',
      'discord/render',
      'discord/interaction',
      'discord/schedule',
      'discord/live',
      'commands',
      'cli',
      'sources',
      'config',
    ],
    packages: DISCORD,
  },
  // Evaluations and benchmarks: the core's public face, the sources they time, and the store (bench/store.bench.ts).
  bench: { may: ['briefings', 'sources', 'store'] },
};

/** Files directly in src/ that start a program; the other files there are 'config'. */
export const ENTRY_FILES: ReadonlySet<string> = new Set(['src/main.ts', 'src/sharded.ts', 'src/cli.ts', 'src/build-info.ts']);

/** Outside the core, only its public face (src/briefings/index.ts) may be imported. */
export const CORE_FACE = 'src/briefings/index.ts';

/** Files allowed to reach past the core's face, each with the reason. */
export const FACE_EXEMPT: Record<string, string> = {
  'bench/rouge.eval.ts': 'measures summariser internals (furniture rules, weights) one by one (summary work)',
  'bench/rouge-tune.ts': "tunes the summariser's weights on its internal scoring (summary work)",
  'bench/rouge-frontier.ts': "measures the summariser's weightings against each other on its internal scoring (summary work)",
  'bench/rouge-speed.ts': 'times summarise() inside the core (summary work)',
  'bench/layouts.ts': 'builds article layouts from the sentence splitter and unglue (summary work)',
};

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

/** Files over the line budget, by name, with the reason. */
export const FILE_EXEMPT: Record<string, string> = {
  'tests/standin/index.ts': "the stand-in Discord's one public class; splitting it is its own piece of work",
  'bench/search.bench.ts': 'one benchmark script run by hand, not product code',
  'tests/sources/poller.test.ts': "the feed poller's spec (sources work); to be split by its owner",
};

/** Functions over the line budget, as 'path:name', with the reason. */
export const FUNCTION_EXEMPT: Record<string, string> = {
  'src/briefings/articles/markdown.ts:readMarkdown': 'grew with the front-matter reasons (files work, issue 11 #17); to be split by its owner',
};

/** Functions are measured in product and bench code; in tests, describe blocks are chapters of a spec. */
export const measureFunctions = (file: string): boolean => file.startsWith('src/') || file.startsWith('bench/');
