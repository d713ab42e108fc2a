// The house keeps its shape: the boundary table, no import cycles, and size budgets, checked on the real
// tree — and each check shown to fail on a small made-up tree that breaks it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundaryViolations, budgetViolations, fileCycles, roomCycles, type SourceTree } from './architecture/checker';
import {
  BOUNDARIES,
  CORE_FACE,
  ENTRY_FILES,
  FACE_EXEMPT,
  FILE_EXEMPT,
  FUNCTION_EXEMPT,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  OWNED_PACKAGES,
  measureFunctions,
} from './architecture/rules';

const ROOT = path.join(__dirname, '..');

function readTree(...dirs: string[]): SourceTree {
  const tree = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) tree.set(p, fs.readFileSync(path.join(ROOT, p), 'utf8'));
    }
  };
  for (const d of dirs) walk(d);
  return tree;
}

const boundaries = {
  rules: BOUNDARIES,
  ownedPackages: OWNED_PACKAGES,
  entryFiles: ENTRY_FILES,
  coreFace: CORE_FACE,
  faceExempt: FACE_EXEMPT,
};
const budgets = {
  fileLines: MAX_FILE_LINES,
  functionLines: MAX_FUNCTION_LINES,
  fileExempt: FILE_EXEMPT,
  functionExempt: FUNCTION_EXEMPT,
  measureFunctions,
};
const tree = (files: Record<string, string>): SourceTree => new Map(Object.entries(files));

describe('the house', () => {
  const code = readTree('src', 'bench');
  const all = new Map([...code, ...readTree('tests')]);

  it('keeps every import inside the boundary table (the core imports nothing outside itself, only Discord rooms import discord.js)', () => {
    expect(boundaryViolations(code, boundaries)).toEqual([]);
  });

  it('has no import cycle between files, counting require() and import()', () => {
    expect(fileCycles(code)).toEqual([]);
  });

  it('has no two rooms that import each other, directly or round about', () => {
    expect(roomCycles(code, ENTRY_FILES)).toEqual([]);
  });

  it(`keeps files within ${MAX_FILE_LINES} lines and functions within ${MAX_FUNCTION_LINES}, but for named exemptions`, () => {
    expect(budgetViolations(all, budgets)).toEqual([]);
  });

  it('names only exemptions that are still needed', () => {
    const over = budgetViolations(all, { ...budgets, fileExempt: {}, functionExempt: {} });
    const stale = [...Object.keys(FILE_EXEMPT), ...Object.keys(FUNCTION_EXEMPT)].filter((id) => !over.some((v) => v.startsWith(`${id}:`)));
    expect(stale).toEqual([]);
  });

  it('lets only the renderer build embeds, rows and menus', () => {
    const builders = /\b(EmbedBuilder|ActionRowBuilder|ButtonBuilder|StringSelectMenuBuilder)\b/;
    const offenders = [...code]
      .filter(([f, text]) => f.startsWith('src/') && !f.startsWith('src/discord/render/') && builders.test(text))
      .map(([f]) => f);
    expect(offenders).toEqual([]);
  });
});

describe('each check fails on a tree that breaks it', () => {
  it('catches the core importing discord.js or an adapter', () => {
    const bad = tree({
      'src/briefings/index.ts': "export * from './x';",
      'src/briefings/x.ts': "import { Client } from 'discord.js';\nimport { openStore } from '../store/store';",
      'src/store/store.ts': 'export const openStore = 1;',
    });
    expect(boundaryViolations(bad, boundaries)).toEqual([
      'src/briefings/x.ts:1: briefings may not import discord.js',
      'src/briefings/x.ts:2: briefings may not import store (../store/store)',
    ]);
  });

  it('catches the scheduler or the store using discord.js, and a value import where only types may go', () => {
    const bad = tree({
      'src/schedule/port.ts': "import type { MessageCreateOptions } from 'discord.js';\nimport { message } from '../discord/render/message';",
      'src/store/x.ts': "import { Client } from 'discord.js';",
      'src/discord/render/message.ts': 'export const message = 1;',
    });
    expect(boundaryViolations(bad, boundaries)).toEqual([
      'src/schedule/port.ts:1: schedule may not import discord.js',
      'src/schedule/port.ts:2: schedule may not import discord/render (types only) (../discord/render/message)',
      'src/store/x.ts:1: store may not import discord.js',
    ]);
  });

  it("catches an adapter reaching past the core's public face", () => {
    const bad = tree({
      'src/briefings/index.ts': "export { x } from './text/x';",
      'src/briefings/text/x.ts': 'export const x = 1;',
      'src/cli/run.ts': "import { x } from '../briefings/text/x';\nimport { x as y } from '../briefings';",
    });
    expect(boundaryViolations(bad, boundaries)).toEqual([
      'src/cli/run.ts:1: imports src/briefings/text/x.ts; outside the core import only src/briefings/index.ts',
    ]);
  });

  it("catches a cycle made by require(), including the command loader's computed require", () => {
    const literal = tree({ 'src/a.ts': "const b = require('./b');", 'src/b.ts': "import './a';" });
    expect(fileCycles(literal)).toEqual(['src/a.ts -> src/b.ts -> src/a.ts']);
    // help.ts used to import the loader, which require()s every file of its folder: help included.
    const loader = tree({
      'src/commands/index.ts': 'export function load(f: string) { return fs.readdirSync(dir).map((f) => require(dir + f)); }',
      'src/commands/help.ts': "import { load } from './index';",
    });
    expect(fileCycles(loader)).toEqual(['src/commands/index.ts -> src/commands/help.ts -> src/commands/index.ts']);
    expect(fileCycles(tree({ 'src/a.ts': "import type { B } from './b';", 'src/b.ts': "import type { A } from './a';" }))).toEqual([]);
  });

  it('catches two rooms that import each other, even by types', () => {
    const bad = tree({
      'src/store/schedules.ts': "import type { Settings } from '../schedule/types';",
      'src/schedule/types.ts': "import type { Row } from '../store/schedules';",
    });
    expect(roomCycles(bad, ENTRY_FILES)).toEqual(['store -> schedule -> store']);
  });

  it('catches a long file and a long function, and lets a named exemption through', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const long = `export function tooLong() {\n${body}\n}\n` + 'export const x = 1;\n'.repeat(320);
    const bad = tree({ 'src/briefings/long.ts': long });
    expect(budgetViolations(bad, budgets)).toEqual([
      'src/briefings/long.ts: 407 lines (budget 400)',
      'src/briefings/long.ts:tooLong: 87 lines (budget 80)',
    ]);
    const inner = tree({ 'src/briefings/inner.ts': `export function outer() {\n  const step = () => {\n${body}\n  };\n}\n` });
    expect(budgetViolations(inner, budgets)).toEqual([
      'src/briefings/inner.ts:outer/step: 87 lines (budget 80)',
      'src/briefings/inner.ts:outer: 89 lines (budget 80)',
    ]);
    expect(budgetViolations(inner, { ...budgets, functionExempt: { 'src/briefings/inner.ts:outer': 'test' } })).toEqual([]);
    expect(
      budgetViolations(bad, {
        ...budgets,
        fileExempt: { 'src/briefings/long.ts': 'test' },
        functionExempt: { 'src/briefings/long.ts:tooLong': 'test' },
      }),
    ).toEqual([]);
  });
});
