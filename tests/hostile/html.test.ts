// Hostile pages for the page reader: whatever the bytes, readHtml returns (never throws) and in bounded time.
import fc from 'fast-check';
import { readHtml, MAX_PAGE_CHARS } from '../../src/briefings/articles/html';

const PARAGRAPH = '<p>The committee met for three hours on Tuesday and agreed a budget for the coming year, officials said.</p>';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('the page reader on hostile input', () => {
  it.each([
    ['an empty string', ''],
    ['plain text', 'just some words, no markup at all'],
    ['control bytes and NULs', '\u0000\u0001\u0002<p>\u0000</p>\uffff'],
    ['unclosed tags', '<html><body><div><p>open <b>bold <i>italic <article><p>more'],
    ['only scripts and styles', '<script>alert(1)</script><style>p{}</style><noscript>enable js</noscript>'],
    ['broken JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle","headline":</script><p>x</p>'],
    ['JSON-LD that is not an object', '<script type="application/ld+json">42</script><script type="application/ld+json">null</script>'],
    ['a comment that never closes', `<body>${PARAGRAPH}<!-- and then nothing`],
    ['a <time> with nonsense', '<time datetime="99999-99-99">x</time><time datetime="0">y</time>'],
  ])('reads %s without throwing and flags it as a teaser', (_name, html) => {
    const page = readHtml(html, null);
    expect(page.teaser).toBe(true);
    expect(typeof page.text).toBe('string');
  });

  it('reads 5,000 nested elements in bounded time', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}${PARAGRAPH.repeat(5)}${'</div>'.repeat(5000)}</body></html>`;
    const { value, ms } = timed(() => readHtml(html, null));
    expect(value.text).toContain('agreed a budget');
    expect(ms).toBeLessThan(10_000);
  });

  it('cuts a page beyond the size cap instead of parsing all of it', () => {
    const filler = `<div class="row"><span>cell</span></div>`.repeat(Math.ceil((MAX_PAGE_CHARS * 1.5) / 40));
    const html = `<html><body><article>${PARAGRAPH.repeat(5)}</article>${filler}</body></html>`;
    expect(html.length).toBeGreaterThan(MAX_PAGE_CHARS);
    const { value, ms } = timed(() => readHtml(html, null));
    expect(value.text).toContain('agreed a budget');
    expect(ms).toBeLessThan(20_000);
  });

  it('never throws on arbitrary markup-like strings', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div class="caption">',
        '</div>',
        '<h2>',
        '</h2>',
        '<a href="x">',
        '</a>',
        '<br>',
        '<table><tr><td>',
        '<li>',
        '<script>',
        '<!--',
        '&amp;',
        '&#x0;',
        '<time datetime="2019-01-01">',
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const page = readHtml(parts.join(''), 'https://example.com/a');
        expect(page.text.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});
