// A feed item to an analysed article: its page read like any web page, or — when the page could not be
// fetched, or reads as a teaser or a paywall — the feed's own content standing in, marked as a teaser.
// Title, date and author come from the feed, and from the page's metadata where the feed lacks them.
// Pure: runs in an analysis worker thread (the thread that answers Discord never analyses) or inline.
import { analyseRaw } from './analyse-file';
import type { AnalysedArticle } from './article-store';
import { ArticleBuilder } from './articles/builder';
import { readHtml, type HtmlPage } from './articles/html';
import { parsePage } from './articles/html/dom';
import { TEASER_CHARS } from './articles/html/teaser';
import { cleanLine } from './text/whitespace';
import type { LoadWarning, RawArticle } from './types';

/** Items dated further back than this when first seen are stored and searchable but not briefed as news. */
export const BRIEFING_WINDOW_DAYS = 2;

export interface PageJob {
  kind: 'page';
  /** The item's link; null when it has none. */
  url: string | null;
  /** The page, decoded; null when it was not fetched (`fetchProblem` says why). */
  html: string | null;
  fetchProblem: string | null;
  /** What the feed says of the item. */
  item: {
    title: string | null;
    published: string | null;
    author: string | null;
    contentHtml: string | null;
    summary: string | null;
  };
  /** The feed's name (the articles' source); its URL when it has no title. */
  feedName: string;
  /** The clock, as epoch ms. */
  now: number;
}

export interface AnalysedPage {
  /** Null when neither the page nor the feed gave any text. */
  article: AnalysedArticle | null;
  teaser: boolean;
  warnings: LoadWarning[];
}

const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, pre';

/** Paragraphs of the feed's own HTML (or plain text): its blocks, else its lines. */
export function fragmentParagraphs(fragment: string | null): string[] {
  if (!fragment?.trim()) return [];
  if (!/<[a-z!/]/i.test(fragment)) return splitLines(fragment.replace(/&amp;/g, '&'));
  try {
    const doc = parsePage(fragment);
    const blocks = [...doc.querySelectorAll(BLOCKS)]
      .filter((el) => !el.querySelector(BLOCKS))
      .map((el) => cleanLine((el.textContent ?? '').replace(/\s+/g, ' ')))
      .filter((t) => t.length > 0);
    if (blocks.length) return blocks;
    return splitLines(doc.querySelector('body')?.textContent ?? '');
  } catch {
    return splitLines(fragment.replace(/<[^>]*>/g, ' '));
  }
}

function splitLines(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((l) => cleanLine(l.replace(/\s+/g, ' ')))
    .filter((l) => l.length > 0);
}

function feedArticle(job: PageJob, page: HtmlPage | null): RawArticle | null {
  const b = new ArticleBuilder(job.feedName);
  b.title = job.item.title ?? page?.article?.title ?? '';
  if (job.url) b.url = job.url;
  const own = fragmentParagraphs(job.item.contentHtml);
  const summary = fragmentParagraphs(job.item.summary);
  // The fuller of the two: some feeds put the whole article in the description and a stub in content.
  const paragraphs = own.join(' ').length >= summary.join(' ').length ? own : summary;
  for (const p of paragraphs) b.addParagraph(p);
  // A page that gave a little text but the feed gives nothing: the little text is better than nothing.
  if (!paragraphs.length && page?.article) for (const p of page.article.paragraphs) b.addParagraph(p);
  return b.build();
}

function dated(raw: RawArticle, job: PageJob, page: HtmlPage | null): RawArticle {
  const date = job.item.published ?? page?.article?.date ?? null;
  if (date) return { ...raw, date, dateApproximate: job.item.published ? false : (page?.article?.dateApproximate ?? false) };
  // Undated everywhere: the moment it was first seen, marked approximate.
  return { ...raw, date: new Date(job.now).toISOString(), dateApproximate: true };
}

/** Reads one item; never throws on bad input (a broken page falls back to the feed's text). */
export function analysePage(job: PageJob): AnalysedPage {
  const warnings: LoadWarning[] = [];
  const where = job.url ?? job.feedName;
  const page = job.html !== null ? readHtml(job.html, job.url) : null;
  const pageOk = page?.article && !page.teaser && page.text.length >= TEASER_CHARS;
  let raw: RawArticle | null;
  if (pageOk) {
    raw = { ...page.article!, title: job.item.title ?? page.article!.title, source: job.feedName };
  } else {
    raw = feedArticle(job, page);
    const why = job.fetchProblem ?? (job.html === null ? 'no link' : 'the page reads as a teaser or paywall');
    if (job.url) warnings.push({ file: where, reason: `${why}: the feed's own text stands in` });
  }
  if (!raw) return { article: null, teaser: true, warnings: [...warnings, { file: where, reason: 'neither the page nor the feed has any text' }] };
  raw = dated(raw, job, page);
  const author = job.item.author ?? page?.author ?? null;
  if (author) raw.author = author;
  if (!pageOk) raw.teaser = true;
  const ageDays = (job.now - Date.parse(raw.date!)) / 86_400_000;
  if (!raw.dateApproximate && ageDays > BRIEFING_WINDOW_DAYS) raw.backlog = true;
  return { article: analyseRaw(raw), teaser: !pageOk, warnings };
}
