// Reader for news pages saved as plain text by a scraper (the seed's format):
//
//   Title                                  ← printed once in the page header …
//   Photo caption … 2025. (AFP)            ← furniture: caption, "Short Url", "Updated …", "Follow"
//   Title                                  ← … and again above the article
//   • Standfirst                           ← after a bullet
//   MOSCOW: First paragraph …              ← dateline, then one paragraph per line
//   - Section heading -   /   Heading      ← dashed, or a short unpunctuated line between blank lines
//
// Several articles may follow each other in one file; each starts at a title printed twice.
import { cleanLines } from '../text/whitespace';
import { ArticleBuilder } from './builder';
import { dateFromFileName, parseDateLine } from './dates';
import { BULLET, dashedHeading, isFurnitureLine, isHeadingCandidate, isPhotoCaption } from './furniture';
import type { ReaderContext, ReaderResult } from './reader-types';
import type { RawArticle } from '../types';

/** How far apart (in lines) the two printings of a title may be. */
const TWIN_WINDOW = 12;
/** Lines between the twin titles that are neither blank nor known furniture (an uncredited caption). */
const MAX_UNKNOWN_BETWEEN = 2;

interface Header {
  /** Line of the first printing. */
  start: number;
  /** Line of the second printing; the body starts after it. */
  twin: number;
}

function isNoise(line: string, ref: Date): boolean {
  return isFurnitureLine(line) || isPhotoCaption(line) || parseDateLine(line, ref) !== null;
}

function isTitleCandidate(line: string, ref: Date): boolean {
  return line.length >= 3 && line.length <= 300 && !BULLET.test(line) && !isNoise(line, ref);
}

/**
 * Find every article header: a title line printed again within a few lines with page furniture
 * (a date, "Follow", a credited caption) between the two printings.
 */
export function findHeaders(lines: string[], ref: Date): Header[] {
  const headers: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || !isTitleCandidate(line, ref)) continue;
    let unknown = 0;
    let furniture = 0;
    const end = Math.min(lines.length - 1, i + TWIN_WINDOW);
    for (let j = i + 1; j <= end; j++) {
      const other = lines[j];
      if (!other) continue;
      if (other === line) {
        // A line repeated with nothing between is a quirk of the text, not a page header.
        if (furniture > 0) {
          headers.push({ start: i, twin: j });
          i = j;
        }
        break;
      }
      if (isNoise(other, ref)) {
        furniture++;
        continue;
      }
      if (++unknown > MAX_UNKNOWN_BETWEEN) break;
    }
  }
  return headers;
}

/** Does this text look like a scraped page rather than a plain title-and-paragraphs file? */
export function looksScraped(text: string, ref: Date): boolean {
  const lines = cleanLines(text.slice(0, 20_000));
  const headers = findHeaders(lines.slice(0, 60), ref);
  const firstContent = lines.findIndex((l) => l !== '' && !isNoise(l, ref));
  if (headers.length > 0 && headers[0].start === firstContent) return true;
  // Otherwise count page furniture near the top. Bullets count once: a plain article may hold a list.
  let markers = 0;
  let bullet = false;
  const head = lines.slice(0, 40);
  for (const line of head) {
    if (!line) continue;
    if (/^(?:short url|follow)$/i.test(line) || parseDateLine(line, ref)?.approximate) markers += 2;
    else if (parseDateLine(line, ref) || isFurnitureLine(line) || isPhotoCaption(line)) markers += 1;
    else if (BULLET.test(line)) bullet = true;
  }
  return markers + (bullet ? 1 : 0) >= 2;
}

function blank(lines: string[], i: number): boolean {
  return i < 0 || i >= lines.length || lines[i] === '';
}

/** Read the body lines [from, to) into the builder. */
function readBody(lines: string[], from: number, to: number, builder: ArticleBuilder, ref: Date): void {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    const dateLine = parseDateLine(line, ref);
    if (dateLine) {
      builder.offerDate(dateLine);
      continue;
    }
    if (isFurnitureLine(line) || isPhotoCaption(line)) continue;
    if (BULLET.test(line)) {
      const text = line.replace(BULLET, '');
      if (builder.standfirst === null && builder.paragraphCount === 0) builder.setStandfirst(text);
      else builder.addParagraph(text);
      continue;
    }
    const dashed = dashedHeading(line);
    if (dashed) {
      builder.addHeading(dashed);
      continue;
    }
    const isolated = (i === from || blank(lines, i - 1)) && blank(lines, i + 1);
    if (isolated && builder.paragraphCount > 0 && isHeadingCandidate(line)) {
      builder.addHeading(line);
      continue;
    }
    builder.addParagraph(line);
  }
}

export function readScrapedText(text: string, ctx: ReaderContext): ReaderResult {
  const lines = cleanLines(text);
  const ref = ctx.savedAt;
  const headers = findHeaders(lines, ref);
  const fromName = dateFromFileName(ctx.source.split('/').pop() ?? '');
  const nameDate = fromName ? { date: fromName, approximate: false } : null;
  const articles: RawArticle[] = [];
  const warnings: string[] = [];

  if (headers.length === 0) {
    // No twin title: one article whose title is the first line that is not furniture.
    const first = lines.findIndex((l) => l !== '' && isTitleCandidate(l, ref));
    if (first === -1) return { articles: [], warnings: ['no recognisable article (no title line)'] };
    const builder = new ArticleBuilder(ctx.source);
    builder.title = lines[first];
    for (let i = 0; i < first; i++) if (lines[i]) builder.offerDate(parseDateLine(lines[i], ref));
    readBody(lines, first + 1, lines.length, builder, ref);
    builder.offerDate(nameDate);
    const article = builder.build();
    if (article && article.paragraphs.length > 0) articles.push(article);
    else warnings.push('no article text (only a title line)');
    return { articles, warnings };
  }

  // Text before the first header that is more than furniture is an article of its own (a page
  // whose first header was lost); its first line is the best title there is.
  const firstHeader = headers[0].start;
  const preamble = lines.slice(0, firstHeader).filter((l) => l && !isNoise(l, ref));
  if (preamble.length >= 2) {
    const first = lines.findIndex((l) => l !== '' && isTitleCandidate(l, ref));
    if (first !== -1 && first < firstHeader) headers.unshift({ start: first, twin: first });
  }

  headers.forEach((h, k) => {
    const builder = new ArticleBuilder(ctx.source);
    builder.title = lines[h.start];
    // The header between the twin titles holds the dates.
    for (let i = h.start + 1; i < h.twin; i++) if (lines[i]) builder.offerDate(parseDateLine(lines[i], ref));
    const end = k + 1 < headers.length ? headers[k + 1].start : lines.length;
    readBody(lines, h.twin + 1, end, builder, ref);
    builder.offerDate(nameDate);
    const article = builder.build();
    if (article && article.paragraphs.length > 0) articles.push(article);
    else warnings.push(`article "${lines[h.start].slice(0, 60)}" has no text and was skipped`);
  });
  return { articles, warnings };
}
