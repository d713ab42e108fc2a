// Two projects: `unit` (pure code and in-memory fakes; seconds to a minute) and `e2e` (the real bot, CLI and
// stand-in Discord servers, separate processes). `npm test` runs both; `npm run test:unit` / `test:e2e` one.
const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  // Type errors are caught by `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles,
  // which keeps the suite fast on 2 cores.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // Some dependencies ship only ES modules; Node 20.19+ require()s them, Jest's runtime does not, so they are
    // transpiled to CommonJS for the tests: request-filtering-agent 3, and css-select and friends, which linkedom
    // (the page reader's DOM) requires.
    '/node_modules/.+\\.js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(request-filtering-agent|css-select|css-what|domutils|nth-check|domhandler|dom-serializer|domelementtype|boolbase|cssomnom|entities)/)',
  ],
  setupFiles: ['<rootDir>/tests/setup/fast-check.ts'],
};

/** Tests that start the bot, the CLI or the stand-in Discord (servers, child processes). */
const E2E_FILES = ['tests/cli.test.ts', 'tests/hostile/guard-secrets.test.ts', 'tests/hostile/guard-gateway.test.ts'];
const E2E = ['<rootDir>/tests/e2e/**/*.test.ts', '<rootDir>/tests/standin/**/*.test.ts', '<rootDir>/tests/**/*.e2e.test.ts', ...E2E_FILES.map((f) => `<rootDir>/${f}`)];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
module.exports = {
  // A global option: jest ignores it inside a project.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/tests/standin/', '\\.e2e\\.test\\.ts$', ...E2E_FILES.map((f) => `/${escape(f)}$`)],
    },
    { ...shared, displayName: 'e2e', testMatch: E2E },
  ],
};
