// The few DOM shapes the page reader uses. The project compiles without the DOM library (it is a Node
// program), so the reader names only what it touches; linkedom's nodes satisfy these.
import { parseHTML } from 'linkedom';

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
  getAttribute(name: string): string | null;
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
  return parseHTML(markup).document as unknown as DomDocument;
}
