// The few DOM shapes the page reader uses. The project compiles without the DOM library (it is a Node
// program), so the reader names only what it touches; linkedom's nodes satisfy these.
import type * as Linkedom from 'linkedom';
import { onFirstUse } from '../../text/on-first-use';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- on first page: linkedom takes longer to load than a search takes
const linkedom = onFirstUse(() => require('linkedom') as typeof Linkedom);

export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentElement: DomElement | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** Parse a page; linkedom never throws on malformed markup, but a page without <html> needs a shell. */
export function parsePage(html: string): DomDocument {
  const markup = /<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return linkedom().parseHTML(markup).document as unknown as DomDocument;
}

/**
 * Is the tree nested deeper than `maxDepth` or larger than `maxElements`? Readability's time grows faster
 * than the square of the nesting depth (1,000 nested divs: 4 s), and its own element cap counts nothing on
 * linkedom (getElementsByTagName('*') is empty there), so such pages are read without it. Iterative: no
 * recursion to overflow.
 */
export function tooBigToScore(root: DomNode, maxDepth: number, maxElements: number): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  let elements = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth || ++elements > maxElements) return true;
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) stack.push([c, depth + 1]);
  }
  return false;
}
