import { limitViolations, renderBurstSummary, renderLivePost, type LivePostArticle } from '../../src/discord/render';
import { TEASER_NOTE } from '../../src/discord/render/live-post';

const article = (over: Partial<LivePostArticle> = {}): LivePostArticle => ({
  title: 'Ceasefire talks resume in Geneva',
  url: 'https://news.example/geneva',
  source: 'Example News',
  publishedAt: '2026-11-29T14:05:00Z',
  summary: ['Negotiators met again on Sunday.', 'Both sides called the talks constructive.', 'A third sentence is left out.'],
  quote: { text: 'We are closer than ever', speaker: 'Jane Doe', role: 'UN envoy', partial: false },
  teaser: false,
  ...over,
});

describe('a live post', () => {
  it('is one message with one embed: linked title, source and time, two summary sentences, the quote with its speaker', () => {
    const msg = renderLivePost(article(), { marker: 'bb-live:abc' });
    expect(msg.embeds).toHaveLength(1);
    const [e] = msg.embeds;
    expect(e.title).toBe('Ceasefire talks resume in Geneva');
    expect(e.url).toBe('https://news.example/geneva');
    expect(e.timestamp).toBe('2026-11-29T14:05:00.000Z');
    expect(e.footer?.text).toBe('Example News · 29 Nov 2026, 14:05 UTC · bb-live:abc');
    expect(e.description).toBe(
      'Negotiators met again on Sunday. Both sides called the talks constructive.\n\n' + '> “We are closer than ever” — Jane Doe, UN envoy',
    );
    expect(msg.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('marks a teaser and says "unknown" for a quote nobody can be named for', () => {
    const e = renderLivePost(article({ teaser: true, summary: [], quote: { text: 'It is over', speaker: null, role: null, partial: false } }))
      .embeds[0];
    expect(e.description).toBe(`${TEASER_NOTE}\n\n> “It is over” — unknown`);
  });

  it('lists the other outlets as links, with brackets and parentheses unable to break the links', () => {
    const e = renderLivePost(article(), {
      alsoReportedBy: [
        { source: 'B [Live]', url: 'https://b.example/a_(b)' },
        { source: 'C', url: 'javascript:alert(1)' },
      ],
    }).embeds[0];
    expect(e.description).toMatch(/Also reported by \[B Live\]\(https:\/\/b\.example\/a_%28b%29\), C$/);
  });

  it('escapes markdown and neutralises mentions in article text', () => {
    const e = renderLivePost(article({ title: '@everyone **free** <@123>', summary: ['Click [here](https://x.example) now.'] })).embeds[0];
    expect(e.title).not.toMatch(/@everyone|\*\*free\*\*|<@123>/);
    expect(e.description).toContain('\\[here');
  });

  it('leaves out a link that is not http(s) and a broken date', () => {
    const msg = renderLivePost(article({ url: 'ftp://x.example/a', publishedAt: 'yesterday' }));
    expect(msg.embeds[0].url).toBeUndefined();
    expect(msg.embeds[0].timestamp).toBeUndefined();
    expect(msg.embeds[0].footer?.text).toBe('Example News');
  });

  it('stays within Discord’s limits however long the article text', () => {
    const long = 'word '.repeat(5000);
    const msg = renderLivePost(
      article({ title: long, source: long, summary: [long, long], quote: { text: long, speaker: long, role: long, partial: true } }),
      { alsoReportedBy: Array.from({ length: 200 }, (_, i) => ({ source: `Outlet ${i}`, url: `https://o${i}.example/story` })), marker: 'bb-live:x' },
    );
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds[0].footer?.text.endsWith('bb-live:x')).toBe(true);
    expect(msg.embeds[0].description).toMatch(/and \d+ more$/);
  });
});

describe('a burst’s summary line', () => {
  it('says how many more and where to find them, with the marker on its own small line', () => {
    const msg = renderBurstSummary({ sourceName: 'Example News', count: 180, marker: 'bb-live:s1' });
    // The source name after source: is what /search's source option resolves (the feed's title, else its host).
    expect(msg.content).toBe('…and 180 more from **Example News** (too many to post one by one) — /search source:Example News\n-# bb-live:s1');
    expect(msg.embeds).toEqual([]);
  });

  it('escapes the source name and stays within limits', () => {
    const name = `@here *${'x'.repeat(3000)}`;
    const msg = renderBurstSummary({ sourceName: name, count: 5 });
    expect(msg.content).not.toContain('@here');
    expect(limitViolations(msg)).toEqual([]);
  });
});
