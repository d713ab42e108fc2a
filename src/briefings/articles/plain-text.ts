// Reader for plain text articles: the title on the first line, paragraphs separated by blank lines
// (the BBC News Summary and PolNeAR files). A block of short lines is hard-wrapped prose and is
// joined; a block of long lines is one paragraph per line.
import { cleanLines } from '../text/whitespace';
import { ArticleBuilder } from './builder';
import { dateFromFileName, parseDateLine } from './dates';
import { BULLET, dashedHeading, isFurnitureLine, isHeadingCandidate, isPhotoCaption } from './furniture';
import type { ReaderContext, ReaderResult } from './reader-types';

/** Average line length above which each line of a block is its own paragraph. */
const LONG_LINE = 100;

function blocksOf(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line) current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function paragraphsOf(block: string[]): string[] {
  if (block.length === 1) return block;
  const average = block.reduce((n, l) => n + l.length, 0) / block.length;
  if (average > LONG_LINE || block.every((l) => BULLET.test(l))) return block;
  return [block.join(' ')];
}

/** Free text (a JSON or CSV body field) → paragraphs, by the same blank-line rules. */
export function textToParagraphs(text: string): string[] {
  return blocksOf(cleanLines(text)).flatMap(paragraphsOf);
}

export function readPlainText(text: string, ctx: ReaderContext): ReaderResult {
  const blocks = blocksOf(cleanLines(text));
  if (blocks.length === 0) return { articles: [], warnings: ['no recognisable article (no text)'] };
  const builder = new ArticleBuilder(ctx.source);
  const fileName = ctx.source.split('/').pop() ?? ctx.source;
  const fromName = dateFromFileName(fileName);
  if (fromName) builder.offerDate({ date: fromName, approximate: false });

  // The title is the first line; the rest of its block (if any) is the first paragraph.
  const [first, ...rest] = blocks[0];
  builder.title = first.replace(BULLET, '');
  const body = rest.length > 0 ? [rest, ...blocks.slice(1)] : blocks.slice(1);

  body.forEach((block, k) => {
    if (block.length === 1) {
      const line = block[0];
      const dateLine = parseDateLine(line, ctx.savedAt);
      if (dateLine) {
        builder.offerDate(dateLine);
        return;
      }
      if (isFurnitureLine(line) || isPhotoCaption(line)) return;
      const dashed = dashedHeading(line);
      if (dashed) {
        builder.addHeading(dashed);
        return;
      }
      // A short unpunctuated line between paragraphs is a section heading.
      if (builder.paragraphCount > 0 && k < body.length - 1 && isHeadingCandidate(line)) {
        builder.addHeading(line);
        return;
      }
    }
    for (const p of paragraphsOf(block)) {
      if (isFurnitureLine(p)) continue;
      builder.addParagraph(p.replace(BULLET, ''));
    }
  });

  const article = builder.build();
  if (!article || article.paragraphs.length === 0) {
    return { articles: [], warnings: ['no article text (only a title line)'] };
  }
  return { articles: [article], warnings: [] };
}
