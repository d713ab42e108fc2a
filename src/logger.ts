// Structured logs (pino). Secrets are redacted by path, and every written line is swept for anything
// token-shaped, so a logged config, request or error never leaks a token.
import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED, redactSecrets } from './redact';

export type { Logger } from 'pino';

const REDACT = ['token', '*.token', 'config.token', 'authorization', 'headers.authorization', '*.headers.authorization', 'req.headers.authorization'];

export interface LoggerOptions {
  /** Values to hide wherever they appear, whatever their shape (the configured token). */
  secrets?: readonly string[];
}

export function createLogger(level: string = process.env.LOG_LEVEL || 'info', destination?: DestinationStream, opts: LoggerOptions = {}): Logger {
  const secrets = [...(opts.secrets ?? [])];
  const options: LoggerOptions & pino.LoggerOptions = {
    level,
    base: { name: 'briefbot' },
    redact: { paths: REDACT, censor: REDACTED },
    // The last step before a line is written, for every logger and child: whatever an error, a URL or a
    // message carries, nothing token-shaped gets out (paths above only cover fields we know of).
    hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
  };
  return destination ? pino(options, destination) : pino(options);
}
