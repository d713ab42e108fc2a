/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught by `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles,
  // which keeps the suite fast on 2 cores.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['<rootDir>/tests/setup/fast-check.ts'],
  testTimeout: 30000,
};
