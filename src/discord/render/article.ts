// One article's summary: title, summary at the chosen length, date, source and the people quoted.
import { asSentence, type Article, type Summary, type SummaryLength } from '../../briefings';
import { LIMITS } from './limits';
import { packEmbeds, type RenderedMessage } from './message';
import { fitList, footerText, formatDate, longEmbeds, safeUrl } from './parts';
import { oneLine, safeMarkdown } from './text';

/** Speakers of the article's quotes, with the role the article gives them. */
export function peopleQuoted(article: Article): string[] {
  const roles = new Map(article.people.map((p) => [p.name, p.role]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const q of article.quotes) {
    if (!q.speaker || seen.has(q.speaker)) continue;
    seen.add(q.speaker);
    const role = q.role ?? roles.get(q.speaker) ?? null;
    out.push(safeMarkdown(oneLine(role ? `${q.speaker} (${role})` : q.speaker)));
  }
  return out;
}

export function renderArticleSummary(article: Article, summary: Summary, length: SummaryLength): RenderedMessage[] {
  const sentences = summary.sentences.map((s) => safeMarkdown(oneLine(asSentence(s))));
  const people = peopleQuoted(article);
  const embeds = longEmbeds({
    title: article.title,
    url: safeUrl(article.url),
    paragraphs: [sentences.length ? sentences : ['This article has no text to summarise.']],
    fields: [
      { name: 'Date', value: formatDate(article.date) + (article.dateApproximate ? ' (approximate)' : ''), inline: true },
      { name: 'Source', value: safeMarkdown(oneLine(article.source)) || '—', inline: true },
      { name: 'People quoted', value: people.length ? fitList(people, LIMITS.fieldValue) : 'nobody' },
    ],
    footer: footerText(`${length} summary`, `${summary.sentences.length} sentence${summary.sentences.length === 1 ? '' : 's'}`),
  });
  return packEmbeds(undefined, embeds);
}
