import * as iconv from 'iconv-lite';
import { decodeBytes } from '../../src/sources/decode';
import { forbiddenLiteralReason } from '../../src/sources/http/addresses';

describe('decoding bytes: BOM, then HTTP charset, then the document, else UTF-8', () => {
  const xml = (encoding: string | null, body: string) =>
    `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss><channel><title>${body}</title></channel></rss>`;

  it('lets a byte-order mark win over every declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml('ISO-8859-1', 'Zürich'), 'utf8')]);
    expect(decodeBytes(bytes, 'text/xml; charset=windows-1251')).toMatchObject({ encoding: 'utf8', note: null });
    expect(decodeBytes(bytes, null).text).toContain('<title>Zürich</title>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('UTF-16', 'Zürich'), 'utf16le')]);
    expect(decodeBytes(utf16, 'application/xml').text).toContain('<title>Zürich</title>');
  });

  it('prefers the HTTP charset to the XML declaration', () => {
    const bytes = iconv.encode(xml('ISO-8859-1', 'Новости'), 'windows-1251');
    expect(decodeBytes(bytes, 'application/rss+xml; charset="windows-1251"').text).toContain('Новости');
  });

  it('uses the XML declaration when HTTP names no charset, and UTF-8 when nothing does', () => {
    expect(decodeBytes(iconv.encode(xml('iso-8859-1', 'Café'), 'latin1'), 'application/xml').text).toContain('Café');
    expect(decodeBytes(Buffer.from(xml(null, 'Café — “quoted”')), null)).toMatchObject({ encoding: 'utf8', note: null });
  });

  it('skips an unknown charset name with a note', () => {
    const decoded = decodeBytes(Buffer.from(xml(null, 'Café')), 'text/xml; charset=klingon-8');
    expect(decoded.text).toContain('Café');
    expect(decoded.note).toBe('unknown charset "klingon-8" in the HTTP Content-Type');
  });

  it('reads an HTML page’s <meta charset>', () => {
    const page = iconv.encode('<html><head><meta charset="windows-1251"></head><body>Привет</body></html>', 'windows-1251');
    expect(decodeBytes(page, 'text/html').text).toContain('Привет');
  });
});

describe('literal addresses', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['10.0.0.1', 'a private address'],
    ['172.16.5.4', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.100.0.1', 'a carrier-grade NAT address'],
    ['0.0.0.0', 'a "this network" address'],
    ['[::]', 'the unspecified address'],
    ['[::1]', 'a loopback address'],
    ['[fe80::1]', 'a link-local address'],
    ['[::ffff:7f00:1]', 'an IPv4-mapped loopback address'],
    ['[::ffff:10.0.0.1]', 'an IPv4-mapped private address'],
  ])('%s is %s', (host, reason) => {
    expect(forbiddenLiteralReason(host)).toBe(reason);
  });

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '[2606:4700::1111]', '[::ffff:93.184.216.34]', 'news.example'])(
    '%s is allowed (public, or a name checked at connect time)',
    (host) => {
      expect(forbiddenLiteralReason(host)).toBeNull();
    },
  );
});
