// Reader for JSON articles added by hand: one article object, an array of them, or an object
// holding the array under "articles" / "items" / "data" / "posts".
import { articleFromFields, type Fields } from './fields';
import type { ReaderContext, ReaderResult } from './reader-types';
import type { RawArticle } from '../types';

function isRecord(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function recordsOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return null;
  for (const key of ['articles', 'items', 'data', 'posts', 'stories']) {
    if (Array.isArray(data[key])) return data[key] as unknown[];
  }
  return [data];
}

export function readJson(text: string, ctx: ReaderContext): ReaderResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { articles: [], warnings: [`invalid JSON: ${(err as Error).message.slice(0, 120)}`] };
  }
  const records = recordsOf(data);
  if (!records) return { articles: [], warnings: ['no recognisable article (JSON is neither an object nor an array)'] };
  const articles: RawArticle[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  records.forEach((r, i) => {
    if (!isRecord(r)) {
      problems.push(`item ${i + 1} is not an object`);
      return;
    }
    const result = articleFromFields(r, ctx.source, ctx.savedAt);
    if (typeof result === 'string') problems.push(records.length > 1 ? `item ${i + 1}: ${result}` : result);
    else articles.push(result);
  });
  if (problems.length > 0) {
    // One warning per file, not per record: a 10,000-item file with no bodies is one problem.
    const shown = problems.slice(0, 3).join('; ');
    warnings.push(problems.length > 3 ? `${shown}; and ${problems.length - 3} more skipped` : shown);
  }
  if (records.length === 0) warnings.push('no recognisable article (empty JSON array)');
  return { articles, warnings };
}
