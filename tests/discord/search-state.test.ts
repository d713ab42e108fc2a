import fc from 'fast-check';
import { decodeSearchId, encodeSearchId, queryFromFooter, shortHash, FOOTER_QUERY_MARK } from '../../src/discord/render/search-state';
import { neutraliseMentions } from '../../src/discord/render/text';

describe('search paging state in custom ids', () => {
  it('carries action, page, library version and a short query in the id itself', () => {
    const id = encodeSearchId('next', 3, 'abcdef0123456', 'ceasefire talks');
    expect(id).toBe('search:n:3:abcdef01:=ceasefire talks');
    expect(decodeSearchId(id)).toEqual({
      action: 'next',
      page: 3,
      version: 'abcdef01',
      query: 'ceasefire talks',
      queryHash: shortHash('ceasefire talks'),
      sourceKey: null,
    });
  });

  it('keeps the source filter as a short key, and still reads ids made before there was one', () => {
    const id = encodeSearchId('next', 1, 'abcdef0123456', 'ferry', shortHash('https://harbour.example/rss'));
    expect(id).toBe(`search:n:1:abcdef01:@${shortHash('https://harbour.example/rss')}:=ferry`);
    expect(decodeSearchId(id)).toMatchObject({ page: 1, query: 'ferry', sourceKey: shortHash('https://harbour.example/rss') });
    expect(decodeSearchId('search:p:0:abcdef01:=@x:y')).toMatchObject({ query: '@x:y', sourceKey: null });
    const long = 'word '.repeat(30).trim();
    const hashed = encodeSearchId('open', 2, 'v', long, 'abc');
    expect(hashed.length).toBeLessThanOrEqual(100);
    expect(decodeSearchId(hashed)).toMatchObject({ query: null, queryHash: shortHash(long), sourceKey: 'abc' });
  });

  it('carries a hash instead when the query does not fit in 100 characters', () => {
    const query = 'word '.repeat(30).trim();
    const id = encodeSearchId('prev', 0, 'v', query);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeSearchId(id)).toMatchObject({ action: 'prev', page: 0, query: null, queryHash: shortHash(query) });
  });

  it('round-trips any query, page and source key, always within 100 characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('prev', 'next', 'open' as const),
        fc.nat(9999),
        fc.stringMatching(/^[0-9a-f]{1,12}$/),
        fc.string({ maxLength: 200 }),
        fc.option(fc.stringMatching(/^[0-9a-z]{1,7}$/), { nil: null }),
        (action, page, version, query, sourceKey) => {
          const id = encodeSearchId(action, page, version, query, sourceKey);
          expect(id.length).toBeLessThanOrEqual(100);
          const state = decodeSearchId(id)!;
          expect(state).toMatchObject({ action, page, version: version.slice(0, 8), sourceKey });
          expect(state.query === null || state.query === query).toBe(true);
          expect(state.queryHash).toBe(shortHash(query));
        },
      ),
    );
  });

  it('refuses ids it did not make', () => {
    for (const id of ['search', 'search:x:1:v:=q', 'search:n:one:v:=q', 'search:n:1:v:#NOT-A-HASH', 'other:n:1:v:=q']) {
      expect(decodeSearchId(id)).toBeNull();
    }
  });

  it('recovers a long query from the page footer, undoing the mention guard', () => {
    const query = 'what did @everyone say about <@&123>';
    const footer = `Page 1 of 2 · 7 results${FOOTER_QUERY_MARK}${neutraliseMentions(query)}`;
    expect(queryFromFooter(footer)).toBe(query);
    expect(queryFromFooter('Page 1 of 2')).toBeNull();
  });
});
