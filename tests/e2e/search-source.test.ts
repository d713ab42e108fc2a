// /search source: through the real bot on the stand-in Discord: a feed by its title, host or picked URL, the
// content folder as "files", paging that keeps the filter, an unknown source, and the source box's autocomplete.
import { analyseRaw } from '../../src/briefings/analyse-file';
import { openLibrary } from '../../src/briefings/library';
import { openStore, type Store } from '../../src/store/store';
import type { InteractionRecord } from '../standin';
import type { OptionValue } from '../standin/payloads';
import { startHarness, type Harness } from '../fixtures/discord/harness';
import { FakeSourcesService } from '../fixtures/sources/fake-sources';
import { feedSource as feed, fileSource as file, novemberDay, rawArticle } from '../helpers/stored-articles';

const GAZETTE = 'https://harbour.example/rss';
const TIDINGS = 'https://www.tidings.example/feed.xml';

const raw = (title: string, body: string, day: number) => rawArticle(title, [body], novemberDay(day));

let h: Harness;
let store: Store;
let topics: string[];

beforeAll(async () => {
  store = openStore(':memory:');
  // Seven Gazette pieces (two pages), two from Tidings and one file about the ferry.
  // Seven Gazette pieces (two pages), two from Tidings, one file: every one mentions the ferry.
  topics = [
    'Ferry timetable changes for spring sailings',
    'Lighthouse keeper retires after forty years',
    'Fish market moves into the old warehouse',
    'Yacht club elects its first woman commodore',
    'Dredging of the inner basin begins in March',
    'Seal pup rescued from the slipway by volunteers',
    'Harbour wall repairs cost twice the estimate',
  ];
  const gazette = topics.map((title, i) => ({ key: `g${i}`, article: analyseRaw(raw(title, `${title}, the council said on day ${i + 1}.`, i + 1)) }));
  await store.articles.upsertItems(feed(GAZETTE), gazette);
  await store.articles.upsertItems(feed(TIDINGS), [
    { key: 't1', article: analyseRaw(raw('Tidings ferry crew honoured', 'The ferry crew won an award.', 20)) },
    { key: 't2', article: analyseRaw(raw('Tidings ferry fares', 'Ferry fares rise in May.', 21)) },
  ]);
  await store.articles.replaceSource(file('museum.txt'), [analyseRaw(raw('Ferry museum opens', 'A museum of old ferries opened.', 22))]);
  const library = await openLibrary({ reader: store.articles, view: { fileRoot: '/content' } });
  const sources = new FakeSourcesService();
  sources.addShared(GAZETTE, 'Harbour Gazette');
  sources.addShared(TIDINGS, null);
  h = await startHarness({ library, sources });
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});

async function search(options: Record<string, OptionValue>): Promise<InteractionRecord> {
  const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'search', options }), { timeoutMs: 10_000 });
  expect(r.errors).toEqual([]);
  return r;
}
const titlesOn = (page: any): string[] => [...String(page.embeds[0].description).matchAll(/\*\*\d+\. ([^*]+)\*\*/g)].map((m) => m[1]);

describe('/search source:', () => {
  let firstPage: any;

  it('lists a feed named by its title newest first, with the source in the title and footer', async () => {
    const r = await search({ source: 'Harbour Gazette' });
    firstPage = r.edits[0];
    expect(firstPage.embeds[0].title).toBe('Newest from Harbour Gazette');
    expect(firstPage.embeds[0].footer.text).toMatch(/^Page 1 of 2 · 7 results · from Harbour Gazette/);
    expect(titlesOn(firstPage)).toEqual(topics.slice(2).reverse());
  });

  it('pages with the buttons without losing the source', async () => {
    const next = firstPage.components[0].components[1].custom_id;
    const r = await h.discord.sendInteraction(h.discord.buttonInteraction(next), { timeoutMs: 10_000 });
    expect(r.errors).toEqual([]);
    expect(r.edits[0].embeds[0].footer.text).toMatch(/^Page 2 of 2 · 7 results · from Harbour Gazette/);
    expect(titlesOn(r.edits[0])).toEqual([topics[1], topics[0]]);
  });

  it('narrows words to a feed named by its host, or picked by its URL, and to the content folder as files', async () => {
    const byHost = await search({ query: 'ferry', source: 'tidings.example' });
    expect(byHost.edits[0].embeds[0].title).toBe('Search: ferry · from tidings.example');
    expect(titlesOn(byHost.edits[0]).sort()).toEqual(['Tidings ferry crew honoured', 'Tidings ferry fares']);
    const picked = await search({ query: 'fares', source: TIDINGS });
    expect(titlesOn(picked.edits[0])).toEqual(['Tidings ferry fares']);
    const files = await search({ query: 'ferry', source: 'files' });
    expect(titlesOn(files.edits[0])).toEqual(['Ferry museum opens']);
  });

  it('says how to see the sources when it knows none by that name', async () => {
    const r = await search({ query: 'ferry', source: 'Nowhere Times' });
    const text = r.edits[0].content ?? r.edits[0].embeds?.[0]?.description ?? '';
    expect(text).toContain('No source here is called “Nowhere Times”');
    expect(text).toContain('/sources list');
  });

  it('offers the sources in the source box, by name with their article counts', async () => {
    const r = await h.discord.sendInteraction(h.discord.autocompleteInteraction({ name: 'search', focused: 'source', options: { source: 'har' } }), {
      wait: 'callback',
    });
    expect(r.choices).toEqual([{ name: 'Harbour Gazette · 7 articles', value: GAZETTE }]);
    const all = await h.discord.sendInteraction(h.discord.autocompleteInteraction({ name: 'search', focused: 'source', options: { source: '' } }), {
      wait: 'callback',
    });
    expect(all.choices!.map((c: { name: string }) => c.name)).toEqual([
      'Harbour Gazette · 7 articles',
      'tidings.example · 2 articles',
      'files (the content folder) · 1 article',
    ]);
  });
});
