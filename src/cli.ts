// Entry point of the `briefbot` command.
import { config as loadEnv } from 'dotenv';
import { runCli } from './cli/run';

// quiet: dotenv otherwise prints a banner to stdout, which would corrupt --json output.
loadEnv({ quiet: true });
const code = runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
});
process.exitCode = code;
