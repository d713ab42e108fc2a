// A web page → an article: @mozilla/readability on linkedom finds the article's container, then our
// own rules read it block by block (paragraphs and headings kept apart, furniture dropped) and the page's
// metadata gives title, date, author and site name. Pure: HTML text in, plain data out; never throws.
import type * as ReadabilityModule from '@mozilla/readability';
import { onFirstUse } from '../text/on-first-use';
import type { RawArticle } from '../types';
import { ArticleBuilder } from './builder';
import { blocksOf, type Block } from './html/blocks';
import { cleanLine } from '../text/whitespace';
import { parsePage, tooBigToScore, type DomDocument, type DomElement } from './html/dom';
import { isFurnitureText } from './html/lines';
import { readMetadata, type PageMetadata } from './html/metadata';
import { selectArticle } from './html/select';
import { visibleDate } from './html/visible-date';
import { looksLikeTeaser } from './html/teaser';

/** Pages beyond this are cut before parsing: no article needs more, and parsing time grows with size. */
export const MAX_PAGE_CHARS = 3_000_000;
/** Beyond this many elements Readability is not run and the page's paragraphs are read one by one. */
const MAX_ELEMENTS = 60_000;
/** Real pages nest up to ~50 deep (the benchmark's deepest); beyond this Readability's time explodes. */
const MAX_DEPTH = 150;

export interface HtmlPage {
  /** The article as every reader returns it; null when the page holds no text at all. */
  article: RawArticle | null;
  /** Too short, or behind a paywall: the caller should prefer the feed's own description. */
  teaser: boolean;
  author: string | null;
  siteName: string | null;
  /** The article's text: headings and paragraphs, one blank line between blocks (the standfirst apart). */
  text: string;
}

export interface HtmlOptions {
  /** RawArticle.source: the file path or the URL. Default: the URL. */
  source?: string;
}

interface Extracted {
  blocks: Block[];
  standfirst: string | null;
  /** Everything Readability kept, furniture included: where a paywall notice would sit. */
  containerText: string;
  dateLines: string[];
}

/** The page's paragraphs one by one, for pages Readability cannot be trusted to finish in time. */
function plainParagraphs(doc: DomDocument): Extracted {
  const blocks: Block[] = [];
  try {
    for (const el of doc.querySelectorAll('p')) {
      const text = cleanLine((el.textContent ?? '').replace(/\s+/g, ' '));
      if (text && !isFurnitureText(text)) blocks.push({ kind: 'paragraph', text, tag: 'p', element: el, linkChars: 0 });
    }
  } catch {
    // A tree too deep even for a selector walk: nothing to read.
  }
  return { blocks, standfirst: null, containerText: blocks.map((b) => b.text).join('\n'), dateLines: [] };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- on first page, with linkedom (text/on-first-use.ts)
const readability = onFirstUse(() => require('@mozilla/readability') as typeof ReadabilityModule);

function runReadability(doc: DomDocument, title: string): Extracted {
  if (!doc.documentElement || tooBigToScore(doc.documentElement, MAX_DEPTH, MAX_ELEMENTS)) return plainParagraphs(doc);
  try {
    const reader = new (readability().Readability)<DomElement>(doc as never, {
      keepClasses: true,
      serializer: (node) => node as unknown as DomElement,
    });
    const result = reader.parse();
    if (result?.content) {
      const all = blocksOf(result.content);
      const picked = selectArticle(all, result.content, title);
      return { blocks: picked.body, standfirst: picked.standfirst, containerText: all.map((b) => b.text).join('\n'), dateLines: picked.dateLines };
    }
  } catch {
    // Readability throws on pages beyond maxElemsToParse and on some broken trees: fall through.
  }
  return plainParagraphs(doc);
}

function dateOf(line: string): { date: Date; approximate: boolean } | null {
  const date = visibleDate(line);
  return date ? { date, approximate: false } : null;
}

/** A short line in capitals is a section heading set as a paragraph ("NISSAN SENTRA", "FRANCE WINS"). */
function isCapitalsHeading(text: string): boolean {
  return text.length <= 60 && /\p{Lu}{2}/u.test(text) && text === text.toUpperCase() && !/[.!?:;,]$/.test(text);
}

/** Read a page. `url` resolves nothing yet but becomes the article's url and default source. */
export function readHtml(html: string, url: string | null, opts: HtmlOptions = {}): HtmlPage {
  const source = opts.source ?? url ?? '';
  let doc: DomDocument;
  let meta: PageMetadata;
  try {
    doc = parsePage(html.length > MAX_PAGE_CHARS ? html.slice(0, MAX_PAGE_CHARS) : html);
    // Metadata first: Readability rewrites the document it reads.
    meta = readMetadata(doc);
  } catch {
    return { article: null, teaser: true, author: null, siteName: null, text: '' };
  }
  const { blocks, standfirst, containerText, dateLines } = runReadability(doc, meta.title ?? '');
  const builder = new ArticleBuilder(source);
  builder.title = meta.title ?? '';
  if (url ?? meta.url) builder.url = (url ?? meta.url)!;
  builder.offerDate(meta.date ? { date: meta.date, approximate: false } : null);
  // The date printed on the page, when the metadata has none.
  for (const line of dateLines) builder.offerDate(dateOf(line));
  if (standfirst) builder.setStandfirst(standfirst);
  if (meta.tags.length > 0) builder.tags = meta.tags;
  for (const b of blocks) {
    if (b.kind === 'heading' || isCapitalsHeading(b.text)) builder.addHeading(b.text);
    else builder.addParagraph(b.text);
  }
  const article = builder.build();
  const text = blocks.map((b) => b.text).join('\n\n');
  return { article, teaser: looksLikeTeaser(text, containerText, html), author: meta.author, siteName: meta.siteName, text };
}
