// Hostile input to /sources' answers: whatever a feed calls itself, whatever status line or failure reason it
// earns, and however many subscriptions a server piles up, the list and the notices stay within Discord's
// limits and ping nobody; the URL check refuses everything but http(s).
import fc from 'fast-check';
import { parseFilter } from '../../src/briefings';
import { feedUrl } from '../../src/commands/sources';
import { limitViolations } from '../../src/discord/render/limits';
import { renderAddRefused, renderBadSourceUrl, renderSourceAdded, renderSourcesList } from '../../src/discord/render/sources';

const text = fc.string({ unit: 'binary', maxLength: 3000 });

describe('/sources answers under hostile input', () => {
  it('keep every message within limits and mention-free, for any titles, statuses, reasons and subscription counts', () => {
    fc.assert(
      fc.property(text, text, text, fc.integer({ min: 0, max: 60 }), (title, status, reason, subs) => {
        const sources = [
          { url: `https://x.example/${encodeURIComponent(title.slice(0, 50))}`, title, scope: 'server' as const, status, disabledReason: reason },
        ];
        const subscriptions = Array.from({ length: subs }, (_, i) => ({
          channelId: String(100000000000000000n + BigInt(i)),
          feedUrl: sources[0].url,
          filter: parseFilter({ include: 'ukraine, "peace talks"' }),
          firstPolledAt: i % 2 ? null : '2026-11-29T12:00:00Z',
          stoppedReason: i % 3 ? null : reason,
        }));
        const messages = [
          ...renderSourcesList(sources, subscriptions),
          renderAddRefused(title, reason),
          renderBadSourceUrl(title),
          renderSourceAdded({ source: sources[0], discoveredFrom: title }),
        ];
        for (const m of messages) {
          expect(limitViolations(m)).toEqual([]);
          expect(m.allowedMentions.parse).toEqual([]);
          expect(m.content ?? '').not.toMatch(/@(everyone|here)/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('accepts only http and https URLs', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.example/f', 'data:text/xml,<rss/>', 'not a url', '']) {
      expect(feedUrl(bad)).toBeNull();
    }
    expect(feedUrl(' https://x.example/feed ')).toBe('https://x.example/feed');
  });
});
