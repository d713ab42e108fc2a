// Entry point of the `briefbot` command.
import { config as loadEnv } from 'dotenv';
import { runCli } from './cli/run';

// quiet: dotenv otherwise prints a banner to stdout, which would corrupt --json output.
loadEnv({ quiet: true });
runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`briefbot: something went wrong: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
