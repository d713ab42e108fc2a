/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught by `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles,
  // which keeps the suite fast on 2 cores.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // linkedom (the page reader's DOM) requires css-select and friends, which ship only as ES modules; Node 20
    // loads them through require(esm), Jest's module system does not, so they are transpiled to CommonJS here.
    '^.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(css-select|css-what|domutils|nth-check|domhandler|dom-serializer|domelementtype|boolbase|cssomnom|entities)/)'],
  setupFiles: ['<rootDir>/tests/setup/fast-check.ts'],
  testTimeout: 30000,
};
