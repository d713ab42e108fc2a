// What the renderer shows for typical results (the limits themselves are proven by the property tests).
import type { Briefing, QuoteHit } from '../../src/briefings/types';
import {
  limitViolations,
  renderArticleSummary,
  renderBriefing,
  renderBriefingPost,
  renderHelp,
  renderQuotes,
  renderScheduleStatus,
  renderSearchPage,
  MAX_MESSAGES,
} from '../../src/discord/render';
import { describeOptions } from '../../src/discord/router';
import { makeArticle } from '../fixtures/discord/fake-library';
import { expectSafeMessage } from '../fixtures/discord/checks';

const article = makeArticle({
  title: 'Talks on *Ukraine* resume',
  date: '2025-12-03T10:00:00.000Z',
  url: 'https://example.com/talks',
  paragraphs: ['Envoys met in Moscow. Progress was slow.'],
  quotes: [
    { text: 'Some progress has been made.', speaker: 'Marco Rubio', role: 'US Secretary of State' },
    { text: 'No compromise yet.', speaker: 'Yuri Ushakov' },
    { text: 'Again.', speaker: 'Marco Rubio', role: 'US Secretary of State' },
  ],
});

const briefing = (items: number): Briefing => ({
  topic: 'ukraine',
  generatedAt: '2025-12-04T08:00:00.000Z',
  items: Array.from({ length: items }, (_, i) => ({
    articleId: `a${i}`,
    title: `Story ${i}`,
    date: '2025-12-03T10:00:00.000Z',
    source: `s${i}.txt`,
    summary: ['First sentence.', 'Second sentence.'],
    quote: { text: 'We will see.', speaker: 'Ana', role: 'minister', articleId: `a${i}`, paragraph: 0, partial: false },
  })),
  speakers: [{ name: 'Ana', role: 'minister', count: items }],
});

describe('the renderer', () => {
  it('shows a briefing as a heading plus one embed per article: summary, then the quote and who said it', () => {
    const [msg] = renderBriefing(briefing(2));
    expect(msg.content).toBe('**Briefing: ukraine** — 2 articles\nQuoted: Ana (minister)');
    expect(msg.embeds.map((e) => e.title)).toEqual(['1. Story 0', '2. Story 1']);
    expect(msg.embeds[0].description).toBe('First sentence. Second sentence.\n\n> “We will see.” — Ana, minister');
    expect(msg.embeds[0].footer!.text).toBe('3 Dec 2025 · s0.txt');
    expect(msg.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('labels the daily post with its date and says when it is late', () => {
    const [msg] = renderBriefingPost(briefing(1), { dateLabel: 'Thursday 4 December 2025', late: true });
    expect(msg.content).toMatch(/^\*\*Daily briefing for Thursday 4 December 2025 — ukraine\*\*\n_Posted late/);
    const [empty] = renderBriefingPost({ ...briefing(0), topic: null }, { dateLabel: 'Friday 5 December 2025' });
    expect(empty.content).toBe('**Daily briefing for Friday 5 December 2025**\nNo new articles since the last briefing.');
  });

  it('shows one article with its link, date, source and each person quoted once with their role', () => {
    const [msg] = renderArticleSummary(article, { articleId: article.id, title: article.title, sentences: ['Envoys met in Moscow.'] }, 'short');
    const e = msg.embeds[0];
    expect(e.title).toBe('Talks on \\*Ukraine\\* resume');
    expect(e.url).toBe('https://example.com/talks');
    expect(e.fields).toEqual([
      { name: 'Date', value: '3 Dec 2025', inline: true },
      { name: 'Source', value: article.source, inline: true },
      { name: 'People quoted', value: 'Marco Rubio (US Secretary of State), Yuri Ushakov', inline: false },
    ]);
    expect(e.footer!.text).toBe('short summary · 1 sentence');
  });

  it('shows quotes with the speaker as author and the article and date below', () => {
    const hit: QuoteHit = { ...article.quotes[0], articleTitle: article.title, date: article.date, score: 1 };
    const [msg] = renderQuotes([hit, { ...hit, partial: true }], { speaker: 'Rubio' });
    expect(msg.content).toBe('**Quotes by Rubio**');
    expect(msg.embeds[0]).toMatchObject({ author: { name: 'Marco Rubio, US Secretary of State' }, description: '“Some progress has been made.”' });
    expect(msg.embeds[1].description).toBe('“…Some progress has been made.”');
    const [fragment] = renderQuotes([{ ...hit, text: 'some progress', partial: true }], {});
    expect(fragment.embeds[0].description).toBe('“…some progress…”');
    expect(msg.embeds[0].footer!.text).toBe('Talks on *Ukraine* resume · 3 Dec 2025');
    expect(renderQuotes([], { words: 'xyz' })[0].content).toContain('No quotes “xyz” found');
    const [blank] = renderQuotes([{ ...hit, speaker: ' ', role: ' ' }], {});
    expect(blank.embeds[0].author!.name).toBe('unknown');
  });

  it('spreads a long answer over several messages and says when some had to be left out', () => {
    const huge = briefing(40);
    for (const it of huge.items) it.summary = Array(30).fill('A sentence long enough to take some room in the embed.');
    const msgs = renderBriefing(huge);
    expect(msgs).toHaveLength(MAX_MESSAGES);
    msgs.forEach(expectSafeMessage);
    expect(msgs[msgs.length - 1].content).toMatch(/more sections left out/);
  });

  it('marks an empty search politely without components', () => {
    const msg = renderSearchPage({
      query: 'nothing',
      hits: [],
      page: 0,
      pageSize: 5,
      pageCount: 1,
      total: 0,
      capped: false,
      ids: { prev: 'search:p:0:v:=nothing', next: 'search:n:1:v:=nothing', open: 'search:o:0:v:=nothing' },
      valueFor: (h) => h.articleId,
    });
    expect(msg.content).toBe('No articles match “nothing”. Try other or fewer words.');
    expect(msg.components).toEqual([]);
  });

  it('shows the library size and last change in help', () => {
    const msg = renderHelp({ articles: 1, quotes: 1, lastChanged: null, loadedAt: '2025-12-04T07:00:00.000Z', version: 'v' }, []);
    const fields = msg.embeds[0].fields!;
    expect(fields.find((f) => f.name === 'Library')!.value).toBe('1 article · 1 quote');
    expect(fields.find((f) => f.name === 'Last change')!.value).toBe('never');
  });

  it('shows each schedule with its channel, time, zone and problems', () => {
    const [msg] = renderScheduleStatus([
      {
        guildId: '1',
        channelId: '123456789012345678',
        time: '08:00',
        timezone: 'Europe/Berlin',
        topic: null,
        articles: 5,
        announceEmpty: false,
        paused: false,
        nextPostAt: '2025-12-05T07:00:00.000Z',
        lastPost: null,
        problems: ['Missing Send Messages'],
      },
    ]);
    expect(msg.embeds[0].description).toBe('<#123456789012345678> every day at **08:00** (Europe/Berlin) — ▶ active');
    expect(msg.embeds[0].fields!.map((f) => f.name)).toContain('⚠ Problems');
    expect(renderScheduleStatus([])[0].content).toBe('No daily briefings are scheduled in this server yet.');
  });
});

describe('the limit checker', () => {
  it('reports every broken limit', () => {
    const v = limitViolations({
      content: 'x'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), description: 'd'.repeat(4097), fields: [{ name: '', value: 'v' }] }],
      components: Array(6).fill({ type: 1, components: [{ type: 2, custom_id: 'c'.repeat(101), style: 1, label: 'b' }] }),
    });
    expect(v.join('\n')).toMatch(/content has 2001/);
    expect(v.join('\n')).toMatch(/title has 257/);
    expect(v.join('\n')).toMatch(/description has 4097/);
    expect(v.join('\n')).toMatch(/field 0 is blank/);
    expect(v.join('\n')).toMatch(/6 action rows/);
    expect(v.join('\n')).toMatch(/custom id has 101/);
    expect(v.join('\n')).toMatch(/custom ids repeat/);
    const total = limitViolations({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(4000) }] });
    expect(total).toEqual(['embeds total 8000 characters (max 6000)']);
  });

  it('the shared safety check refuses a message that could ping', () => {
    expect(() => expectSafeMessage({ content: 'hi @everyone', allowedMentions: { parse: [] } })).toThrow('contains a mention');
    expect(() => expectSafeMessage({ content: 'hi' })).toThrow('allowed mentions');
  });
});

describe('logging a command’s options', () => {
  it('flattens subcommands into readable keys', () => {
    expect(
      describeOptions([
        {
          name: 'set',
          type: 1,
          options: [
            { name: 'time', type: 3, value: '08:00' },
            { name: 'topic', type: 3, value: 'x' },
          ],
        },
        { name: 'flag', type: 5, value: false },
      ] as any),
    ).toEqual({ 'set time': '08:00', 'set topic': 'x', flag: false });
  });
});
