// Entry point of the `briefbot` command.
import { config as loadEnv } from 'dotenv';
import { runCommand } from './cli/run';

// quiet: dotenv otherwise prints a banner to stdout, which would corrupt --json output.
loadEnv({ quiet: true });
void runCommand(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
