// End to end at scale: 10,000 generated articles loaded, every command, autocomplete, button and select
// answered. The stand-in refuses callbacks later than Discord's 3 s; the times are measured and printed.
import * as fs from 'node:fs';
import { loadFolderLibrary } from '../helpers/load-folder';
import type { InteractionRecord } from '../standin';
import { makeScaleContent } from '../fixtures/discord/content';
import { startHarness, type Harness } from '../fixtures/discord/harness';

const ARTICLES = 10_000;

describe(`the bot with ${ARTICLES.toLocaleString('en-GB')} articles loaded`, () => {
  let h: Harness;
  let dir: string;
  let loadMs = 0;
  const timings: { what: string; callbackMs: number; finalMs: number }[] = [];

  beforeAll(async () => {
    dir = makeScaleContent(ARTICLES);
    const started = Date.now();
    const library = await loadFolderLibrary(dir);
    loadMs = Date.now() - started;
    expect(library.stats().articles).toBe(ARTICLES);
    h = await startHarness({ library });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    const rows = timings.map(
      (t) => `  ${t.what.padEnd(34)} callback ${String(t.callbackMs).padStart(5)} ms   final ${String(t.finalMs).padStart(5)} ms`,
    );
    console.log(`Library load: ${loadMs} ms for ${ARTICLES} articles\n${rows.join('\n')}`);
  });

  async function answered(what: string, payload: unknown, opts: { wait?: 'callback' } = {}): Promise<InteractionRecord> {
    const r = await h.discord.sendInteraction(payload, { timeoutMs: 10_000, ...opts });
    expect(r.callback).toBeDefined();
    expect(r.errors).toEqual([]);
    timings.push({ what, callbackMs: r.callbackMs!, finalMs: r.lastActivityMs ?? r.callbackMs! });
    return r;
  }

  it('answers every command, option and autocomplete', async () => {
    const d = h.discord;
    await answered('/help', d.commandInteraction({ name: 'help' }));
    const brief = await answered('/brief', d.commandInteraction({ name: 'brief' }));
    expect(brief.edits[0].embeds.length).toBe(5);
    await answered('/brief topic length:long', d.commandInteraction({ name: 'brief', options: { topic: 'harbour railway', length: 'long' } }));
    const ac = await answered(
      'autocomplete /brief article',
      d.autocompleteInteraction({ name: 'brief', focused: 'article', options: { article: 'Drought update 12' } }),
      { wait: 'callback' },
    );
    expect(ac.choices!.length).toBeGreaterThan(0);
    await answered('/brief article', d.commandInteraction({ name: 'brief', options: { article: ac.choices![0].value } }));
    await answered('/quote', d.commandInteraction({ name: 'quote' }));
    const sp = await answered(
      'autocomplete /quote speaker',
      d.autocompleteInteraction({ name: 'quote', focused: 'speaker', options: { speaker: 'Fati' } }),
      { wait: 'callback' },
    );
    expect(sp.choices!.map((c: any) => c.value)).toContain('Fatima Noor');
    await answered(
      '/quote words speaker',
      d.commandInteraction({ name: 'quote', options: { words: 'plan people can trust', speaker: 'Fatima Noor' } }),
    );
    await answered('autocomplete /search query', d.autocompleteInteraction({ name: 'search', focused: 'query', options: { query: 'tarif' } }), {
      wait: 'callback',
    });
    const search = await answered('/search', d.commandInteraction({ name: 'search', options: { query: 'tariff election' } }));
    const page = search.edits[0];
    expect(page.embeds[0].footer.text).toMatch(/^Page 1 of 10 · 50\+ results/);
    const next = await answered('button Next', d.buttonInteraction(page.components[0].components[1].custom_id));
    expect(next.edits[0].embeds[0].footer.text).toMatch(/^Page 2 of 10/);
    const menu = next.edits[0].components[1].components[0];
    await answered('select open article', d.selectInteraction(menu.custom_id, [menu.options[0].value]));
  }, 120_000);
});
