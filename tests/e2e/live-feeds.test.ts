// Live posts through the real pipeline (issue 9's "Done when"): `npm start` as a real process, two loopback
// news sites, the Discord stand-in. An admin subscribes #news to both feeds with an include word; the first
// poll posts nothing; every new matching item is then posted exactly once with its summary and quote, a
// non-matching one never; the same event told by both outlets is posted once; a restart re-posts nothing and
// posts what came in while the bot was down; a 500 that landed anyway and a 429 neither double nor lose a post.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandPayloads } from '../../src/commands';
import { deployCommands } from '../../src/discord/deploy';
import { startBotProcess as start, stopBotProcesses, until, type BotProcess as Proc } from '../helpers/bot-process';
import { startStandIn, type DiscordStandIn, type InteractionRecord } from '../standin';
import type { OptionValue } from '../standin/payloads';
import { startFeedServer, type FeedServer } from '../sources/feed-server';
import { NewsSite } from '../sources/news-site';

const ADMIN = { memberPermissions: ['ManageGuild', 'ViewChannel', 'SendMessages'] };
const INTERVAL_SECONDS = 1;
/** Long enough for a few polls of both feeds: what has not been posted by then is not going to be. */
const QUIET_MS = 4 * INTERVAL_SECONDS * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One event as an outlet tells it: a lede, a quote with its speaker, and enough body to be an article. */
interface Event {
  id: string;
  title: string;
  paragraphs: string[];
  quote: string;
  speaker: string;
}

function event(id: string, title: string, lede: string, quote: string, speaker: string, rest: string[]): Event {
  return { id, title, quote, speaker, paragraphs: [lede, `"${quote}," said ${speaker}, speaking to reporters on Tuesday.`, ...rest] };
}

const TRAM_BACKLOG = event(
  'tram-old',
  'Tram timetable changes for the summer',
  'The city tram network will run a reduced summer timetable from next week, the transport office announced on Monday.',
  'Fewer people travel in August, so we run fewer trams',
  'Peter Olsen',
  [
    'Night trams keep their usual times, and the airport line is not affected by the change.',
    'The winter timetable returns in the first week of September.',
  ],
);
const BAKERY_BACKLOG = event(
  'bakery-old',
  'Bakery opens a second shop',
  'A family bakery that has sold bread in the market square for forty years opened a second shop in the harbour district.',
  'People kept asking us to come closer to them',
  'Anna Berg',
  ['The new shop sells the same rye loaves and pastries as the original one.', 'It opens at six every morning except Sundays.'],
);
// The same event, in each outlet's own words.
const DEPOT_A = event(
  'depot-a',
  'New tram depot opens in Northside',
  'A new tram depot opened in Northside on Wednesday, giving the city room for forty more trams and two hundred jobs.',
  'This depot lets us run a tram every five minutes',
  'Maria Lopez',
  [
    'The depot cost 120 million euros and took three years to build on the site of the old gasworks.',
    'The first new trams will leave the depot in the spring.',
  ],
);
const DEPOT_B = event(
  'depot-b',
  'Northside tram depot opens its doors',
  'The new Northside tram depot opened its doors on Wednesday, with room for forty more trams and two hundred new jobs.',
  'This depot lets us run a tram every five minutes',
  'Maria Lopez',
  ['Built over three years on the old gasworks site, the depot cost 120 million euros.', 'The first of the new trams leave the depot next spring.'],
);
const STRIKE_B = event(
  'strike-b',
  'Tram drivers call off Friday strike',
  'Tram drivers called off the strike planned for Friday after the union accepted a new pay offer late on Thursday night.',
  'The offer is fair and our members voted to accept it',
  'Jonas Weber',
  ['Services will run normally across the network all weekend.', 'The agreement runs for two years and includes a review of shift patterns.'],
);
const FERRY_A = event(
  'ferry-a',
  'Harbour ferry gets a new electric boat',
  'The harbour ferry service launched its first electric boat on Thursday, replacing a diesel vessel that ran for thirty years.',
  'The new boat is quiet enough to hear the gulls',
  'Lena Fischer',
  ['Two more electric boats are due next year.', 'Tickets stay at the same price.'],
);
const BRIDGE_A = event(
  'bridge-tram-a',
  'Tram bridge repairs finish early',
  'Repairs to the tram bridge over the river finished two weeks early, and trams crossed it again on Friday morning.',
  'The crews worked through the nights to get it done',
  'Tomas Novak',
  [
    'The bridge had been closed since March after cracks were found in two of its supports.',
    'Buses that replaced the trams stop running on Saturday.',
  ],
);
const STOP_B = event(
  'stop-tram-b',
  'Tram stop outside the hospital reopens',
  'The tram stop outside the general hospital reopened on Saturday after a month of work to make its platforms step-free.',
  'Patients in wheelchairs can now get on without help',
  'Sara Kim',
  ['The stop is served by three lines.', 'Lifts connect it to the hospital entrance.'],
);
const DOWN_A = event(
  'while-down-a',
  'Tram fares frozen for another year',
  'Tram fares will stay at their current level for another year, the city council decided on Sunday in a late vote.',
  'Nobody should have to choose between the tram and dinner',
  'Maria Lopez',
  ['The freeze costs the city about nine million euros a year.', 'Season tickets are included in the freeze.'],
);

function publish(site: NewsSite, e: Event, minutesAgo = 1): void {
  site.add({
    id: e.id,
    title: e.title,
    date: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    description: e.paragraphs[0],
    page: e.paragraphs,
  });
}

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text?: string };
}

describe('live posts from two real feeds, through restarts and injected faults', () => {
  let discord: DiscordStandIn;
  let server: FeedServer;
  let dir: string;
  const procs: Proc[] = [];
  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'news' }] }] });
    server = await startFeedServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-live-feeds-e2e-'));
    fs.mkdirSync(path.join(dir, 'content'));
  });
  afterEach(async () => {
    await stopBotProcesses(procs);
    await discord.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function boot(): Promise<Proc> {
    const p = start({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      CONTENT_DIR: path.join(dir, 'content'),
      DATABASE_PATH: path.join(dir, 'briefbot.db'),
      FEED_INTERVAL_SECONDS: String(INTERVAL_SECONDS),
      ALLOW_PRIVATE_NETWORK: 'true',
      LOG_LEVEL: 'info',
    });
    procs.push(p);
    await until('ready', () => (p.output().includes('"msg":"live posts started"') ? true : null), 30_000);
    return p;
  }

  async function stop(p: Proc): Promise<void> {
    p.child.kill('SIGTERM');
    await p.exited;
  }

  async function sources(name: string, options: Record<string, OptionValue>): Promise<InteractionRecord> {
    const r = await discord.sendInteraction(discord.commandInteraction({ name: `sources ${name}`, options, ...ADMIN }), { timeoutMs: 15_000 });
    expect(r.errors).toEqual([]);
    return r;
  }

  it('posts every new matching item of either feed exactly once, with summary and quote, one story once', async () => {
    const news = discord.textChannelId(discord.guildIds[0], 'news');
    const embeds = (): Embed[] => discord.channelMessages(news).flatMap((m) => (m as { embeds?: Embed[] }).embeds ?? []);
    const titles = () => embeds().map((e) => e.title ?? '');
    const posted = (e: Event) => titles().filter((t) => t === e.title).length;
    const waitPosted = (...events: Event[]) =>
      until(`${events.map((e) => e.title).join(', ')} posted`, () => (events.every((e) => posted(e) > 0) ? true : null), 20_000);

    const a = new NewsSite(server, 'Harbour Post', '/a');
    const b = new NewsSite(server, 'River Gazette', '/b');
    publish(a, TRAM_BACKLOG, 30);
    publish(b, BAKERY_BACKLOG, 20);
    await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId: discord.guildIds[0], commands: commandPayloads() });
    const first = await boot();

    await sources('add', { url: a.feedUrl, channel: news, include: 'tram' });
    await sources('add', { url: b.feedUrl, channel: news, include: 'tram' });
    // Both subscriptions have had their first poll: /sources list says they are posting.
    const listed = async () => JSON.stringify((await sources('list', {})).edits);
    await until('both subscriptions posting', async () => ((await listed()).split('▶ posting').length - 1 === 2 ? true : null), 15_000);
    // The first poll records what the feeds already had, and posts nothing.
    expect(server.hits(a.pagePath(TRAM_BACKLOG.id))).toBe(1);
    expect(discord.channelMessages(news)).toEqual([]);

    // New items in both feeds: the same event from both outlets, another matching one, one that does not match.
    publish(a, DEPOT_A, 3);
    publish(b, DEPOT_B, 2);
    publish(b, STRIKE_B, 2);
    publish(a, FERRY_A, 2);
    await waitPosted(STRIKE_B);
    await until('the depot story posted', () => (posted(DEPOT_A) + posted(DEPOT_B) > 0 ? true : null), 20_000);
    await sleep(QUIET_MS);
    expect(posted(DEPOT_A) + posted(DEPOT_B)).toBe(1);
    // Both outlets' versions were read (so both were in the library and both matched): grouping kept it to one post.
    expect([server.hits(a.pagePath(DEPOT_A.id)), server.hits(b.pagePath(DEPOT_B.id))]).toEqual([1, 1]);
    expect(posted(STRIKE_B)).toBe(1);
    expect(posted(FERRY_A)).toBe(0);
    const strike = embeds().find((e) => e.title === STRIKE_B.title)!;
    expect(strike.url).toBe(server.url(b.pagePath(STRIKE_B.id)));
    expect(strike.description).toContain('Tram drivers called off the strike'); // the summary
    expect(strike.description).toContain(STRIKE_B.quote);
    expect(strike.description).toContain(STRIKE_B.speaker);
    expect(strike.footer?.text).toContain('River Gazette');

    // A 500 whose request landed anyway, then a 429: each post still appears exactly once.
    const posts = `/channels/${news}/messages`;
    discord.failNext({ method: 'POST', path: posts, status: 500, times: 4, effect: 'apply' });
    publish(a, BRIDGE_A);
    await waitPosted(BRIDGE_A);
    discord.failNext({ method: 'POST', path: posts, status: 429, retryAfter: 0.3 });
    publish(b, STOP_B);
    await waitPosted(STOP_B);
    await sleep(QUIET_MS);
    expect(discord.requestsTo('POST', posts).filter((r) => r.injected).length).toBe(5);
    expect(posted(BRIDGE_A)).toBe(1);
    expect(posted(STOP_B)).toBe(1);

    // Down for a while: an item published meanwhile is posted after the restart, and nothing is posted again.
    await stop(first);
    const before = titles();
    publish(a, DOWN_A);
    await boot();
    await waitPosted(DOWN_A);
    await sleep(QUIET_MS);
    expect(titles()).toEqual([...before, DOWN_A.title]);
    expect(titles().filter((t) => t === TRAM_BACKLOG.title || t === BAKERY_BACKLOG.title || t === FERRY_A.title)).toEqual([]);
  }, 150_000);

  it('a subscription whose first poll found nothing new posts the next item', async () => {
    const news = discord.textChannelId(discord.guildIds[0], 'news');
    const titles = () => discord.channelMessages(news).flatMap((m) => ((m as { embeds?: Embed[] }).embeds ?? []).map((e) => e.title));
    // A feed with nothing in it yet (a new outlet, or one whose items were all stored before the subscription).
    const c = new NewsSite(server, 'Quiet Times', '/c');
    await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId: discord.guildIds[0], commands: commandPayloads() });
    await boot();
    await sources('add', { url: c.feedUrl, channel: news });
    const polls = server.hits('/c/feed.xml');
    await until('two more polls of the feed', () => (server.hits('/c/feed.xml') >= polls + 2 ? true : null), 10_000);
    publish(c, STRIKE_B);
    await until('the first item after subscribing posted', () => (titles().includes(STRIKE_B.title) ? true : null), 10_000);
  }, 60_000);
});
