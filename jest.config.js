/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught by `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles,
  // which keeps the suite fast on 2 cores.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // request-filtering-agent 3 ships only ES modules; Node 20.19+ require()s them, Jest's runtime does not,
    // so this one package is transpiled to CommonJS for the tests.
    '/node_modules/request-filtering-agent/.+\\.js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!request-filtering-agent/)'],
  setupFiles: ['<rootDir>/tests/setup/fast-check.ts'],
  testTimeout: 30000,
};
