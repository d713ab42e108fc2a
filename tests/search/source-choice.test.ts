// The sources /search offers and accepts: named by feed title, else host; "files" for the content folder.
import { FILES_SOURCE, matchSources, resolveSource, sourceChoices } from '../../src/briefings';

const FEED_A = 'https://harbour.example/rss';
const FEED_B = 'https://www.tidings.example/feed.xml';
const choices = sourceChoices(
  [
    { id: FEED_A, articles: 3 },
    { id: FEED_B, articles: 2 },
    { id: FILES_SOURCE, articles: 1 },
  ],
  new Map([
    [FEED_A, 'Harbour Gazette'],
    [FEED_B, null],
  ]),
);

describe('the sources /search can be narrowed to', () => {
  it('are named by the feed title, else the host without www, and files for the content folder', () => {
    expect(choices.map((c) => c.name)).toEqual(['Harbour Gazette', 'tidings.example', 'files']);
  });

  it('are found by id as picked, or by name, host or URL as typed, case and trailing slash aside', () => {
    expect(resolveSource(FEED_A, choices)?.id).toBe(FEED_A);
    expect(resolveSource('harbour gazette', choices)?.id).toBe(FEED_A);
    expect(resolveSource('  Harbour   Gazette ', choices)?.id).toBe(FEED_A);
    expect(resolveSource('harbour.example', choices)?.id).toBe(FEED_A);
    expect(resolveSource('TIDINGS.example', choices)?.id).toBe(FEED_B);
    expect(resolveSource(`${FEED_B}/`, choices)?.id).toBe(FEED_B);
    expect(resolveSource('files', choices)?.id).toBe(FILES_SOURCE);
    expect(resolveSource('content folder', choices)?.id).toBe(FILES_SOURCE);
  });

  it('are not guessed from part of a name, nor from a name two sources share', () => {
    expect(resolveSource('Harbour', choices)).toBeNull();
    expect(resolveSource('', choices)).toBeNull();
    const twins = sourceChoices(
      [
        { id: 'https://a.example/rss', articles: 1 },
        { id: 'https://b.example/rss', articles: 1 },
      ],
      new Map([
        ['https://a.example/rss', 'Daily News'],
        ['https://b.example/rss', 'Daily News'],
      ]),
    );
    expect(resolveSource('Daily News', twins)).toBeNull();
    expect(resolveSource('b.example', twins)?.id).toBe('https://b.example/rss');
  });

  it('are offered as typed: names starting with it first, then names containing it', () => {
    expect(matchSources('', choices, 25).map((c) => c.name)).toEqual(['Harbour Gazette', 'tidings.example', 'files']);
    expect(matchSources('ti', choices, 25).map((c) => c.name)).toEqual(['tidings.example']);
    expect(matchSources('h', choices, 25).map((c) => c.name)).toEqual(['Harbour Gazette']);
    expect(matchSources('f', choices, 25).map((c) => c.name)).toEqual(['files', 'tidings.example']);
    expect(matchSources('gazette', choices, 1).map((c) => c.name)).toEqual(['Harbour Gazette']);
  });
});
