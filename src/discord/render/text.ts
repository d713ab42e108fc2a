// Text safety and splitting for Discord: escape markdown, neutralise mentions, and cut long text only
// between sentences (or, for one over-long sentence, between words with an ellipsis).
import { escapeMarkdown } from 'discord.js';
import { splitSentences } from '../../briefings';

export const ELLIPSIS = '…';
const ZWSP = '\u200b';

/**
 * Breaks everything Discord would turn into a ping or a clickable mention. allowedMentions already stops
 * the ping; this also keeps the text from rendering as a highlighted mention.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=[@#/])/g, `<${ZWSP}`);
}

const ESCAPE_PIECE = 256;
const escapeAll = (text: string): string =>
  escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });

/**
 * discord.js's escapeMarkdown is quadratic on long runs (its look-behinds rescan the text), so long text is
 * escaped in pieces of a few hundred characters, cut at whitespace where possible. Markdown marks are local,
 * so every one is still escaped.
 */
function escapeInPieces(text: string): string {
  if (text.length <= ESCAPE_PIECE) return escapeAll(text);
  const out: string[] = [];
  let buf = '';
  for (const token of text.split(/(\s+)/)) {
    if (buf && buf.length + token.length > ESCAPE_PIECE) {
      out.push(escapeAll(buf));
      buf = '';
    }
    if (token.length > ESCAPE_PIECE) {
      for (let i = 0; i < token.length; i += ESCAPE_PIECE) out.push(escapeAll(token.slice(i, i + ESCAPE_PIECE)));
      continue;
    }
    buf += token;
  }
  if (buf) out.push(escapeAll(buf));
  return out.join('');
}

/** Article text as it should appear in a markdown-rendering field (content, title, description, field). */
export function safeMarkdown(text: string): string {
  return neutraliseMentions(escapeInPieces(text));
}

/** Article text for plain fields Discord does not render as markdown (footer, author, select labels). */
export function safePlain(text: string): string {
  return neutraliseMentions(text.replace(/\s+/g, ' ').trim());
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
