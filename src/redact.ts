// Secrets out of every message and log line: bot tokens, interaction tokens (in webhook and callback URLs)
// and passwords in URLs. Applied to start-up errors and, through the logger, to every line it writes.

export const REDACTED = '[redacted]';

/** A bot token: three base64url parts (application id, timestamp, HMAC), as config.ts checks it. */
const BOT_TOKEN = /(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;
/** The interaction token in /webhooks/<app id>/<token>/… and /interactions/<id>/<token>/callback. */
const INTERACTION_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[^/?#\s"'\\]+/g;
/** user:password@ in a URL (an authenticating proxy in DISCORD_API_URL). Never crosses a JSON quote. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"\\]*:)[^\s/@"\\]+@/gi;
/** Literal secrets shorter than this are not replaced: they would blank out ordinary words. */
const MIN_LITERAL = 8;

/** `text` with everything token-shaped, and each of `secrets`, replaced by "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_LITERAL && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out.replace(BOT_TOKEN, REDACTED).replace(INTERACTION_TOKEN, `$1${REDACTED}`).replace(URL_PASSWORD, `$1${REDACTED}@`);
}
