// The core's facade: load a content folder once, then answer everything from memory.
import * as crypto from 'node:crypto';
import { analyseArticle } from './analyse';
import { analysisVersion } from './analysis-version';
import { readArticleFile } from './articles/load';
import { byRecency, composeBriefing, rankHits } from './briefing';
import { listContentFiles, sameVersion, statContentFile, type ContentFile } from './content-files';
import { defaultCacheDir, readSnapshot, writeSnapshot, CACHE_FORMAT, type CachedFile } from './library-cache';
import { DEFAULT_BRIEFING_SIZE, type BriefOptions, type Library, type LibraryOptions, type LibraryStats, type QuoteQuery, type SearchOptions } from './library-types';
import { SearchIndex } from './search';
import { clampLimit, label } from './search/suggest';
import { SlugRegistry } from './slug';
import { summarise } from './summarise';
import type { Article, Briefing, LoadWarning, QuoteHit, SearchHit, Suggestion, SuggestionKind, Summary } from './types';
import { SUMMARY_SENTENCES } from './types';

/** How many topic hits to weigh for recency before choosing the briefing's articles. */
const BRIEF_CANDIDATES = 50;

export interface LoadReport {
  /** Files whose analysis came from the cache. */
  cachedFiles: number;
  /** Files read and analysed in this load. */
  readFiles: number;
  /** Whether the search index was restored from the cache (possibly with incremental changes). */
  indexFromCache: boolean;
  /** Problems writing the cache (never fatal). */
  cacheError: string | null;
  ms: number;
}

class ArticleLibrary implements Library {
  private readonly byId = new Map<string, Article>();
  private readonly fileArticles = new Map<string, CachedFile>();
  private ordered: Article[] = [];
  private loadedAt = new Date();
  private versionStamp = '';

  constructor(
    private readonly contentDir: string,
    private readonly cacheDir: string | null,
    private readonly now: () => Date,
    private index: SearchIndex,
    files: CachedFile[],
    private readonly slugs: SlugRegistry,
    /** Folders that could not be read at load (their files are missing from the library). */
    private readonly folderWarnings: LoadWarning[] = [],
  ) {
    for (const f of files) this.fileArticles.set(f.path, f);
    this.reorder();
    this.loadedAt = now();
  }

  private reorder(): void {
    this.byId.clear();
    const all: Article[] = [];
    for (const f of [...this.fileArticles.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      for (const a of f.articles) {
        all.push(a);
        this.byId.set(a.id, a);
      }
    }
    this.ordered = byRecency(all);
    const h = crypto.createHash('sha1');
    for (const a of this.ordered) h.update(a.id).update('\0');
    for (const f of this.fileArticles.values()) h.update(`${f.path}:${f.size}:${f.mtimeMs}\0`);
    this.versionStamp = h.digest('hex').slice(0, 10);
  }

  articles(): Article[] {
    return this.ordered.slice();
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  findArticle(idOrWords: string): Article | undefined {
    const key = idOrWords.trim();
    if (!key) return undefined;
    const exact = this.byId.get(key) ?? this.byId.get(key.toLowerCase());
    if (exact) return exact;
    const lower = key.toLowerCase();
    const byTitle = this.ordered.find((a) => a.title.toLowerCase() === lower);
    if (byTitle) return byTitle;
    const hit = this.index.search(key, { limit: 1 })[0];
    return hit ? this.byId.get(hit.articleId) : undefined;
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    return this.index.search(query, opts);
  }

  quotes(q: QuoteQuery = {}): QuoteHit[] {
    const limit = q.limit ?? 10;
    if ((q.query ?? '').trim() || (q.speaker ?? '').trim()) {
      return this.index.searchQuotes({ query: q.query, speaker: q.speaker, limit });
    }
    // No words and no speaker: the latest articles' quotes, newest first.
    const out: QuoteHit[] = [];
    for (const a of this.ordered) {
      for (const quote of a.quotes) {
        out.push({ ...quote, articleTitle: a.title, date: a.date, score: 0 });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  summary(id: string, opts: { length?: keyof typeof SUMMARY_SENTENCES } = {}): Summary | undefined {
    const article = this.byId.get(id);
    if (!article) return undefined;
    return {
      articleId: article.id,
      title: article.title,
      sentences: summarise(article, SUMMARY_SENTENCES[opts.length ?? 'medium']),
    };
  }

  brief(opts: BriefOptions = {}): Briefing {
    const limit = Math.max(1, opts.limit ?? DEFAULT_BRIEFING_SIZE);
    const topic = opts.topic?.trim() || null;
    const exclude = opts.excludeIds ?? new Set<string>();
    const pool = topic
      ? rankHits(this.index.search(topic, { limit: BRIEF_CANDIDATES + exclude.size }), (id) => this.byId.get(id))
      : this.ordered;
    const chosen = pool.filter((a) => !exclude.has(a.id)).slice(0, limit);
    return composeBriefing(chosen, { topic, length: opts.length ?? 'medium', now: this.now() });
  }

  suggest(kind: SuggestionKind, prefix: string, limit?: number): Suggestion[] {
    const n = clampLimit(limit);
    if (typeof prefix === 'string' && prefix.trim() !== '') return this.index.suggest(kind, prefix, n);
    // An empty autocomplete box: offer what people most likely want, the newest articles or the most quoted people.
    if (kind === 'title') return this.ordered.slice(0, n).map((a) => ({ label: label(a.title), value: a.id }));
    return this.mostQuoted().slice(0, n).map((name) => ({ label: label(name), value: name }));
  }

  private mostQuotedMemo: { version: string; names: string[] } | null = null;

  private mostQuoted(): string[] {
    if (this.mostQuotedMemo?.version !== this.versionStamp) {
      const counts = new Map<string, number>();
      for (const a of this.ordered) for (const q of a.quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
      const names = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 25).map(([name]) => name);
      this.mostQuotedMemo = { version: this.versionStamp, names };
    }
    return this.mostQuotedMemo.names;
  }

  warnings(): LoadWarning[] {
    return [...this.folderWarnings, ...[...this.fileArticles.values()].flatMap((f) => f.warnings)];
  }

  stats(): LibraryStats {
    let quotes = 0;
    for (const a of this.ordered) quotes += a.quotes.length;
    let newest = 0;
    for (const f of this.fileArticles.values()) newest = Math.max(newest, f.mtimeMs);
    return {
      articles: this.ordered.length,
      quotes,
      lastChanged: newest ? new Date(newest).toISOString() : null,
      loadedAt: this.loadedAt.toISOString(),
      version: this.versionStamp,
    };
  }

  refreshFile(relativePath: string): void {
    const rel = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    const old = this.fileArticles.get(rel);
    const stat = statContentFile(this.contentDir, rel);
    if (old && stat && sameVersion(old, stat)) return;
    if (old) {
      for (const a of old.articles) {
        this.index.remove(a.id);
        this.slugs.release(a.id);
      }
      this.fileArticles.delete(rel);
    }
    if (stat) {
      const fresh = readAndAnalyse(this.contentDir, stat, this.slugs);
      for (const a of fresh.articles) this.index.add(a);
      this.fileArticles.set(rel, fresh);
    }
    this.reorder();
    this.saveCache();
  }

  saveCache(): string | null {
    if (!this.cacheDir) return null;
    return writeSnapshot(this.cacheDir, {
      format: CACHE_FORMAT,
      analysisVersion: analysisVersion(),
      files: [...this.fileArticles.values()],
      index: this.index.toJSON(),
    });
  }
}

function readAndAnalyse(contentDir: string, file: ContentFile, slugs: SlugRegistry): CachedFile {
  let result: { articles: import('./types').RawArticle[]; warnings: LoadWarning[] };
  try {
    result = readArticleFile(contentDir, file.path);
  } catch (err) {
    // Readers promise not to throw; if one does, the file is skipped, not the library.
    return { ...file, articles: [], warnings: [{ file: file.path, reason: `could not be read: ${(err as Error).message}` }] };
  }
  const articles: Article[] = [];
  const warnings = [...result.warnings];
  for (const raw of result.articles) {
    try {
      articles.push(analyseArticle(raw, slugs.claim(raw.title)));
    } catch (err) {
      warnings.push({ file: file.path, reason: `article "${raw.title.slice(0, 60)}" skipped: ${(err as Error).message}` });
    }
  }
  return { ...file, articles, warnings };
}

export interface LoadedLibrary extends Library {
  /** How this load went: what came from the cache, how long it took. */
  readonly loadReport: LoadReport;
}

export function loadLibrary(opts: LibraryOptions): LoadedLibrary {
  const started = Date.now();
  const now = opts.now ?? (() => new Date());
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir(opts.contentDir) : opts.cacheDir;
  const version = analysisVersion();
  const snapshot = cacheDir ? readSnapshot(cacheDir, version) : null;
  const cachedByPath = new Map((snapshot?.files ?? []).map((f) => [f.path, f]));

  const slugs = new SlugRegistry();
  const folderWarnings: LoadWarning[] = [];
  const current = listContentFiles(opts.contentDir, (file, reason) => folderWarnings.push({ file, reason }));
  const kept: CachedFile[] = [];
  const stale: ContentFile[] = [];
  for (const f of current) {
    const cached = cachedByPath.get(f.path);
    if (cached && sameVersion(cached, f)) {
      kept.push(cached);
      for (const a of cached.articles) slugs.reserve(a.id);
    } else stale.push(f);
  }
  const fresh = stale.map((f) => readAndAnalyse(opts.contentDir, f, slugs));
  const currentPaths = new Set(current.map((f) => f.path));

  let index: SearchIndex;
  let indexFromCache = false;
  if (snapshot && snapshot.index !== undefined && kept.length > 0) {
    try {
      const cachedArticles = snapshot.files.flatMap((f) => f.articles);
      index = SearchIndex.fromJSON(snapshot.index, cachedArticles);
      const keptPaths = new Set(kept.map((f) => f.path));
      for (const f of snapshot.files) {
        if (!keptPaths.has(f.path) || !currentPaths.has(f.path)) for (const a of f.articles) index.remove(a.id);
      }
      for (const f of fresh) for (const a of f.articles) index.add(a);
      indexFromCache = true;
    } catch {
      index = SearchIndex.build([...kept, ...fresh].flatMap((f) => f.articles));
    }
  } else {
    index = SearchIndex.build([...kept, ...fresh].flatMap((f) => f.articles));
  }

  const library = new ArticleLibrary(opts.contentDir, cacheDir, now, index, [...kept, ...fresh], slugs, folderWarnings);
  const removed = snapshot ? snapshot.files.some((f) => !currentPaths.has(f.path)) : false;
  const cacheError = cacheDir && (fresh.length > 0 || removed || !snapshot) ? library.saveCache() : null;
  const loadReport: LoadReport = {
    cachedFiles: kept.length,
    readFiles: fresh.length,
    indexFromCache,
    cacheError,
    ms: Date.now() - started,
  };
  return Object.assign(library, { loadReport });
}
