// From all the blocks of Readability's container to the article: drop blocks inside furniture-named
// elements, captions, link lists and the lines furniture is made of; set the standfirst aside.
import type { Block } from './blocks';
import { ancestorsWithin, namedFurniture, namedStandfirst } from './classes';
import type { DomElement } from './dom';
import { isDateStamp, isFurnitureText, isPointerHeading } from './lines';

export interface Selection {
  standfirst: string | null;
  body: Block[];
  /** Date stamps dropped from the text ("Updated 3:27 am EST, …"): a date when the metadata has none. */
  dateLines: string[];
}

/** An element named as furniture is dropped only when it holds less than this share of the container's text. */
const FURNITURE_SHARE = 0.4;
/** A block this much link is a pointer to another page (a related headline, a menu entry). */
const LINK_SHARE = 0.8;

/** Elements whose content is never article body, wherever they sit. */
const FURNITURE_TAGS = new Set(['FIGCAPTION', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'MENU']);

class TextLengths {
  private readonly cache = new Map<DomElement, number>();
  of(el: DomElement): number {
    let n = this.cache.get(el);
    if (n === undefined) {
      n = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      this.cache.set(el, n);
    }
    return n;
  }
}

function insideFurniture(block: Block, root: DomElement, lengths: TextLengths): boolean {
  const limit = lengths.of(root) * FURNITURE_SHARE;
  for (const el of ancestorsWithin(block.element, root)) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'FIGCAPTION') return true;
    if ((FURNITURE_TAGS.has(tag) || namedFurniture(el)) && lengths.of(el) <= limit) return true;
  }
  return false;
}

const normal = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function isLinkList(block: Block): boolean {
  return block.text.length < 300 && block.linkChars >= block.text.length * LINK_SHARE;
}

/**
 * A list entry or heading that is all link points to another page, as does a linked headline in capitals;
 * a linked paragraph in sentence case may be the article's own call to action ("Get it on Amazon for $39").
 */
function isPointer(block: Block): boolean {
  if (!isLinkList(block)) return false;
  return (block.kind !== 'paragraph' && block.kind !== 'quote') || (/\p{Lu}{3}/u.test(block.text) && block.text === block.text.toUpperCase());
}

/** The blocks that form the article, in order, with the standfirst set apart. */
export function selectArticle(blocks: Block[], root: DomElement, title: string): Selection {
  const lengths = new TextLengths();
  const titleKey = normal(title);
  const body: Block[] = [];
  let standfirst: string | null = null;
  let inPointerList = false;
  const dateLines: string[] = [];
  for (const block of blocks) {
    // A dek is named like furniture ("article__dek") but is the standfirst: look for it first.
    if (body.length === 0 && standfirst === null && isStandfirst(block, root)) {
      standfirst = block.text;
      continue;
    }
    if (isDateStamp(block.text)) {
      dateLines.push(block.text);
      continue;
    }
    if (insideFurniture(block, root, lengths)) continue;
    if (titleKey && normal(block.text) === titleKey) continue;
    // "You may also like…" is often set as a paragraph rather than a heading.
    if (isPointerHeading(block.text, block.kind === 'heading')) {
      inPointerList = true;
      continue;
    }
    if (inPointerList) {
      // A list of links follows a "Related" heading until ordinary prose resumes.
      if (block.kind !== 'paragraph' || isLinkList(block) || block.text.length < 120) continue;
      inPointerList = false;
    }
    if (isPointer(block) || isFurnitureText(block.text)) continue;
    body.push(block);
  }
  return { standfirst, body, dateLines };
}

function isStandfirst(block: Block, root: DomElement): boolean {
  if (block.text.length < 40 || block.kind === 'item') return false;
  return ancestorsWithin(block.element, root).some(namedStandfirst);
}
