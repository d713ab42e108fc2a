// Hostile text against the renderer (issue 11, #5 and #17a): a masked link must never reach Discord live,
// however long the text around it, and bidi override/isolate characters never reach a message at all.
import type { Article, Summary } from '../../src/briefings/types';
import { renderArticleSummary, renderChoices, renderQuotes, safeMarkdown, safePlain } from '../../src/discord/render';
import { message } from '../../src/discord/render/message';
import { renderSearchPage } from '../../src/discord/render';
import { decodeSearchId, encodeSearchId, queryFromFooter, shortHash } from '../../src/discord/render/search-state';
import { BIDI_CONTROL, liveMaskedLinks, markdownTextsOf, textsOf } from '../fixtures/discord/checks';

const LINK = '[click here for free nitro](https://evil.example/steal)';

/** `before` characters of ordinary words, then the link, then more words. */
function textWithLinkAt(before: number): string {
  const words = 'the council met again on tuesday and ';
  const lead = words.repeat(Math.ceil(before / words.length)).slice(0, before);
  return `${lead}${LINK} ${words.repeat(12)}`;
}

function articleWith(title: string): Article {
  return {
    id: 'a',
    title,
    date: null,
    dateApproximate: false,
    standfirst: null,
    dateline: null,
    headings: [],
    paragraphs: [],
    source: 's.md',
    sentences: [],
    quotes: [],
    people: [],
  };
}

describe('a masked link in article text never renders as a live link (#5)', () => {
  it('is escaped wherever it starts, including across the 256-character pieces the escaper used to cut', () => {
    for (let at = 0; at <= 600; at++) {
      const out = safeMarkdown(textWithLinkAt(at));
      expect({ at, live: liveMaskedLinks(out) }).toEqual({ at, live: [] });
    }
  });

  it('is escaped inside one long word (no whitespace to cut at) and inside a URL', () => {
    const glued = `${'x'.repeat(240)}${LINK}${'y'.repeat(300)}`;
    expect(liveMaskedLinks(safeMarkdown(glued))).toEqual([]);
    expect(liveMaskedLinks(safeMarkdown(`https://news.example/a/${LINK}`))).toEqual([]);
  });

  it('is escaped when the link text holds a sentence break (quotes are escaped sentence by sentence)', () => {
    const [msg] = renderQuotes(
      [
        {
          text: `Go to [Click here. Free nitro for all](https://evil.example/steal) now.`,
          speaker: 'A',
          role: null,
          articleId: 'a',
          paragraph: 0,
          partial: false,
          articleTitle: 't',
          date: null,
          score: 1,
        },
      ],
      {},
    );
    for (const t of markdownTextsOf(msg)) expect(liveMaskedLinks(t)).toEqual([]);
  });

  it('reaches a /brief article: embed only as literal text', () => {
    const sentences = [textWithLinkAt(250), textWithLinkAt(1000)];
    const summary: Summary = { articleId: 'a', title: 't', sentences };
    for (const msg of renderArticleSummary(articleWith('Title'), summary, 'long')) {
      for (const t of markdownTextsOf(msg)) expect(liveMaskedLinks(t)).toEqual([]);
      expect(msg.embeds.map((e) => e.description).join(' ')).toContain('click here for free nitro');
    }
  });

  it('keeps markdown escaping linear: ten times the text costs about ten times the time, not a hundred', () => {
    // A ratio, not a deadline: a loaded machine slows both runs alike, while quadratic escaping would be ~100x.
    const unit = '*a* _b_ `c` ~~d~~ ||e|| [f](https://g.example/h_i) \\ # - 1. ';
    const timeOf = (repeats: number): number => {
      const text = unit.repeat(repeats);
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        const out = safeMarkdown(text);
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
        expect(out.length).toBeGreaterThan(text.length);
      }
      return best;
    };
    const small = timeOf(4_000);
    const large = timeOf(40_000);
    expect(large / Math.max(small, 0.5)).toBeLessThan(35);
  });

  it('leaves URLs clickable: no backslash inside a link’s underscores or stars', () => {
    expect(safeMarkdown('see https://example.com/some_path/a*b for _more_')).toBe('see https://example.com/some_path/a*b for \\_more\\_');
  });
});

describe('bidi override and isolate characters never reach a message (#17a)', () => {
  const OVERRIDES = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('strips every one of U+202A–U+202E and U+2066–U+2069 from markdown and plain text', () => {
    for (const c of OVERRIDES) {
      expect(safeMarkdown(`Invoice ${c}fdp.exe`)).toBe('Invoice fdp.exe');
      expect(safePlain(`Invoice ${c}fdp.exe`)).toBe('Invoice fdp.exe');
    }
  });

  it('keeps the left-to-right and right-to-left marks (U+200E, U+200F) that Arabic and Hebrew text needs', () => {
    expect(safePlain('שלום\u200f (2025)')).toBe('שלום\u200f (2025)');
    expect(safeMarkdown('\u200eنص\u200f')).toBe('\u200eنص\u200f');
  });

  it('strips them from every text of a rendered article: title, description, fields, footer', () => {
    const a = {
      ...articleWith('\u202eRLO title'),
      source: 'feed\u2067.md',
      quotes: [{ text: 'Hi.', speaker: 'Ana\u202e', role: null, articleId: 'a', paragraph: 0, partial: false }],
    };
    for (const msg of renderArticleSummary(a, { articleId: 'a', title: 't', sentences: ['\u202dSummary.'] }, 'short')) {
      for (const t of textsOf(msg)) expect(t).not.toMatch(BIDI_CONTROL);
    }
  });

  it('a long search query with one still pages: the footer it is read back from and the id’s hash agree', () => {
    const query = `ceasefire talks \u202eresume${' again'.repeat(20)}`;
    const ids = {
      prev: encodeSearchId('prev', 0, 'v1', query),
      next: encodeSearchId('next', 1, 'v1', query),
      open: encodeSearchId('open', 0, 'v1', query),
    };
    const hit = { articleId: 'a', title: 'Talks', score: 1, snippet: 'Talks resume.', date: null };
    const page = renderSearchPage({
      query,
      hits: [hit],
      page: 0,
      pageSize: 5,
      pageCount: 2,
      total: 6,
      capped: false,
      ids,
      valueFor: (h) => h.articleId,
    });
    const footerQuery = queryFromFooter(page.embeds[0].footer!.text);
    expect(footerQuery).not.toMatch(BIDI_CONTROL);
    expect(shortHash(footerQuery!)).toBe(decodeSearchId(ids.next)!.queryHash);
  });

  it('strips them from our own wording and autocomplete choices too, keeping values as they are', () => {
    const msg = message({ content: 'Done \u202e', embeds: [{ title: '\u2066x', fields: [{ name: '\u202e', value: '\u2069' }] }] });
    for (const t of textsOf(msg)) expect(t).not.toMatch(BIDI_CONTROL);
    expect(msg.embeds[0].fields![0]).toEqual({ name: '—', value: '—' });
    expect(renderChoices([{ name: 'Budget \u202evote', value: 'budget-vote' }])).toEqual([{ name: 'Budget vote', value: 'budget-vote' }]);
  });
});
