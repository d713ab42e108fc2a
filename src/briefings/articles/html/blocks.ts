// Readability's article element → a list of text blocks (paragraphs, headings, list items, quotes), keeping
// the boundaries that `textContent` loses: "…the end.</p><p>Next…" must not read as "end.Next".
import { cleanLine } from '../../text/whitespace';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Lower-cased tag of the element that holds the block ("p", "h2", "li", "div"…). */
  tag: string;
  /** The element that holds the block (for rules that look at its classes). */
  element: DomElement;
  /** How many of the block's characters sit inside links: a block that is all link is a pointer elsewhere. */
  linkChars: number;
}

/** Elements that end the text before them and start a new block. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
  'SUMMARY',
]);

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'INPUT', 'TEXTAREA']);

/** Inline pop-ups that repeat a name with its bio and links when hovered ("rollover-people-block", "tooltip"). */
const POPUP_CLASS = /(?:^|[\s_-])(?:tooltip|popover|hovercard|rollover-people-block|rollover-block)(?:$|[\s_-])/i;

function kindOf(tag: string, inQuote: boolean): BlockKind {
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'item';
  return inQuote ? 'quote' : 'paragraph';
}

interface Walker {
  blocks: Block[];
  parts: string[];
  linkChars: number;
  owner: DomElement;
  kind: BlockKind;
}

function flush(w: Walker): void {
  const text = cleanLine(w.parts.join('').replace(/\s*\n\s*/g, ' '));
  const linkChars = Math.min(w.linkChars, text.length);
  w.parts = [];
  w.linkChars = 0;
  if (text) w.blocks.push({ kind: w.kind, text, tag: w.owner.tagName.toLowerCase(), element: w.owner, linkChars });
}

function walk(node: DomNode, w: Walker, inQuote: boolean, inLink = false): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? '';
      w.parts.push(value);
      if (inLink) w.linkChars += value.trim().length;
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as DomElement;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      // A line break inside a paragraph separates lines of verse or an address; keep them apart as words.
      w.parts.push('\n');
      continue;
    }
    if (POPUP_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (tag === 'TD' || tag === 'TH') {
      // A table row reads as one line: "1 Kyle Busch 5040 5 1".
      w.parts.push(' ');
      walk(el, w, inQuote, inLink);
      w.parts.push(' ');
      continue;
    }
    if (!BLOCK_TAGS.has(tag)) {
      walk(el, w, inQuote, inLink || tag === 'A');
      continue;
    }
    flush(w);
    const saved = { owner: w.owner, kind: w.kind };
    const quote = inQuote || tag === 'BLOCKQUOTE';
    w.owner = el;
    w.kind = kindOf(tag, quote);
    walk(el, w, quote, inLink);
    flush(w);
    w.owner = saved.owner;
    w.kind = saved.kind;
  }
}

/** The blocks of text under `root`, in document order. */
export function blocksOf(root: DomElement): Block[] {
  const w: Walker = { blocks: [], parts: [], linkChars: 0, owner: root, kind: 'paragraph' };
  walk(root, w, false);
  flush(w);
  return w.blocks;
}
