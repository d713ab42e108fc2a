// The file reader for saved web pages (.html, .htm, and the same gzipped): the page reader's article,
// with a warning when the page held no article text or only a teaser.
import { readHtml } from './html';
import type { ReaderContext, ReaderResult } from './reader-types';

export function readHtmlFile(text: string, ctx: ReaderContext): ReaderResult {
  const page = readHtml(text, null, { source: ctx.source });
  if (!page.article || page.article.paragraphs.length === 0) {
    return { articles: [], warnings: ['no article text found in the page'] };
  }
  const warnings = page.teaser ? [`only a teaser or a paywall notice (${page.text.length} characters of text)`] : [];
  return { articles: [page.article], warnings };
}
