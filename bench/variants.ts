// Distinct articles at any size, made from the real corpus: the base articles as they are, then variants
// that recombine paragraphs of three different articles (shuffled), join halves of two titles and rename
// the people and places in them, so no two articles share a body and top-3 stays meaningful.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawArticle } from '../src/briefings';
import { rng } from './corpus';

/** What the benchmark writes and what MiniSearch indexes: the same fields the JSON reader takes. */
export interface BenchArticle {
  title: string;
  date: string | null;
  standfirst: string | null;
  paragraphs: string[];
}

const NAME = /\b[A-Z][a-z]{3,}\b/g;
const MID_SENTENCE_NAME = /(?<=[a-z,;] )[A-Z][a-z]{3,}\b/g;
const POOL_SIZE = 5000;
const DAY_MS = 86_400_000;

/** Capitalised words seen mid-sentence at least three times: mostly names of people, places and bodies. */
function namePool(base: BenchArticle[]): string[] {
  const counts = new Map<string, number>();
  for (const a of base) {
    for (const p of a.paragraphs) for (const m of p.match(MID_SENTENCE_NAME) ?? []) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n >= 3)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, POOL_SIZE)
    .map(([w]) => w);
}

/** Round k renames every pool name to another one, k × 131 places further on (a fixed permutation). */
function renamer(pool: string[], k: number): (text: string) => string {
  const map = new Map<string, string>();
  pool.forEach((w, j) => map.set(w, pool[(j + k * 131) % pool.length]));
  return (text) => text.replace(NAME, (w) => map.get(w) ?? w);
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function halves(a: string, b: string): string {
  const aw = a.split(/\s+/);
  const bw = b.split(/\s+/);
  return [...aw.slice(0, Math.ceil(aw.length / 2)), ...bw.slice(Math.floor(bw.length / 2))].join(' ');
}

/** Variant k of article i: a's odd paragraphs, b's even ones and c's first, shuffled, renamed, dated back. */
function variant(base: BenchArticle[], i: number, k: number, rename: (t: string) => string): BenchArticle {
  const n = base.length;
  const a = base[i];
  const b = base[(i * 7 + k * 2003) % n];
  const c = base[(i * 13 + k * 4001 + 1) % n];
  const r = rng(i * 1009 + k * 7919);
  const mixed = [...a.paragraphs.filter((_, j) => j % 2 === 0), ...b.paragraphs.filter((_, j) => j % 2 === 1), ...c.paragraphs.slice(0, 1)];
  const lead = mixed.shift();
  const paragraphs = [...(lead ? [lead] : []), ...shuffle(mixed, r)].map(rename);
  const date = a.date ? new Date(Date.parse(a.date) - k * 29 * DAY_MS).toISOString() : null;
  return { title: rename(halves(a.title, b.title)), date, standfirst: a.standfirst ? rename(a.standfirst) : null, paragraphs };
}

/** The base articles, then variants round by round until there are `size` (at most `size`, never copies). */
export function distinctArticles(base: BenchArticle[], size: number): BenchArticle[] {
  if (size <= base.length) return base.slice(0, size);
  const out = base.slice();
  const pool = namePool(base);
  for (let k = 1; out.length < size; k++) {
    const rename = renamer(pool, k);
    for (let i = 0; i < base.length && out.length < size; i++) out.push(variant(base, i, k, rename));
  }
  return out;
}

export function fromRaw(r: RawArticle): BenchArticle {
  return { title: r.title, date: r.date, standfirst: r.standfirst, paragraphs: r.paragraphs };
}

/** Writes the articles as JSON files of `perFile` each (the reader's JSON format) into `dir`. */
export function writeContent(dir: string, articles: BenchArticle[], perFile = 100): number {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let at = 0; at < articles.length; at += perFile) {
    const folder = join(dir, String(Math.floor(files / 100)).padStart(3, '0'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `articles-${String(files).padStart(5, '0')}.json`), JSON.stringify(articles.slice(at, at + perFile)));
    files++;
  }
  return files;
}
