// Lint: typescript-eslint's recommended rules, the file-size budget, and the import boundaries that can be
// said as "this folder may not import that" (the full table, with cycles and function budgets, is checked by
// tests/architecture.test.ts from tests/architecture/rules.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const DISCORD_ONLY = {
  paths: [
    { name: 'discord.js', message: 'Only src/discord/ and src/commands/ talk to Discord.' },
    { name: '@discordjs/builders', message: 'Only src/discord/ and src/commands/ talk to Discord.' },
  ],
};

/** no-restricted-imports for a room: Discord packages and the given folders (as import path patterns). */
function restrict(groups, message, { discord = true, extraPaths = [] } = {}) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [...(discord ? DISCORD_ONLY.paths : []), ...extraPaths],
        patterns: groups.length ? [{ group: groups, message }] : [],
      },
    ],
  };
}

const SQLITE = [{ name: 'better-sqlite3', message: 'Only src/store/ talks SQL.' }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.cache/', 'content/', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    // A disable comment that silences nothing is an error: each one must still be needed, and say why.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import x = require('x.json')` is TypeScript's typed import, not a stray require().
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // `cond ? a++ : b++` counts in the sentence-splitter scoring; it is a statement, not a lost value.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
    },
  },
  // Node scripts written as ES modules (this file, test helpers run outside jest).
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' } } },
  // Tests and benchmarks handle raw Discord and corpus JSON, typed `any` on purpose (see tests/standin/types.ts).
  { files: ['tests/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Files over the budget by name (the same list as tests/architecture/rules.ts FILE_EXEMPT).
  { files: ['tests/standin/index.ts', 'bench/search.bench.ts', 'tests/sources/poller.test.ts'], rules: { 'max-lines': 'off' } },
  // The core: nothing outside itself.
  {
    files: ['src/briefings/**/*.ts'],
    rules: restrict(['../**/commands/**', '../**/discord/**', '../**/schedule/**', '../**/store/**', '../**/cli/**', '../**/sources/**', '../**/config', '../**/logger'], 'The core imports nothing outside src/briefings.', { extraPaths: SQLITE }),
  },
  // The store: SQL only, no Discord, no scheduler.
  {
    files: ['src/store/**/*.ts'],
    rules: restrict(['../schedule/**', '../discord/**', '../commands/**', '../briefings/*/**'], 'The store owns its types and imports no other room.'),
  },
  // The scheduler: when and whether; no Discord (its ports use the renderer's plain message type only).
  {
    files: ['src/schedule/**/*.ts'],
    rules: restrict(['../discord/*', '!../discord/render', '../discord/!(render)/**', '../commands/**', '../briefings/*/**'], 'The scheduler reaches Discord through its ports.', { extraPaths: SQLITE }),
  },
  // Live delivery: when and whether, through ports; no Discord, no SQL, the core by its face only.
  {
    files: ['src/delivery/**/*.ts'],
    rules: restrict(['../../discord/**', '../../store/**', '../../schedule/**', '../../commands/**', '../../sources/**', '../../briefings/*/**'], 'Live delivery reaches Discord and the ledger through its ports.', { extraPaths: SQLITE }),
  },
  // The renderer reads the core's data only.
  {
    files: ['src/discord/render/**/*.ts'],
    rules: restrict(['../../schedule/**', '../../store/**', '../../commands/**', '../../briefings/*/**', '../interaction/**', '../schedule/**'], 'The renderer reads only the core\'s public types.', { discord: false, extraPaths: SQLITE }),
  },
  // Commands are thin: core, services, renderer; never the store or the Discord wiring.
  {
    files: ['src/commands/**/*.ts'],
    rules: restrict(['../store/**', '../discord/schedule/**', '../discord/bot', '../discord/router', '../discord/deploy', '../briefings/*/**'], 'Commands call the core or a service and render.', { discord: false, extraPaths: SQLITE }),
  },
  // Outside the core, only its public face.
  {
    files: ['src/cli/**/*.ts', 'src/discord/*.ts', 'src/discord/interaction/**/*.ts', 'src/discord/schedule/**/*.ts'],
    rules: restrict(['../briefings/*/**', '../../briefings/*/**', '../briefings/!(index)', '../../briefings/!(index)'], 'Import the core from src/briefings (its index) only.', { discord: false }),
  },
);
