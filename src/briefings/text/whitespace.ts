// Whitespace clean-up shared by the readers: scraped pages are full of no-break spaces, zero-width
// characters and stray control bytes that must not reach sentences, search or Discord.

/** Invisible characters dropped outright: zero-width spaces/joiners, BOM, soft hyphen, word joiner. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Control characters other than tab and newline (a stray 0x7f or 0x1b from a bad scrape). */
// eslint-disable-next-line no-control-regex -- matching control characters is this constant's job
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Every kind of horizontal space, including no-break and typographic spaces. */
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Anything cleanLine would change besides trimming; most lines have none, so they skip the rewrites. */
// eslint-disable-next-line no-control-regex -- control characters are among what cleanLine removes
const NEEDS_WORK = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** One line of text: invisible and control characters removed, spaces collapsed, trimmed. */
export function cleanLine(line: string): string {
  if (!line.includes('  ') && !NEEDS_WORK.test(line)) return line.trim();
  return line.replace(INVISIBLE, '').replace(CONTROL, '').replace(SPACES, ' ').trim();
}

/** Normalise line endings (CRLF, CR, Unicode separators) to "\n". */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
}

/** Split text into cleaned lines (blank lines become ""). */
export function cleanLines(text: string): string[] {
  return normaliseNewlines(text).split('\n').map(cleanLine);
}
