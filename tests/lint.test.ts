// The lint rules bite: eslint.config.mjs, run on small made-up files placed (in name only) in the rooms they
// would break. One eslint process lints every case; nothing is written to disk.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

const long = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
const CASES: Record<string, { file: string; code: string }> = {
  core: {
    file: 'src/briefings/violation.ts',
    code: "import { Client } from 'discord.js';\nimport Database from 'better-sqlite3';\nimport { openStore } from '../store/store';\nexport { Client, Database, openStore };\n",
  },
  schedule: {
    file: 'src/schedule/violation.ts',
    code: "import type { Client } from 'discord.js';\nimport { attachScheduler } from '../discord/schedule/attach';\nimport type { RenderedMessage } from '../discord/render/message';\nexport type { Client, RenderedMessage };\nexport { attachScheduler };\n",
  },
  store: {
    file: 'src/store/violation.ts',
    code: "import { Events } from 'discord.js';\nimport type { ScheduleStatus } from '../schedule/service-types';\nexport { Events };\nexport type { ScheduleStatus };\n",
  },
  cli: {
    file: 'src/cli/violation.ts',
    code: "import { splitSentences } from '../briefings/text/sentences';\nimport { loadLibrary } from '../briefings';\nexport { splitSentences, loadLibrary };\n",
  },
  command: { file: 'src/commands/violation.ts', code: "import { openStore } from '../store/store';\nexport { openStore };\n" },
  long: { file: 'src/cli/long.ts', code: long },
  stray: { file: 'src/cli/stray.ts', code: '// eslint-disable-next-line no-console\nexport const x = 1;\n' },
  clean: { file: 'src/schedule/clean.ts', code: "import type { Briefing } from '../briefings';\nexport type B = Briefing;\n" },
};

let found: Record<string, string[]> = {};

beforeAll(() => {
  const names = Object.keys(CASES);
  const input = JSON.stringify(names.map((n) => ({ filePath: path.join(ROOT, CASES[n].file), code: CASES[n].code })));
  const out = execFileSync(process.execPath, [path.join(__dirname, 'architecture', 'lint-texts.mjs')], { cwd: ROOT, input, encoding: 'utf8' });
  const results = JSON.parse(out) as string[][];
  found = Object.fromEntries(names.map((n, i) => [n, results[i]]));
}, 120_000);

const ruleIds = (name: string): string[] => found[name];

describe('eslint.config.mjs', () => {
  it('stops the core importing discord.js, better-sqlite3 or an adapter', () => {
    expect(ruleIds('core')).toEqual(['no-restricted-imports@1', 'no-restricted-imports@2', 'no-restricted-imports@3']);
  });

  it('stops the scheduler and the store importing discord.js or Discord adapters, and lets the scheduler use render types', () => {
    expect(ruleIds('schedule')).toEqual(['no-restricted-imports@1', 'no-restricted-imports@2']);
    expect(ruleIds('store')).toEqual(['no-restricted-imports@1', 'no-restricted-imports@2']);
  });

  it("keeps adapters on the core's public face and commands off the store", () => {
    expect(ruleIds('cli')).toEqual(['no-restricted-imports@1']);
    expect(ruleIds('command')).toEqual(['no-restricted-imports@1']);
  });

  it('fails a file over 400 lines and a disable comment that silences nothing', () => {
    expect(ruleIds('long')).toEqual(['max-lines@401']);
    expect(ruleIds('stray')).toEqual(['null@1']);
  });

  it('passes clean code in the same rooms', () => {
    expect(ruleIds('clean')).toEqual([]);
  });
});
