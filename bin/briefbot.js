#!/usr/bin/env node
// The package's bin runs the compiled CLI (built by `npm ci` through the `prepare` script). In a checkout
// that was never built it falls back to the TypeScript sources through tsx, which is slower to start.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  const { spawnSync } = require('node:child_process');
  const tsx = require.resolve('tsx/cli');
  const cli = path.join(__dirname, '..', 'src', 'cli.ts');
  const r = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}
