// End to end: the real discord.js Client, the real library on the seed (plus fixture articles), talking to
// the loopback Discord. Every command, option, autocomplete, button and select, as a user would use them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadFolderLibrary, type StandaloneLibrary } from '../helpers/load-folder';
import type { Library } from '../../src/briefings/library-types';
import { limitViolations } from '../../src/discord/render/limits';
import { pingsAnyone, type InteractionRecord } from '../standin';
import { MARATHON_ARTICLES, ORCHARD_ARTICLES, makeTestContent, markdownArticle } from '../fixtures/discord/content';
import { expectSafeMessage } from '../fixtures/discord/checks';
import { startHarness, type Harness } from '../fixtures/discord/harness';

const EPHEMERAL = 64;

let h: Harness;

/** Every message body the bot sent for an interaction: the callback's, each edit, each follow-up (as sent). */
function messagesOf(r: InteractionRecord): any[] {
  const out: any[] = [];
  if (r.callback?.data && (r.callback.type === 4 || r.callback.type === 7)) out.push(r.callback.data);
  out.push(...r.edits);
  out.push(...h.discord.requestsTo('POST', `/webhooks/${h.discord.applicationId}/${r.token}`).map((q) => q.body));
  return out;
}

function expectCleanAnswer(r: InteractionRecord): void {
  expect(r.errors).toEqual([]);
  const all = messagesOf(r);
  expect(all.length).toBeGreaterThan(0);
  for (const m of all) {
    expect(m.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
    expect(limitViolations(m)).toEqual([]);
  }
}

/** Set to make the library's stats() fail (a command failing before it answered). */
const traps = { stats: false };

/** Wraps the real library so chosen words make a call fail (error-path tests). */
function withTraps(lib: Library): Library {
  return new Proxy(lib, {
    get(target, prop, receiver) {
      if (prop === 'stats') return () => (traps.stats ? boom() : target.stats());
      if (prop === 'search') return async (q: string, o?: object) => (q.includes('explode') ? boom() : await target.search(q, o));
      if (prop === 'suggest') return (k: 'title' | 'speaker', p: string, n?: number) => (p.includes('explode') ? boom() : target.suggest(k, p, n));
      return Reflect.get(target, prop, receiver);
    },
  });
}
function boom(): never {
  throw new Error('trap sprung');
}

describe('the bot on the stand-in Discord', () => {
  let first: InteractionRecord;
  let contentDir: string;
  let library: StandaloneLibrary;

  beforeAll(async () => {
    contentDir = makeTestContent();
    library = await loadFolderLibrary(contentDir);
    h = await startHarness({ library: withTraps(library) });
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  const send = (payload: unknown, opts = {}) => h.discord.sendInteraction(payload, opts);
  const command = (name: string, options?: Record<string, string>) => h.discord.commandInteraction({ name, options });

  describe('/help', () => {
    it('answers privately with the commands, the article count and the last change', async () => {
      const r = await send(command('help'));
      expectCleanAnswer(r);
      expect(r.callback.type).toBe(4);
      expect(r.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      const embed = r.callback.data.embeds[0];
      const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]));
      expect(fields.Library).toContain(`${library.stats().articles} articles`);
      expect(fields['Last change']).toMatch(/<t:\d+:f>/);
      for (const name of ['brief', 'quote', 'search', 'help']) expect(fields.Commands).toContain(`/${name}`);
    });
  });

  describe('/brief', () => {
    it('without options defers, then briefs the most recent articles with summaries and quotes', async () => {
      const r = await send(command('brief'));
      expectCleanAnswer(r);
      expect(r.callback.type).toBe(5);
      const first = r.edits[0];
      expect(first.content).toMatch(/^\*\*Briefing\*\* — 5 articles/);
      const titles = messagesOf(r)
        .flatMap((m) => m.embeds.map((e: any) => e.title))
        .filter(Boolean);
      expect(titles).toHaveLength(5);
      expect(titles[0]).toMatch(/^1\. /);
    });

    it('with a topic and length:short gives one-sentence summaries about that topic', async () => {
      const r = await send(command('brief', { topic: 'orchard harvest', length: 'short' }));
      expectCleanAnswer(r);
      const embeds = messagesOf(r).flatMap((m) => m.embeds);
      expect(r.edits[0].content).toContain('Briefing: orchard harvest');
      expect(embeds.length).toBe(5);
      for (const e of embeds) expect(e.title).toMatch(/Orchard harvest report/);
    });

    it('with a topic nothing matches says so', async () => {
      const r = await send(command('brief', { topic: 'zzyzx quuxification' }));
      expectCleanAnswer(r);
      expect(r.edits[0].content).toContain('No articles about “zzyzx quuxification” yet');
    });

    it('autocompletes article titles from memory (≤ 25 choices, ≤ 100 characters)', async () => {
      const r = await send(h.discord.autocompleteInteraction({ name: 'brief', focused: 'article', options: { article: 'orchard' } }), {
        wait: 'callback',
      });
      expect(r.callback.type).toBe(8);
      expect(r.choices!.length).toBeGreaterThan(0);
      expect(r.choices!.length).toBeLessThanOrEqual(25);
      for (const c of r.choices!) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(r.choices![0].name).toMatch(/Orchard harvest report/);
    });

    it('with an article chosen by autocomplete shows its summary at the chosen length, date, source and people quoted', async () => {
      const ac = await send(h.discord.autocompleteInteraction({ name: 'brief', focused: 'article', options: { article: 'Rubio' } }), {
        wait: 'callback',
      });
      const choice = ac.choices![0];
      const r = await send(command('brief', { article: choice.value, length: 'long' }));
      expectCleanAnswer(r);
      const embeds = messagesOf(r).flatMap((m) => m.embeds);
      expect(embeds[0].title).toContain('Rubio says');
      const fields = Object.fromEntries(embeds.flatMap((e: any) => e.fields ?? []).map((f: any) => [f.name, f.value]));
      expect(fields.Date).toBe('3 Dec 2025');
      expect(fields.Source).toMatch(/\.txt$/);
      expect(fields['People quoted']).toContain('Rubio');
      expect(embeds[embeds.length - 1].footer.text).toMatch(/^long summary · [1-5] sentences?$/);
    });

    it('with an article nobody wrote says none matches', async () => {
      const r = await send(command('brief', { article: 'qqqq-no-such-article-zzzz' }));
      expectCleanAnswer(r);
      expect(r.edits[0].content).toContain('No article matches');
    });

    it('splits a briefing too long for one message over several, each within limits, cutting only between sentences', async () => {
      const r = await send(command('brief', { topic: 'marathon runners', length: 'long' }), {
        until: (x: InteractionRecord) => x.followups.length >= MARATHON_ARTICLES - 1,
      });
      expectCleanAnswer(r);
      const all = messagesOf(r);
      expect(all.length).toBeGreaterThan(1);
      const descriptions = all.flatMap((m) => m.embeds.map((e: any) => e.description as string));
      for (const d of descriptions) expect(d.trim()).toMatch(/[.”]$|…$/);
      expect(all.flatMap((m) => m.embeds).length).toBe(MARATHON_ARTICLES);
    });

    it('never pings anyone for an article saying @everyone or naming a role', async () => {
      const ac = await send(h.discord.autocompleteInteraction({ name: 'brief', focused: 'article', options: { article: 'Mayor tells' } }), {
        wait: 'callback',
      });
      const r = await send(command('brief', { article: ac.choices![0].value }));
      expectCleanAnswer(r);
      const msg = r.original;
      expect(msg.mention_everyone).toBe(false);
      expect(pingsAnyone(msg)).toBe(false);
      expect(r.edits[0].allowed_mentions.parse).toEqual([]);
      expect(msg.embeds[0].title).toContain('everyone');
      for (const m of messagesOf(r)) expectSafeMessage(m);
    });
  });

  describe('/quote', () => {
    it('without options gives a quote from the latest articles', async () => {
      const r = await send(command('quote'));
      expectCleanAnswer(r);
      expect(r.edits[0].content).toBe('**A quote from the latest articles**');
      expect(r.edits[0].embeds).toHaveLength(1);
      expect(r.edits[0].embeds[0].author.name.length).toBeGreaterThan(0);
    });

    it('autocompletes speakers', async () => {
      const r = await send(h.discord.autocompleteInteraction({ name: 'quote', focused: 'speaker', options: { speaker: 'zel' } }), {
        wait: 'callback',
      });
      expect(r.choices!.map((c: any) => c.value)).toContain('Volodymyr Zelensky');
    });

    it('by speaker lists that person’s quotes with role, article title and date', async () => {
      const r = await send(command('quote', { speaker: 'Maria Lopez' }));
      expectCleanAnswer(r);
      const embeds = r.edits[0].embeds;
      expect(r.edits[0].content).toContain('by Maria Lopez');
      expect(embeds.length).toBeGreaterThan(0);
      for (const e of embeds) {
        expect(e.author.name).toContain('Maria Lopez');
        expect(e.footer.text).toMatch(/Orchard harvest report number \d+ · \d+ Nov 2025/);
      }
    });

    it('by words finds the quote', async () => {
      const r = await send(command('quote', { words: 'no simple solutions' }));
      expectCleanAnswer(r);
      const text = r.edits[0].embeds.map((e: any) => e.description).join('\n');
      expect(text).toContain('there will be no simple solutions');
    });
  });

  describe('/search', () => {
    it('shows the first page of matches with dates, snippets, paging buttons and an open menu', async () => {
      first = await send(command('search', { query: 'orchard harvest' }));
      expectCleanAnswer(first);
      const page = first.edits[0];
      expect(page.embeds[0].title).toBe('Search: orchard harvest');
      expect(page.embeds[0].footer.text).toMatch(new RegExp(`^Page 1 of 3 · ${ORCHARD_ARTICLES} results`));
      const [buttons, menu] = page.components;
      expect(buttons.components.map((b: any) => [b.label, !!b.disabled])).toEqual([
        ['◀ Prev', true],
        ['Next ▶', false],
      ]);
      expect(menu.components[0].options).toHaveLength(5);
    });

    it('pages forward and back with the buttons, editing the same message', async () => {
      const next = first.edits[0].components[0].components[1].custom_id;
      const r2 = await send(h.discord.buttonInteraction(next));
      expect(r2.callback.type).toBe(6);
      expectCleanAnswer(r2);
      expect(r2.edits[0].embeds[0].footer.text).toMatch(/^Page 2 of 3/);
      expect(r2.edits[0].embeds[0].description).toMatch(/^\*\*6\. /);
      const prev = r2.edits[0].components[0].components[0].custom_id;
      const r1 = await send(h.discord.buttonInteraction(prev));
      expectCleanAnswer(r1);
      expect(r1.edits[0].embeds[0].footer.text).toMatch(/^Page 1 of 3/);
    });

    it('opens one article’s summary privately from the menu', async () => {
      const menu = first.edits[0].components[1].components[0];
      const value = menu.options[2].value;
      const r = await send(h.discord.selectInteraction(menu.custom_id, [value]));
      expectCleanAnswer(r);
      expect(r.callback.type).toBe(5);
      expect(r.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(r.edits[0].embeds[0].title).toBe((await library.article(value))!.title);
    });

    it('autocompletes with what was typed first, then matching titles', async () => {
      const r = await send(h.discord.autocompleteInteraction({ name: 'search', focused: 'query', options: { query: 'Orchard' } }), {
        wait: 'callback',
      });
      expect(r.choices![0]).toEqual({ name: 'Search for “Orchard”', value: 'Orchard' });
      expect(r.choices!.length).toBeGreaterThan(1);
    });

    it('keeps paging a long query whose words do not fit in the button id', async () => {
      const long = `orchard harvest ${'valley '.repeat(20)}`.trim();
      const r = await send(command('search', { query: long }));
      expectCleanAnswer(r);
      const next = r.edits[0].components[0].components[1].custom_id as string;
      expect(next).toMatch(/#[0-9a-z]+$/);
      const r2 = await send(h.discord.buttonInteraction(next));
      expectCleanAnswer(r2);
      expect(r2.edits[0].embeds[0].footer.text).toMatch(/^Page 2 of/);
    });

    it('says politely that results changed, and shows a fresh first page, when the library changed', async () => {
      const next = first.edits[0].components[0].components[1].custom_id;
      fs.writeFileSync(
        path.join(contentDir, 'orchard-late.md'),
        markdownArticle({ title: 'Late orchard harvest news', date: '2025-12-05', paragraphs: ['The orchard harvest ended late.'] }),
      );
      await library.sync.paths(['orchard-late.md']);
      await library.catchUp();
      const r = await send(h.discord.buttonInteraction(next, { message: first.original }));
      expectCleanAnswer(r);
      expect(r.edits[0].content).toContain('here is a fresh first page');
      expect(r.edits[0].embeds[0].footer.text).toMatch(/^Page 1 of 3 · 13 results/);
    });
  });

  describe('when things go wrong', () => {
    it('apologises privately when a command fails, logs command, options and guild, and keeps running', async () => {
      const r = await send(command('search', { query: 'explode now' }), { until: (x: InteractionRecord) => x.followups.length > 0 });
      expect(r.followups[0].content).toContain('Sorry');
      expect(r.followups[0].flags & EPHEMERAL).toBe(EPHEMERAL);
      const line = h.logs.find((l) => l.msg === 'command failed');
      expect(line).toMatchObject({ command: 'search', options: { query: 'explode now' }, guild: h.guildId });
      const after = await send(command('help'));
      expect(after.callback.type).toBe(4);
    });

    it('apologises in the reply itself when a command fails before answering', async () => {
      traps.stats = true;
      try {
        const r = await send(command('help'));
        expect(r.callback.type).toBe(4);
        expect(r.callback.data.content).toContain('Sorry');
        expect(r.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
        expect(h.logs.filter((l) => l.msg === 'command failed').map((l) => l.command)).toContain('help');
      } finally {
        traps.stats = false;
      }
    });

    it('answers autocomplete with an empty list when it fails', async () => {
      const r = await send(h.discord.autocompleteInteraction({ name: 'quote', focused: 'speaker', options: { speaker: 'explode' } }), {
        wait: 'callback',
      });
      expect(r.callback.type).toBe(8);
      expect(r.choices).toEqual([]);
    });

    it('answers a button it no longer knows politely and privately', async () => {
      const r = await send(h.discord.buttonInteraction('oldfeature:1:2', { message: first.original }));
      expect(r.callback.type).toBe(4);
      expect(r.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(r.callback.data.content).toContain('no longer in use');
    });

    it('answers a search button whose query can no longer be read', async () => {
      const r = await send(h.discord.buttonInteraction('search:n:1:00000000:#zzzzzz', { message: first.original }));
      expect(r.callback.data.content).toContain('please run **/search** again');
    });
  });
});
