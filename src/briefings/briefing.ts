// A briefing: which articles, in what order, with what summary and which quote.
import type { AlsoReported, Article, Briefing, BriefingItem, Quote, SearchHit, SummaryLength } from './types';
import { SUMMARY_SENTENCES } from './types';
import { summarise } from './summarise';

const DAY_MS = 86_400_000;
/** Relevance matters most for a topic, but a week-old story should yield to today's on a near tie. */
const RELEVANCE_WEIGHT = 0.7;
const RECENCY_HALF_LIFE_DAYS = 7;

export function articleTime(article: Pick<Article, 'date'>): number {
  const t = article.date ? Date.parse(article.date) : NaN;
  return Number.isFinite(t) ? t : 0;
}

/** Newest first; articles without a date last, in library order. */
export function byRecency<T extends Pick<Article, 'date'>>(articles: readonly T[]): T[] {
  return articles
    .map((a, i) => ({ a, i, t: articleTime(a) }))
    .sort((x, y) => y.t - x.t || x.i - y.i)
    .map((x) => x.a);
}

function recencyScore(t: number, newest: number): number {
  if (!t || !newest) return 0;
  const ageDays = Math.max(0, (newest - t) / DAY_MS);
  return Math.pow(0.5, ageDays / RECENCY_HALF_LIFE_DAYS);
}

/** Orders topic hits by a blend of relevance and recency (relative to the newest hit, not the wall clock,
 *  so an archive from last year still ranks sensibly). */
export function rankHits<T extends Pick<Article, 'date'>>(
  hits: readonly Pick<SearchHit, 'articleId' | 'score'>[],
  byId: (id: string) => T | undefined,
): T[] {
  if (hits.length === 0) return [];
  const best = Math.max(...hits.map((h) => h.score)) || 1;
  const scored = hits.map((h) => ({ h, a: byId(h.articleId) })).filter((x): x is { h: (typeof hits)[number]; a: T } => x.a !== undefined);
  const newest = Math.max(...scored.map((x) => articleTime(x.a)));
  return scored
    .map((x, i) => ({
      a: x.a,
      i,
      s: RELEVANCE_WEIGHT * (x.h.score / best) + (1 - RELEVANCE_WEIGHT) * recencyScore(articleTime(x.a), newest),
    }))
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map((x) => x.a);
}

/** The quote that best stands for the article: a whole statement, by a named speaker, of readable length. */
export function tellingQuote(article: Pick<Article, 'quotes'>): Quote | null {
  let best: Quote | null = null;
  let bestScore = -Infinity;
  article.quotes.forEach((q, i) => {
    const words = q.text.split(/\s+/).filter(Boolean).length;
    if (words < 4) return;
    let score = 0;
    if (q.speaker) score += 3;
    if (!q.partial) score += 1;
    if (q.text.length >= 60 && q.text.length <= 280) score += 1.5;
    else if (q.text.length > 400) score -= 1;
    score -= i * 0.05; // earlier quotes tend to carry the story
    if (score > bestScore) {
      best = q;
      bestScore = score;
    }
  });
  return best;
}

export function briefingItem(article: Article, length: SummaryLength, alsoReportedBy: AlsoReported[] = []): BriefingItem {
  return {
    articleId: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
    ...(article.url ? { url: article.url } : {}),
    summary: summarise(article, SUMMARY_SENTENCES[length]),
    quote: tellingQuote(article),
    ...(alsoReportedBy.length > 0 ? { alsoReportedBy } : {}),
  };
}

export function speakersOf(articles: readonly Article[]): Briefing['speakers'] {
  const counts = new Map<string, { name: string; role: string | null; count: number }>();
  for (const a of articles) {
    for (const q of a.quotes) {
      if (!q.speaker) continue;
      const entry = counts.get(q.speaker) ?? { name: q.speaker, role: q.role, count: 0 };
      entry.count++;
      if (!entry.role && q.role) entry.role = q.role;
      counts.set(q.speaker, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** One chosen story: the article that leads it, and its other versions ("also reported by"). */
export type BriefingPick = Article | { article: Article; alsoReportedBy: AlsoReported[] };

export function composeBriefing(chosen: readonly BriefingPick[], opts: { topic: string | null; length: SummaryLength; now: Date }): Briefing {
  const picks = chosen.map((c) => ('article' in c ? c : { article: c, alsoReportedBy: [] }));
  return {
    topic: opts.topic,
    generatedAt: opts.now.toISOString(),
    items: picks.map((p) => briefingItem(p.article, opts.length, p.alsoReportedBy)),
    speakers: speakersOf(picks.map((p) => p.article)),
  };
}
