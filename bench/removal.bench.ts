// `npx tsx --expose-gc bench/removal.bench.ts --corpus ../shared/corpus --size 100000 [--base cache.json]`
// What taking articles out of the search index costs: ms per remove, per replace (an edited article indexed
// again under its id), a library catch-up of 500 removals in a row, the first searches after it (where any
// deferred work would land), and the index's heap bytes per article.
import { loadavg } from 'node:os';
import { SearchIndex, type Article } from '../src/briefings';
import { rng, scaleCorpus } from './corpus';
import { arg, gc, loadBase } from './index-bench-setup';
import { knownItemQueries } from './search.bench';

const heap = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

function timed(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

function summary(ms: number[]): string {
  const s = ms.slice().sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `mean ${mean.toFixed(3)} ms, p95 ${s[Math.ceil(0.95 * s.length) - 1].toFixed(3)} ms, max ${s[s.length - 1].toFixed(3)} ms`;
}

/** The article as a feed would send it after an edit: a changed title word and one more paragraph. */
function edited(a: Article, n: number): Article {
  return { ...a, title: `${a.title} (updated ${n})`, paragraphs: [...a.paragraphs, `Correction ${n}: an earlier version misstated the figures.`] };
}

async function main(): Promise<void> {
  const articles = scaleCorpus(await loadBase(), Number(arg('size') ?? 10000));
  const r = rng(2026);
  const pick = () => articles[Math.floor(r() * articles.length)];
  gc();
  const h0 = heap();
  let index!: SearchIndex;
  const build = timed(() => (index = SearchIndex.build(articles)));
  gc();
  const bytes = (heap() - h0) / articles.length;
  const terms = (index as unknown as { vocab: { size: number } }).vocab.size;
  console.log(
    `${articles.length} articles, ${terms} terms, load ${loadavg()[0].toFixed(1)}; build ${build.toFixed(0)} ms; heap ${bytes.toFixed(0)} B/article`,
  );
  const queries = knownItemQueries(articles, 40, 42);
  const before = queries.map((q) => timed(() => index.search(q.query, { limit: 10 })));
  const removals: number[] = [];
  for (let i = 0; i < 100; i++) {
    const a = pick();
    removals.push(timed(() => index.remove(a.id)));
    index.add(a);
  }
  const replaces: number[] = [];
  for (let i = 0; i < 100; i++) {
    const a = pick();
    replaces.push(timed(() => index.add(edited(a, i))));
  }
  const gone = new Set<string>();
  while (gone.size < 500) gone.add(pick().id);
  const each: number[] = [];
  const catchUp = timed(() => {
    for (const id of gone) each.push(timed(() => index.remove(id)));
  });
  // Short prefixes rank up to 4,000 completions by document frequency: the most counts asked for at once.
  const prefixes = ['s', 'co', 'pre', 'gov', 'ma', 't'];
  const prefixAfter = prefixes.map((p) => timed(() => index.search(p, { limit: 10 })));
  const prefixAgain = prefixes.map((p) => timed(() => index.search(p, { limit: 10 })));
  const after = queries.map((q) => timed(() => index.search(q.query, { limit: 10 })));
  const again = queries.map((q) => timed(() => index.search(q.query, { limit: 10 })));
  console.log(`remove (then re-add): ${summary(removals)}`);
  console.log(`replace (edited article, same id): ${summary(replaces)}`);
  console.log(`catch-up of 500 removals: ${catchUp.toFixed(0)} ms in all; each ${summary(each)}`);
  console.log(`40 searches: before removals ${summary(before)}`);
  console.log(`             first after 500 removals ${summary(after)}`);
  console.log(`             second time ${summary(again)}`);
  console.log(`6 one-to-three-letter prefixes: first after removals ${summary(prefixAfter)}; second time ${summary(prefixAgain)}`);
  gc();
  console.log(`heap after the changes ${((heap() - h0) / articles.length).toFixed(0)} B/article (articles themselves included in neither)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
