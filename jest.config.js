/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
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
  testTimeout: 30000,
};
