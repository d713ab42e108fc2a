// `npm run bench:feeds -- [--corpus ../shared/corpus/bbc-news-summary/articles] [--mb 5] [--repeats 5]`
// Feed reading speed: a ~5 MB RSS 2.0 feed built from corpus articles, parsed by feedsmith alone (the issue's
// baseline: 171 ms) and by briefbot's whole reader (decode + feedsmith + normalise: absolute links, dates, ids);
// then a poll over loopback (HTTP, gzip, parse, diff) and the conditional re-poll that follows it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseFeed } from 'feedsmith';
import { parseFeedBytes } from '../src/sources/feeds/parse';
import { FeedPoller } from '../src/sources/feeds/poller';
import { CollectingSink } from '../src/sources/feeds/ports';
import { InMemoryFeedStateStore } from '../src/sources/feeds/state';
import { HttpFetcher } from '../src/sources/http/fetcher';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function articles(dir: string): Array<{ title: string; body: string }> {
  if (!existsSync(dir)) throw new Error(`corpus not found: ${dir} (pass --corpus DIR of topic folders with .txt articles)`);
  return readdirSync(dir).flatMap((topic) =>
    readdirSync(join(dir, topic))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => {
        const [title, ...rest] = readFileSync(join(dir, topic, f), 'utf8').split('\n');
        return { title: title.trim(), body: rest.join('\n').trim() };
      }),
  );
}

function buildRss(source: Array<{ title: string; body: string }>, targetBytes: number): { xml: string; items: number } {
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const a = source[i % source.length];
    const paragraphs = a.body
      .split(/\n\s*\n/)
      .map((p) => `<p>${p.trim()}</p>`)
      .join('');
    const item = `<item><title>${esc(a.title)}</title><link>/story/${i}?utm_source=rss</link><guid isPermaLink="false">s-${i}</guid><pubDate>${new Date(Date.UTC(2025, 5, 10) - i * 60_000).toUTCString()}</pubDate><description>${esc(a.body.slice(0, 200))}</description><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>\n`;
    items.push(item);
    size += Buffer.byteLength(item);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title><link>https://bench.example/</link>\n${items.join('')}</channel></rss>`;
  return { xml, items: items.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, repeats: number): number {
  fn(); // warm-up
  return median(
    Array.from({ length: repeats }, () => {
      const t = process.hrtime.bigint();
      fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    }),
  );
}

async function pollOverLoopback(bytes: Buffer): Promise<{ firstMs: number; againMs: number; items: number }> {
  const gz = gzipSync(bytes);
  const server = http.createServer((req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', etag: '"v1"' }).end(gz);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  const sink = new CollectingSink();
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const poller = new FeedPoller({
    fetcher: new HttpFetcher({ allowPrivateNetwork: true }),
    states: new InMemoryFeedStateStore(),
    sink,
    logger: silent,
  });
  let t = performance.now();
  const first = await poller.pollFeed(url);
  if (first.status !== 'ok') throw new Error(`the loopback poll failed: ${first.reason}`);
  const firstMs = performance.now() - t;
  t = performance.now();
  await poller.pollFeed(url, { force: true });
  const againMs = performance.now() - t;
  server.close();
  return { firstMs, againMs, items: sink.changes.length };
}

async function main(): Promise<void> {
  const corpus = resolve(arg('corpus', '../shared/corpus/bbc-news-summary/articles'));
  const mb = Number(arg('mb', '5'));
  const repeats = Number(arg('repeats', '5'));
  const { xml, items } = buildRss(articles(corpus), mb * 1024 * 1024 - 64 * 1024);
  const bytes = Buffer.from(xml);
  const feedsmithMs = time(() => parseFeed(xml), repeats);
  const readerMs = time(() => parseFeedBytes(bytes, 'application/rss+xml', 'https://bench.example/rss'), repeats);
  const poll = await pollOverLoopback(bytes);
  const mbText = (bytes.length / 1024 / 1024).toFixed(1);
  console.log(`\nFeed reading, ${mbText} MB RSS 2.0, ${items} items (median of ${repeats}; Node ${process.version})\n`);
  console.log('| step | time | items/s |');
  console.log('|---|---:|---:|');
  console.log(`| feedsmith parseFeed alone (issue baseline: 171 ms) | ${feedsmithMs.toFixed(0)} ms | ${Math.round(items / (feedsmithMs / 1000))} |`);
  console.log(`| briefbot reader: decode + feedsmith + normalise | ${readerMs.toFixed(0)} ms | ${Math.round(items / (readerMs / 1000))} |`);
  console.log(
    `| first poll over loopback (gzip, parse, diff, hand on ${poll.items}) | ${poll.firstMs.toFixed(0)} ms | ${Math.round(poll.items / (poll.firstMs / 1000))} |`,
  );
  console.log(`| next poll (304 Not Modified) | ${poll.againMs.toFixed(1)} ms | — |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
