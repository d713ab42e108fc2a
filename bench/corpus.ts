// Loads the benchmark corpus (../shared/corpus, five datasets) as Articles and scales it up with
// distinct copies, with the project's own reader and quote finder (a plain reader here where they fail).
import { extractQuotes, parseCsv, type Article, type Person, type Quote, type RawArticle } from '../src/briefings';
import { loadRawArticles } from '../src/sources/files/read';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type CorpusArticle = Article;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

function decode(buf: Buffer): string {
  const utf8 = buf.toString('utf8');
  return utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
}

function titleFromBody(body: string): string {
  const first = body.split('\n').find((l) => l.trim().length > 0) ?? '';
  const words = first.trim().split(/\s+/);
  return words.length <= 16 ? first.trim() : words.slice(0, 12).join(' ');
}

function raw(title: string, paragraphs: string[], source: string, date: string | null, standfirst: string | null = null): RawArticle {
  return { title: title.trim(), date, dateApproximate: false, standfirst, dateline: null, headings: [], paragraphs, source };
}

/** Plain text: title line, blank line, paragraphs (BBC, PolNeAR). */
function readPlain(root: string, file: string): RawArticle | null {
  const text = decode(readFileSync(file));
  const [title, ...rest] = text.split('\n');
  const paragraphs = paragraphsOf(rest.join('\n'));
  if (!title.trim() || paragraphs.length === 0) return null;
  const m = /_(\d{4}-\d{2}-\d{2})_/.exec(file);
  return raw(title, paragraphs, relative(root, file), m ? `${m[1]}T00:00:00.000Z` : null);
}

function readMarkdown(root: string, file: string): RawArticle | null {
  const text = readFileSync(file, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  const meta: Record<string, string> = {};
  if (fm) {
    for (const line of fm[1].split('\n')) {
      const m = /^(\w+):\s*"?(.*?)"?\s*$/.exec(line);
      if (m) meta[m[1]] = m[2].replace(/\\"/g, '"');
    }
  }
  const body = (fm ? text.slice(fm[0].length) : text)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`]+/g, ' ');
  const paragraphs = paragraphsOf(body);
  const title = meta.title ?? titleFromBody(body);
  if (!title || paragraphs.length === 0) return null;
  return raw(title, paragraphs, relative(root, file), meta.published ?? meta.date ?? null, meta.summary || null);
}

/** CNN stories have no headline: the first highlight stands in for one. */
function readCnn(root: string, file: string): RawArticle[] {
  const rows = parseCsv(readFileSync(file, 'utf8')).slice(1);
  const out: RawArticle[] = [];
  for (const [article, highlights] of rows) {
    if (!article || !highlights) continue;
    const title = highlights
      .split('\n')[0]
      .replace(/\s+\.$/, '')
      .trim();
    const sentences = article.replace(/^[^(]{0,40}\(CNN\)\s*(--)?\s*/, '').split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
    out.push(raw(title, paragraphs, relative(root, file), null));
  }
  return out;
}

function readExtraction(root: string, file: string): RawArticle[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { articleBody: string }>;
  return Object.values(data)
    .map((d) => {
      const paragraphs = paragraphsOf(d.articleBody);
      return raw(titleFromBody(d.articleBody), paragraphs.slice(1).length ? paragraphs.slice(1) : paragraphs, relative(root, file), null);
    })
    .filter((a) => a.title && a.paragraphs.length > 0);
}

/** Plain reader for the five datasets described in ../shared/corpus/README.md. BBC duplicates dropped. */
export function readCorpusPlain(root: string): RawArticle[] {
  const out: RawArticle[] = [];
  const seen = new Set<string>();
  for (const file of walk(root)) {
    const rel = relative(root, file);
    if (/SOURCE\.md$|README\.md$/.test(rel)) continue;
    if (rel.startsWith('bbc-news-summary/summaries/')) continue;
    if (rel.startsWith('polnear/') && (!rel.includes('/text/') || !rel.endsWith('.txt'))) continue;
    let found: RawArticle[] = [];
    if (rel.startsWith('bbc-news-summary/') || rel.startsWith('polnear/')) {
      const a = readPlain(root, file);
      if (a) found = [a];
    } else if (rel.endsWith('.md')) {
      const a = readMarkdown(root, file);
      if (a) found = [a];
    } else if (rel.endsWith('.csv')) found = readCnn(root, file);
    else if (rel.endsWith('ground-truth.json')) found = readExtraction(root, file);
    for (const a of found) {
      const key = createHash('sha1')
        .update(a.title + '\n' + a.paragraphs.join('\n'))
        .digest('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  }
  return out;
}

const QUOTE = /["“]([^"“”]{20,600})["”]/g;
const SAID_AFTER = /^[,\s]*(?:said|says|added|told|wrote)\s+((?:[A-Z][\w'’.-]+\s?){1,3})/;
const SAID_BEFORE = /((?:[A-Z][\w'’.-]+\s){1,3})(?:said|says|added|told|wrote)[\s,:]*$/;

/**
 * A rough quote finder for the benchmark workload only (the project's extractor replaces it when
 * present): quoted passages with the capitalised name next to "said".
 */
export function roughQuotes(articleId: string, paragraphs: string[]): { quotes: Quote[]; people: Person[] } {
  const quotes: Quote[] = [];
  const names = new Map<string, Person>();
  paragraphs.forEach((p, paragraph) => {
    QUOTE.lastIndex = 0;
    for (let m = QUOTE.exec(p); m !== null; m = QUOTE.exec(p)) {
      const after = SAID_AFTER.exec(p.slice(m.index + m[0].length, m.index + m[0].length + 60));
      const before = SAID_BEFORE.exec(p.slice(Math.max(0, m.index - 60), m.index));
      const who = (after?.[1] ?? before?.[1] ?? '').trim().replace(/[.,]$/, '');
      const speaker = who && !/^(He|She|They|It|The|We|I)$/.test(who) ? who : null;
      if (speaker && !names.has(speaker)) names.set(speaker, { name: speaker, role: null, kind: 'person' });
      quotes.push({ text: m[1], speaker, role: null, articleId, paragraph, partial: false });
    }
  });
  return { quotes, people: [...names.values()] };
}

function slug(title: string, used: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'article';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/**
 * Reads the corpus as Articles with the project's loadRawArticles and extractQuotes; where they fail, the
 * plain reader and the rough quote finder above.
 */
export async function loadCorpus(root: string): Promise<{ articles: Article[]; reader: string }> {
  let raws: RawArticle[] | null = null;
  let reader = 'bench/corpus.ts plain reader';
  try {
    const list = loadRawArticles(root).articles;
    if (list.length > 0) {
      raws = list;
      reader = 'src/sources/files/read.ts loadRawArticles';
    }
  } catch {
    raws = null;
  }
  if (!raws) raws = readCorpusPlain(root);
  const extractor = extractQuotes;
  let quoteSource = 'src/briefings/quotes extractQuotes';
  const used = new Set<string>();
  const articles = raws.map((r): Article => {
    const id = slug(r.title, used);
    if (extractor) {
      try {
        const found = extractor({ title: r.title, standfirst: r.standfirst, paragraphs: r.paragraphs });
        return { ...r, id, sentences: [], quotes: found.quotes.map((q) => ({ ...q, articleId: id })), people: found.people };
      } catch {
        quoteSource = 'src/briefings/quotes extractQuotes (rough finder where it failed)';
      }
    }
    const { quotes, people } = roughQuotes(id, r.paragraphs);
    return { ...r, id, sentences: [], quotes, people };
  });
  return { articles, reader: `${reader}; quotes by ${quoteSource}` };
}

/** Deterministic PRNG (mulberry32) so every run builds the same corpus and queries. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rotate<T>(xs: T[], k: number): T[] {
  if (xs.length < 2) return xs.slice();
  const r = k % xs.length;
  return xs.slice(r).concat(xs.slice(0, r));
}

/**
 * The first `size` articles of the corpus, made up to `size` with distinct copies: copy k of article
 * i takes the first half of its title joined to the second half of another article's title, its
 * paragraphs rotated by k, and a date moved back k × 29 days. Every copy is a different
 * (title, body) pair, so no engine is flattered by exact duplicates. Paragraph strings are shared
 * between copies (as references), keeping the benchmark process small.
 */
export function scaleCorpus(base: Article[], size: number): Article[] {
  if (size <= base.length) return base.slice(0, size);
  const out = base.slice();
  const n = base.length;
  const used = new Set(base.map((a) => a.id));
  for (let k = 1; out.length < size; k++) {
    for (let i = 0; i < n && out.length < size; i++) {
      const a = base[i];
      const b = base[(i * 7 + k * 2003) % n];
      const aw = a.title.split(/\s+/);
      const bw = b.title.split(/\s+/);
      const title = [...aw.slice(0, Math.ceil(aw.length / 2)), ...bw.slice(Math.floor(bw.length / 2))].join(' ');
      const id = slug(`${title} ${k}`, used);
      const date = a.date ? new Date(Date.parse(a.date) - k * 29 * 86400000).toISOString() : null;
      const paragraphs = rotate(a.paragraphs, k);
      const shift = paragraphs.length ? k % paragraphs.length : 0;
      const quotes = a.quotes.map((q) => ({
        ...q,
        articleId: id,
        paragraph: paragraphs.length ? (q.paragraph - shift + paragraphs.length) % paragraphs.length : 0,
      }));
      out.push({ ...a, id, title, date, paragraphs, quotes, source: `${a.source}#copy${k}` });
    }
  }
  return out;
}
