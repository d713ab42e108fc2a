// Settings for a process entry point: .env, then the environment, validated; a user's mistake ends the
// process with the message saying what to fix (never a stack trace, never the token).
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, type Config } from './config';

export function configOrExit(): Config {
  // quiet: dotenv otherwise prints a banner to stdout.
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
