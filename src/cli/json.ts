// The CLI's --json shapes. These field names are a documented, stable interface (README "CLI").
import type { AlsoReported, Article, Briefing, Quote, QuoteHit, SearchHit, Summary } from '../briefings';

export const articleJson = (a: Article) => ({
  id: a.id,
  title: a.title,
  date: a.date,
  dateApproximate: a.dateApproximate,
  standfirst: a.standfirst,
  dateline: a.dateline,
  headings: a.headings,
  paragraphs: a.paragraphs,
  source: a.source,
  ...(a.url ? { url: a.url } : {}),
  ...(a.tags ? { tags: a.tags } : {}),
});

export const quoteJson = (q: Quote | QuoteHit) => ({
  text: q.text,
  speaker: q.speaker,
  role: q.role,
  articleId: q.articleId,
  partial: q.partial,
  ...('articleTitle' in q ? { articleTitle: q.articleTitle, date: q.date } : {}),
});

export const summaryJson = (s: Summary) => ({ articleId: s.articleId, title: s.title, sentences: s.sentences });

/** The story's other versions; [] when the article stands alone (the field is always there). */
export const alsoJson = (others: readonly AlsoReported[] | undefined) =>
  (others ?? []).map((o) => ({ title: o.title, source: o.source, url: o.url ?? null, articleId: o.articleId }));

export const searchJson = (h: SearchHit) => ({
  articleId: h.articleId,
  title: h.title,
  score: Number(h.score.toFixed(4)),
  snippet: h.snippet,
  date: h.date,
  alsoReportedBy: alsoJson(h.alsoReportedBy),
});

export const briefJson = (b: Briefing) => ({
  topic: b.topic,
  generatedAt: b.generatedAt,
  items: b.items.map((i) => ({
    articleId: i.articleId,
    title: i.title,
    date: i.date,
    source: i.source,
    ...(i.url ? { url: i.url } : {}),
    summary: i.summary,
    quote: i.quote ? quoteJson(i.quote) : null,
    alsoReportedBy: alsoJson(i.alsoReportedBy),
  })),
  speakers: b.speakers,
});
