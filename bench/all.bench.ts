// `npm run bench [-- --sizes … --corpus DIR]`: every benchmark in one run, one after the other, so their numbers
// come from the same machine state: search at scale (fuse.js and MiniSearch beside it), then ingest (feed XML →
// searchable, beside the file reader, and the extraction F1). Each part also runs alone (bench:search, bench:ingest).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? args[corpusAt + 1] : undefined;
const tsx = require.resolve('tsx/cli');
const run = (file: string, argv: string[]): number =>
  spawnSync(process.execPath, [tsx, path.join(__dirname, file), ...argv], { stdio: 'inherit' }).status ?? 1;

const search = run('search.bench.ts', args);
const ingest = run('ingest.bench.ts', corpus ? [path.join(corpus, 'article-extraction-benchmark')] : []);
process.exitCode = search || ingest;
