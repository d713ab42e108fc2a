// What the search-index benches (search-parts, removal) share: their flags, a forced GC between measurements, and
// the corpus's articles read once and kept in a JSON file (--base) so repeated runs skip reading the corpus.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Article } from '../src/briefings';
import { loadCorpus } from './corpus';

export const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** Two full collections: heap numbers must not include garbage of the step before. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with --expose-gc');
  g();
  g();
}

/** The corpus's articles (--corpus), from the --base file when it exists, written there otherwise. */
export async function loadBase(): Promise<Article[]> {
  const cache = arg('base');
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Article[];
  const base = (await loadCorpus(arg('corpus') ?? '../shared/corpus')).articles;
  if (cache) writeFileSync(cache, JSON.stringify(base));
  return base;
}
