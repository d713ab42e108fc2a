#!/usr/bin/env node
// The package's bin runs the TypeScript CLI through tsx so no build step is needed.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const tsx = require.resolve('tsx/cli');
const cli = path.join(__dirname, '..', 'src', 'cli.ts');
const r = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
