// A small news site on the loopback feed server: an RSS feed that honours If-None-Match (304), a home page
// that links to it, and one article page per item (or a 404 for items whose page is missing).
import * as crypto from 'node:crypto';
import type { FeedServer } from './feed-server';

export interface SiteItem {
  id: string;
  title: string;
  /** ISO date. */
  date: string;
  description: string;
  /** Paragraphs of the page; null: the page answers 404. */
  page: string[] | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${esc(title)}</title><meta property="og:title" content="${esc(title)}">
<meta name="author" content="Page Author"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer>© News Site</footer></body></html>`;
}

/** Paragraphs long enough to be an article, not a teaser. */
export function story(topic: string): string[] {
  return [
    `The council voted on ${topic} late on Tuesday after a debate that ran for more than six hours in the old town hall.`,
    `"We have waited long enough for ${topic}," said Maria Lopez, the council's chair, as the result was read out.`,
    `Opponents said the plan for ${topic} would cost more than the city could afford and promised to challenge it in court.`,
    `The decision on ${topic} takes effect next month, and officials expect the first results to show within a year.`,
  ];
}

export class NewsSite {
  items: SiteItem[] = [];

  /** `prefix` puts a second site on the same server ('/b' → /b/feed.xml, /b/story/…). */
  constructor(
    private readonly server: FeedServer,
    private readonly title = 'Loopback News',
    private readonly prefix = '',
  ) {
    server.route(`${prefix}/feed.xml`, (req, res) => {
      const etag = `"${this.version()}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      res.end(this.rss());
    });
    server.route(`${prefix}/`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><link rel="alternate" type="application/rss+xml" href="${prefix}/feed.xml"></head><body>Home</body></html>`);
    });
  }

  get feedUrl(): string {
    return this.server.url(`${this.prefix}/feed.xml`);
  }

  pagePath(id: string): string {
    return `${this.prefix}/story/${id}`;
  }

  add(item: SiteItem): void {
    this.items.unshift(item);
    const path = this.pagePath(item.id);
    this.server.route(path, (_req, res) => {
      if (!item.page) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('gone');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage(item.title, item.page));
    });
  }

  private version(): string {
    return crypto
      .createHash('sha1')
      .update(this.items.map((i) => `${i.id}:${i.title}:${i.description}`).join('|'))
      .digest('hex')
      .slice(0, 16);
  }

  rss(): string {
    const items = this.items.map(
      (i) => `<item><title>${esc(i.title)}</title><link>${this.server.url(this.pagePath(i.id))}</link><guid isPermaLink="false">${i.id}</guid>
<pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${esc(i.description)}</description></item>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(this.title)}</title>
<link>${this.server.url(`${this.prefix}/`)}</link>${items.join('\n')}</channel></rss>`;
  }
}
