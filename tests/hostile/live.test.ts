// Hostile input for live posts: whatever an admin types into a filter option, whatever a feed puts in an
// article, the filter parser only ever answers with a fix-it message, the filter and planner never throw,
// and a live post stays within Discord's limits.
import fc from 'fast-check';
import { applyFilter, describeFilter, FilterInputError, filterInput, parseFilter } from '../../src/briefings/filters';
import { planChannelRound } from '../../src/delivery/live';
import { limitViolations, renderBurstSummary, renderLivePost } from '../../src/discord/render';
import { FakeClock, makeArticle, makeSubscription, MemoryLedger } from '../delivery/live/fakes';

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.stringMatching(/^[" ,“”\u202e@*_`\\[\]()#-]{0,60}$/),
  fc.array(fc.constantFrom('"', 'peace', ' ', ',', 'talks', 'José', '\u0301', '\u202e', '@everyone', '“'), { maxLength: 60 }).map((a) => a.join('')),
);

describe('filters against hostile input', () => {
  it('parse or refuse with a FilterInputError, and what parses shows back in a form that parses the same', () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, (include, exclude, topic) => {
        let filter;
        try {
          filter = parseFilter({ include, exclude, topic });
        } catch (e) {
          expect(e).toBeInstanceOf(FilterInputError);
          return;
        }
        expect(parseFilter(filterInput(filter))).toEqual(filter);
        expect(typeof describeFilter(filter)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('tests a 2 MB article quickly', () => {
    const filter = parseFilter({ include: '"peace talks", ceasefire', exclude: 'football' });
    const body = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} talks of peace and of war, again and again.`.repeat(2));
    const started = performance.now();
    expect(applyFilter(filter, { title: 'Long', paragraphs: body }).pass).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('the planner against hostile articles', () => {
  it('skips an article whose dates cannot be read instead of posting it at any age', async () => {
    const clock = new FakeClock();
    const sub = makeSubscription(clock);
    const broken = makeArticle(clock, { publishedAt: 'yesterday-ish', seenAt: 'never' });
    const plan = await planChannelRound(sub.channelId, [{ subscription: sub, articles: [broken, makeArticle(clock)] }], {
      ledger: new MemoryLedger(),
      storyOf: () => null,
      now: clock.now(),
    });
    expect(plan.posts).toHaveLength(1);
    expect(plan.skips).toEqual([expect.objectContaining({ articleId: broken.id, reason: 'no readable date: its age cannot be told' })]);
  });
});

describe('live posts against hostile article text', () => {
  it('always fit Discord’s limits and never mention anyone', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(text, { maxLength: 4 }),
        text,
        fc.array(fc.record({ source: text, url: text }), { maxLength: 30 }),
        (title, source, summary, quote, others) => {
          const msg = renderLivePost(
            {
              title,
              source,
              url: quote,
              publishedAt: title,
              summary,
              quote: { text: quote, speaker: source, role: title, partial: true },
              teaser: true,
            },
            { alsoReportedBy: others, marker: 'bb-live:x' },
          );
          expect(limitViolations(msg)).toEqual([]);
          expect(msg.allowedMentions.parse).toEqual([]);
          const line = renderBurstSummary({ sourceName: source, count: 3, marker: 'bb-live:y' });
          expect(limitViolations(line)).toEqual([]);
          expect(line.content).not.toMatch(/@(everyone|here)/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
