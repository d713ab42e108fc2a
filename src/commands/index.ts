// Collects the slash commands by reading this folder: a new command file is picked up without editing
// anything else. Files without a `data` builder (helpers) are not commands and are skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './types';

const NOT_COMMANDS = new Set(['index', 'types']);
const cache = new Map<string, Map<string, Command>>();

function isCommandFile(file: string): boolean {
  if (file.endsWith('.d.ts') || /\.(test|spec)\./.test(file)) return false;
  const m = /^(.+)\.(ts|js|cjs)$/.exec(file);
  return !!m && !NOT_COMMANDS.has(m[1]);
}

function asCommand(mod: Record<string, unknown>, file: string): Command | null {
  const candidate = (mod.default && typeof mod.default === 'object' ? mod.default : mod) as Partial<Command>;
  if (!candidate.data) return null;
  if (typeof candidate.execute !== 'function' || typeof candidate.data.toJSON !== 'function') {
    throw new Error(`${file} exports \`data\` but no \`execute\` function: a command needs both.`);
  }
  return {
    data: candidate.data,
    execute: candidate.execute,
    autocomplete: candidate.autocomplete,
    component: candidate.component,
  };
}

/** Every command module in `dir` (default: this folder), keyed by command name. */
export function loadCommands(dir: string = __dirname): Map<string, Command> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const commands = new Map<string, Command>();
  for (const file of fs.readdirSync(dir).filter(isCommandFile).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader requires each command file by path
    const command = asCommand(require(path.join(dir, file)) as Record<string, unknown>, file);
    if (!command) continue;
    const name = command.data.name;
    if (commands.has(name)) throw new Error(`Two command files define /${name} (the second is ${file}).`);
    commands.set(name, command);
  }
  cache.set(dir, commands);
  return commands;
}

/** The JSON Discord registers (what deploy-commands sends). */
export function commandPayloads(commands: Map<string, Command> = loadCommands()) {
  return [...commands.values()].map((c) => c.data.toJSON());
}
