// Property: whatever the articles say, every rendered message fits Discord's limits and pings nobody.
import fc from 'fast-check';
import type { Article, Briefing, QuoteHit, SearchHit } from '../../src/briefings/types';
import {
  renderArticleSummary,
  renderBriefing,
  renderBriefingPost,
  renderHelp,
  renderNotice,
  renderQuotes,
  renderScheduleStatus,
  renderSearchPage,
  renderChoices,
  LIMITS,
} from '../../src/discord/render';
import { encodeSearchId } from '../../src/discord/render/search-state';
import type { ScheduleStatus } from '../../src/schedule/service-types';
import { expectSafeMessage, hugeText, liveMaskedLinks, nastyText, straddlingLink } from '../fixtures/discord/checks';
import { safeMarkdown } from '../../src/discord/render/text';

const RUNS = { numRuns: 40 };
const date = fc.option(
  fc.integer({ min: 0, max: 4102444800000 }).map((t) => new Date(t).toISOString()),
  { nil: null },
);
const url = fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })), { nil: undefined });
const quote = fc.record({
  text: hugeText(),
  speaker: fc.option(nastyText(120), { nil: null }),
  role: fc.option(nastyText(300), { nil: null }),
  articleId: fc.constant('a'),
  paragraph: fc.nat(20),
  partial: fc.boolean(),
});

const article: fc.Arbitrary<Article> = fc
  .record({
    title: hugeText(),
    date,
    url,
    source: nastyText(300),
    quotes: fc.array(quote, { maxLength: 30 }),
  })
  .map((r) => ({
    id: 'a',
    title: r.title,
    date: r.date,
    dateApproximate: false,
    standfirst: null,
    dateline: null,
    headings: [],
    paragraphs: [],
    source: r.source,
    url: r.url,
    sentences: [],
    quotes: r.quotes,
    people: r.quotes.filter((q) => q.speaker).map((q) => ({ name: q.speaker!, role: q.role, kind: 'person' as const })),
  }));

const briefing: fc.Arbitrary<Briefing> = fc.record({
  topic: fc.option(nastyText(200), { nil: null }),
  generatedAt: fc.constant('2025-12-04T08:00:00.000Z'),
  items: fc.array(
    fc.record({
      articleId: fc.string({ maxLength: 60 }),
      title: hugeText(),
      date,
      source: nastyText(400),
      url,
      summary: fc.array(hugeText(), { maxLength: 5 }),
      quote: fc.option(quote, { nil: null }),
    }),
    { maxLength: 11 },
  ),
  speakers: fc.array(fc.record({ name: nastyText(100), role: fc.option(nastyText(100), { nil: null }), count: fc.nat(9) }), { maxLength: 40 }),
});

const quoteHit: fc.Arbitrary<QuoteHit> = fc.tuple(quote, hugeText(), date).map(([q, articleTitle, d]) => ({ ...q, articleTitle, date: d, score: 1 }));

const searchHit: fc.Arbitrary<SearchHit> = fc.record({
  articleId: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,60}$/), fc.string({ minLength: 101, maxLength: 140 })),
  title: hugeText(),
  score: fc.double({ noNaN: true }),
  snippet: hugeText(),
  date,
});

describe('every rendered message stays within Discord limits and mentions nobody', () => {
  it('a briefing (/brief), however long its items, quotes and speaker list', () => {
    fc.assert(
      fc.property(briefing, (b) => renderBriefing(b).forEach(expectSafeMessage)),
      RUNS,
    );
  });

  it('the daily briefing post, late or on time', () => {
    fc.assert(
      fc.property(briefing, nastyText(200), fc.boolean(), (b, label, late) =>
        renderBriefingPost(b, { dateLabel: label, late }).forEach(expectSafeMessage),
      ),
      RUNS,
    );
  });

  it('one article’s summary with date, source and everyone quoted', () => {
    fc.assert(
      fc.property(article, fc.array(hugeText(), { maxLength: 6 }), fc.constantFrom('short', 'medium', 'long' as const), (a, sentences, length) =>
        renderArticleSummary(a, { articleId: a.id, title: a.title, sentences }, length).forEach(expectSafeMessage),
      ),
      RUNS,
    );
  });

  it('quotes, with or without words and speaker', () => {
    fc.assert(
      fc.property(
        fc.array(quoteHit, { maxLength: 8 }),
        fc.option(nastyText(200), { nil: null }),
        fc.option(nastyText(100), { nil: null }),
        (hits, words, speaker) => renderQuotes(hits, { words, speaker }).forEach(expectSafeMessage),
      ),
      RUNS,
    );
  });

  it('a search page with its buttons and menu', () => {
    fc.assert(
      fc.property(
        fc.array(searchHit, { maxLength: 5 }),
        nastyText(200),
        fc.nat(9),
        fc.nat(60),
        fc.option(
          fc.string({ maxLength: 300 }).filter((t) => !/[@<]/.test(t)),
          { nil: undefined },
        ),
        (hits, query, page, total, notice) => {
          const msg = renderSearchPage({
            query,
            hits,
            page,
            pageSize: 5,
            pageCount: page + 2,
            total,
            capped: total >= 50,
            notice,
            ids: {
              prev: encodeSearchId('prev', page, 'abcdef0123', query),
              next: encodeSearchId('next', page + 1, 'abcdef0123', query),
              open: encodeSearchId('open', page, 'abcdef0123', query),
            },
            valueFor: (hit, rank) => (hit.articleId.length <= 100 ? hit.articleId : `#${rank}`),
          });
          // The notice is our own trusted wording (never article text), so it is drawn without mentions.
          expectSafeMessage(msg);
        },
      ),
      RUNS,
    );
  });

  it('help, whatever the numbers', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), date, (articles, quotes, lastChanged) =>
        expectSafeMessage(
          renderHelp({ articles, quotes, lastChanged, loadedAt: '2025-12-04T07:00:00.000Z', version: 'x' }, [{ name: 'brief', description: 'b' }]),
        ),
      ),
      RUNS,
    );
  });

  it('schedule status lists, with problems and odd topics', () => {
    const status: fc.Arbitrary<ScheduleStatus> = fc.record({
      guildId: fc.stringMatching(/^\d{18}$/),
      channelId: fc.oneof(fc.stringMatching(/^\d{18}$/), nastyText(30)),
      time: fc.constantFrom('08:00', '23:59'),
      timezone: fc.constantFrom('UTC', 'Europe/Berlin'),
      topic: fc.option(hugeText(), { nil: null }),
      articles: fc.integer({ min: 1, max: 10 }),
      announceEmpty: fc.boolean(),
      paused: fc.boolean(),
      nextPostAt: fc.option(fc.constant('2025-12-05T08:00:00.000Z'), { nil: null }),
      lastPost: fc.option(
        fc.record({
          localDate: fc.constant('2025-12-04'),
          outcome: nastyText(100),
          at: fc.constant('2025-12-04T08:00:00.000Z'),
          detail: fc.option(hugeText(), { nil: null }),
        }),
        { nil: null },
      ),
      problems: fc.array(hugeText(), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(status, { maxLength: 14 }), (list) =>
        renderScheduleStatus(list).forEach((m) => {
          // Channel mentions of real ids are intended (they never ping); everything else must be clean.
          const stripped = JSON.parse(JSON.stringify(m).replace(/<#\d{17,20}>/g, '#channel'));
          expectSafeMessage(stripped);
        }),
      ),
      RUNS,
    );
  });

  it('a masked link never renders live, wherever it falls in long text (across the escaper’s old 256-character pieces too)', () => {
    fc.assert(
      fc.property(straddlingLink(), nastyText(300), (text, more) => {
        expect(liveMaskedLinks(safeMarkdown(text))).toEqual([]);
        expect(liveMaskedLinks(safeMarkdown(`${more} ${text}`))).toEqual([]);
        const summary = { articleId: 'a', title: text, sentences: [text, more] };
        const a = {
          id: 'a',
          title: text,
          date: null,
          dateApproximate: false,
          standfirst: null,
          dateline: null,
          headings: [],
          paragraphs: [],
          source: text,
          sentences: [],
          quotes: [],
          people: [],
        };
        renderArticleSummary(a, summary, 'long').forEach(expectSafeMessage);
      }),
      { numRuns: 200 },
    );
  });

  it('notices of any length', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 5000 }).filter((s) => !/@|</.test(s)),
        (t) => expectSafeMessage(renderNotice(t)),
      ),
      RUNS,
    );
  });

  it('autocomplete choices: at most 25, names and values 1–100 characters, values unique', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: hugeText(), value: hugeText() }), { maxLength: 60 }), (choices) => {
        const out = renderChoices(choices);
        expect(out.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
        for (const c of out) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThan(0);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
        expect(new Set(out.map((c) => c.value)).size).toBe(out.length);
      }),
      RUNS,
    );
  });
});
