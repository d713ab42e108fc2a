// A small library and renderer for scheduler tests: real Briefing shapes, predictable content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BriefOptions } from '../../../src/briefings/library-types';
import type { Briefing } from '../../../src/briefings/types';
import { message, type RenderedMessage } from '../../../src/discord/render/message';
import { stampMarker } from '../../../src/discord/render/stamp';
import type { PostOptions, PostRenderer } from '../../../src/schedule/post-renderer';
import { openStore, type Store } from '../../../src/store/store';

export interface FakeArticle {
  id: string;
  title: string;
  topic: string;
}

/** Newest first, like the real library; honours topic, limit and excludeIds. */
export class FakeLibrary {
  articles: FakeArticle[];
  constructor(count = 12) {
    this.articles = Array.from({ length: count }, (_, i) => ({
      id: `article-${i + 1}`,
      title: `Article ${i + 1}`,
      topic: i % 2 === 0 ? 'energy' : 'politics',
    }));
  }
  async brief(opts: BriefOptions = {}): Promise<Briefing> {
    const items = this.articles
      .filter((a) => !opts.excludeIds?.has(a.id))
      .filter((a) => !opts.topic || a.topic === opts.topic)
      .slice(0, opts.limit ?? 5)
      .map((a) => ({ articleId: a.id, title: a.title, date: null, source: `${a.id}.txt`, summary: [`About ${a.title}.`], quote: null }));
    return { topic: opts.topic ?? null, generatedAt: new Date().toISOString(), items, speakers: [] };
  }
}

/** One message per two items, each with one embed, so multi-part posts happen. */
export const fakeRenderer: PostRenderer = {
  briefing(b: Briefing, opts: PostOptions): RenderedMessage[] {
    const out: RenderedMessage[] = [];
    for (let i = 0; i < b.items.length; i += 2) {
      const chunk = b.items.slice(i, i + 2);
      out.push(
        message({
          embeds: [
            {
              title: `${opts.dateLabel}${opts.late ? ' (late)' : ''}`,
              description: chunk.map((c) => c.title).join('\n'),
              footer: { text: 'briefbot' },
            },
          ],
        }),
      );
    }
    return out;
  },
  nothingNew(opts: PostOptions): RenderedMessage[] {
    return [message({ content: `No new articles for ${opts.dateLabel}.` })];
  },
  stamp: stampMarker,
};

export function tempStore(): { store: Store; dir: string; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-schedule-'));
  const file = path.join(dir, 'nested', 'briefbot.db');
  const store = openStore(file);
  return {
    store,
    dir,
    file,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };
