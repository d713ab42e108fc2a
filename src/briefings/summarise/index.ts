// Extractive summaries: whole sentences of the article, in article order, standfirst first.
import { summariseWith, type SummaryInput } from './select';

export type { SummaryInput } from './select';

/**
 * At most `count` sentences of the article (fewer when it has fewer usable ones), in article
 * order; the standfirst, when the article has one, is the first of them. No furniture, no title,
 * no sentence repeating a word trigram of one already chosen. Never throws.
 */
export function summarise(article: SummaryInput, count: number): string[] {
  try {
    return summariseWith(article, count);
  } catch {
    return [];
  }
}
