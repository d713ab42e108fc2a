// Reader for CSV files with one article per row and a header naming the columns (the CNN/DailyMail
// set: article, highlights, id). A body column (article/body/text/content) is required; the title
// comes from a title/headline column or else the article's first sentence.
import { articleFromFields, type Fields } from './fields';
import type { ReaderContext, ReaderResult } from './reader-types';
import type { RawArticle } from '../types';

/** RFC 4180 rows: quoted fields may hold commas, newlines and doubled quotes. Linear, never throws. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once: per-character concatenation is slow on 4 MB.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const BODY_COLUMNS = new Set(['article', 'body', 'text', 'content', 'articlebody', 'story']);

export function readCsv(text: string, ctx: ReaderContext): ReaderResult {
  const rows = parseCsv(text.replace(/^\ufeff/, ''));
  if (rows.length < 2) return { articles: [], warnings: ['no recognisable article (CSV needs a header row and at least one row)'] };
  const header = rows[0].map((h) => h.trim());
  if (!header.some((h) => BODY_COLUMNS.has(h.toLowerCase()))) {
    return {
      articles: [],
      warnings: [`no recognisable article (CSV has no article/body/text/content column; columns: ${header.slice(0, 8).join(', ').slice(0, 100)})`],
    };
  }
  const articles: RawArticle[] = [];
  let skipped = 0;
  let firstProblem = '';
  for (let r = 1; r < rows.length; r++) {
    const record: Fields = {};
    header.forEach((h, c) => {
      // The reference summaries of a dataset ("highlights") are not the article's own summary: left out.
      if (h && h.toLowerCase() !== 'highlights') record[h] = rows[r][c];
    });
    const result = articleFromFields(record, ctx.source, ctx.savedAt);
    if (typeof result === 'string') {
      skipped++;
      firstProblem ||= `row ${r + 1}: ${result}`;
    } else articles.push(result);
  }
  const warnings = skipped > 0 ? [`${skipped} row(s) skipped (${firstProblem})`] : [];
  return { articles, warnings };
}
