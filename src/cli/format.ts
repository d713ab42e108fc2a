// Plain-text rendering of core results for the terminal. (Discord rendering lives in src/discord/render.)
import {
  asSentence,
  type AlsoReported,
  type ArticleHeader,
  type Briefing,
  type LoadWarning,
  type Quote,
  type QuoteHit,
  type SearchHit,
  type Summary,
} from '../briefings';

const WIDTH = Math.min(100, Math.max(60, process.stdout.columns || 100));

export function wrap(text: string, indent = '', width = WIDTH): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length > indent.length && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line += (line.length > indent.length ? ' ' : '') + w;
  }
  if (line.length > indent.length) lines.push(line);
  return lines.join('\n');
}

export function day(date: string | null): string {
  return date ? date.slice(0, 10) : 'undated';
}

function speakerLabel(q: Pick<Quote, 'speaker' | 'role'>): string {
  if (!q.speaker) return 'unknown speaker';
  return q.role ? `${q.speaker} (${q.role})` : q.speaker;
}

export function formatQuoteLine(q: Pick<Quote, 'text' | 'speaker' | 'role'>, indent = '  '): string {
  return wrap(`“${q.text}” — ${speakerLabel(q)}`, indent);
}

export function formatArticles(articles: ArticleHeader[]): string {
  return articles.map((a) => `${a.id}\n  ${day(a.date)}${a.dateApproximate ? ' (approx.)' : ''}  ${a.title}`).join('\n');
}

/** "also reported by cnbc.com (https://…), bbc.co.uk (id …)": the story's other versions. */
export function formatAlsoReported(others: readonly AlsoReported[] | undefined, indent = '   '): string[] {
  if (!others || others.length === 0) return [];
  return [wrap(`also reported by ${others.map((o) => `${o.source} (${o.url ?? `id ${o.articleId}`})`).join(', ')}`, indent)];
}

export function formatBriefing(b: Briefing): string {
  const out: string[] = [];
  out.push(b.topic ? `Briefing on “${b.topic}” — ${b.items.length} article(s)` : `Briefing — ${b.items.length} article(s)`);
  out.push('');
  b.items.forEach((item, i) => {
    out.push(wrap(`${i + 1}. ${item.title}`));
    out.push(`   ${day(item.date)} · ${item.url ?? item.source} · id ${item.articleId}`);
    out.push(wrap(item.summary.map(asSentence).join(' '), '   '));
    if (item.quote) out.push(formatQuoteLine(item.quote, '   '));
    out.push(...formatAlsoReported(item.alsoReportedBy));
    out.push('');
  });
  if (b.speakers.length) {
    out.push(wrap(`Quoted: ${b.speakers.map((s) => `${s.name} (${s.count})`).join(', ')}`));
  }
  return out.join('\n').trimEnd();
}

export function formatSummary(s: Summary): string {
  return [wrap(s.title), ...s.sentences.map((x) => wrap(`• ${x}`, '  ').replace(/^ {2}/, ''))].join('\n');
}

export function formatQuotes(quotes: QuoteHit[]): string {
  return quotes.map((q) => `${formatQuoteLine(q, '')}\n  in “${q.articleTitle}” (${day(q.date)}, id ${q.articleId})`).join('\n\n');
}

export function formatSearch(hits: SearchHit[]): string {
  return hits
    .map((h, i) =>
      [`${i + 1}. ${h.title}`, `   ${day(h.date)} · id ${h.articleId}`, wrap(h.snippet, '   '), ...formatAlsoReported(h.alsoReportedBy)].join('\n'),
    )
    .join('\n\n');
}

/** Warnings shown before an answer when not all of them are asked for: a folder of thousands would bury the answer. */
const WARNINGS_SHOWN = 10;

/** The load warnings as one block of lines ('' for none): the first ten and a count of the rest unless `all`. */
export function formatWarnings(warnings: readonly LoadWarning[], all: boolean): string {
  const shown = all ? warnings : warnings.slice(0, WARNINGS_SHOWN);
  const lines = shown.map((w) => `warning: ${w.file}: ${w.reason}`);
  const rest = warnings.length - shown.length;
  if (rest > 0) lines.push(`warning: …and ${rest} more ${rest === 1 ? 'file' : 'files'} could not be read (--warnings lists them all)`);
  return lines.join('\n');
}
