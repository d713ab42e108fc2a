// Text safety and splitting for Discord: escape markdown, neutralise mentions, and cut long text only
// between sentences (or, for one over-long sentence, between words with an ellipsis).
import { splitSentences } from '../../briefings';

export const ELLIPSIS = '…';
const ZWSP = '\u200b';

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). An article can use them to make
 * text read backwards ("Invoice \u202efdp.exe" shows as "Invoice exe.pdf"), so they never reach Discord.
 * The left-to-right and right-to-left marks (U+200E, U+200F, and U+061C) stay: they cannot reverse a run of
 * letters, only place neutral characters such as brackets, and Arabic, Hebrew and Persian text needs them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Breaks everything Discord would turn into a ping or a clickable mention. allowedMentions already stops
 * the ping; this also keeps the text from rendering as a highlighted mention.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/])/g, `<${ZWSP}`);
}

/**
 * One pass over the text, so escaping stays linear (discord.js's escapeMarkdown is quadratic on long runs)
 * and no mark can escape by standing across a piece boundary. Every character that opens or closes inline
 * markdown is escaped wherever it stands: backslash, * _ ` ~ | and the [ of a masked link. Inside a bare URL
 * or a custom emoji, * and _ are left alone (Discord links the URL as a whole; a backslash would break it).
 */
const VERBATIM = /https?:\/\/[^\s<]+|<a?:\w+:\d+>/g;
const MARKS = /[\\*_`~|[]/g;
const MARKS_IN_URL = /[\\`~|[]/g;

function escapeInline(text: string): string {
  let out = '';
  let last = 0;
  VERBATIM.lastIndex = 0;
  for (let m = VERBATIM.exec(text); m; m = VERBATIM.exec(text)) {
    out += text.slice(last, m.index).replace(MARKS, '\\$&') + m[0].replace(MARKS_IN_URL, '\\$&');
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(MARKS, '\\$&');
}

/** Markdown that only counts at the start of a line: headings, subtext, bulleted and numbered lists. */
function escapeLineStarts(text: string): string {
  return text
    .replace(/^( {0,2})(- )?( *)(#{1,3} )/gm, '$1$2$3\\$4')
    .replace(/^( *)-(?=#+ | +)/gm, '$1\\-')
    .replace(/^( *\d+)\./gm, '$1\\.');
}

export function escapeMarkdownText(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/** Article text as it should appear in a markdown-rendering field (content, title, description, field). */
export function safeMarkdown(text: string): string {
  // Bidi controls go first: removing one later could bring two marks together ("~\u202e~").
  return neutraliseMentions(escapeMarkdownText(stripBidiControls(text)));
}

/** Article text for plain fields Discord does not render as markdown (footer, author, select labels). */
export function safePlain(text: string): string {
  return neutraliseMentions(stripBidiControls(text).replace(/\s+/g, ' ').trim());
}

/** Prose with newlines folded: for text that must stay on one line (list items, quotes). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Index to cut a string at without splitting a surrogate pair or leaving a dangling escape backslash. */
function safeCut(text: string, at: number): number {
  let cut = Math.max(1, Math.min(at, text.length));
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut--;
  let backslashes = 0;
  for (let i = cut - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  if (backslashes % 2 === 1 && cut > 1) cut--;
  return cut;
}

/**
 * Shortens text to at most `max` characters at a word boundary, marking the cut with an ellipsis.
 * Only a single word longer than the whole budget is cut inside itself.
 */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  const window = text.slice(0, budget + 1);
  const space = window.search(/\s\S*$/);
  if (space > 0) return `${text.slice(0, space).trimEnd()}${ELLIPSIS}`;
  return `${text.slice(0, safeCut(text, budget))}${ELLIPSIS}`;
}

/** Splits one over-long sentence into pieces ≤ max at word boundaries; every piece but the last ends in "…". */
export function splitWords(sentence: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = sentence.trim();
  while (rest.length > max) {
    const piece = truncateWords(rest, max);
    pieces.push(piece);
    rest = rest.slice(piece.length - ELLIPSIS.length).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Packs paragraphs of (already safe) sentences into chunks of at most `max` characters. Sentences in a
 * paragraph are joined by a space, paragraphs by a blank line; a chunk only ends between sentences unless
 * one sentence alone is too long.
 */
export function packSentences(paragraphs: string[][], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current) chunks.push(current);
    current = '';
  };
  for (const paragraph of paragraphs) {
    let first = true;
    for (const raw of paragraph) {
      const sentence = raw.trim();
      if (!sentence) continue;
      const sep = current ? (first ? '\n\n' : ' ') : '';
      first = false;
      if (current.length + sep.length + sentence.length <= max) {
        current += sep + sentence;
        continue;
      }
      flush();
      if (sentence.length <= max) {
        current = sentence;
        continue;
      }
      const pieces = splitWords(sentence, max);
      chunks.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  flush();
  return chunks;
}

/** Sentences of free text (quotes, snippets), each made safe for markdown fields. */
export function safeSentences(text: string): string[] {
  return splitSentences(text).map((s) => safeMarkdown(oneLine(s)));
}
