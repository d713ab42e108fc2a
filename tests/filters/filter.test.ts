import {
  applyFilter,
  describeFilter,
  filterInput,
  FilterInputError,
  MAX_TERMS,
  parseFilter,
  type FilterableArticle,
} from '../../src/briefings/filters';

const article = (title: string, body: string[] = [], extra: Partial<FilterableArticle> = {}): FilterableArticle => ({
  title,
  paragraphs: body,
  ...extra,
});

describe('parsing what an admin types', () => {
  it('reads comma- or space-separated words and "quoted phrases", folded like search words', () => {
    const f = parseFilter({ include: 'Ukraine, "Peace Talks"  NATO', exclude: 'Sport' });
    expect(f.include.map((t) => t.words)).toEqual([['ukraine'], ['peace', 'talks'], ['nato']]);
    expect(f.exclude.map((t) => t.words)).toEqual([['sport']]);
  });

  it('accepts curly quotes and folds accents', () => {
    const f = parseFilter({ include: '“José Mujica”, Zürich' });
    expect(f.include.map((t) => t.words)).toEqual([['jose', 'mujica'], ['zurich']]);
  });

  it('drops repeated terms', () => {
    expect(parseFilter({ include: 'nato, NATO, "nato"' }).include).toHaveLength(1);
  });

  it.each([
    ['an unclosed quote', { include: 'ukraine, "peace talks' }, /never closed/],
    ['an empty phrase', { include: 'ukraine, ""' }, /empty pair of quotes/],
    ['punctuation only', { exclude: '!!!' }, /no letters or digits/],
    ['too long', { include: 'a'.repeat(301) }, /under 300/],
    ['too many terms', { include: Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(', ') }, /at most 20/],
    ['the same word in both lists', { include: 'nato', exclude: 'NATO' }, /both included and excluded/],
    ['a topic of punctuation only', { topic: '?!' }, /no words search can look for/],
    ['an overlong topic', { topic: 'x'.repeat(201) }, /under 200/],
  ])('refuses %s with a message saying what to fix', (_what, input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterInputError);
    expect(() => parseFilter(input)).toThrow(message);
  });

  it('shows the filter back in one canonical line that parses to the same filter', () => {
    const f = parseFilter({ include: ' Ukraine ,"peace   talks"', exclude: 'sport', topic: '  Election  results ' });
    expect(describeFilter(f)).toBe('include: ukraine, "peace talks" · exclude: sport · topic: Election results');
    expect(parseFilter(filterInput(f))).toEqual(f);
    expect(describeFilter(parseFilter({}))).toBe('');
  });
});

describe('testing an article against a filter', () => {
  it('passes everything when the filter is empty', () => {
    expect(applyFilter(parseFilter({}), article('Anything at all'))).toEqual({ pass: true });
  });

  it('matches whole words only, case- and accent-insensitively', () => {
    const f = parseFilter({ include: 'cat, jose' });
    expect(applyFilter(f, article('Concatenation rules')).pass).toBe(false);
    expect(applyFilter(f, article('A CAT in parliament')).pass).toBe(true);
    expect(applyFilter(f, article('Interview', ['José said it was fine.'])).pass).toBe(true);
  });

  it('treats punctuation around and inside words as search does', () => {
    const f = parseFilter({ include: 'zelensky' });
    expect(applyFilter(f, article('Zelensky’s visit to Kyiv')).pass).toBe(true);
    expect(applyFilter(f, article('“Zelensky!” they shouted')).pass).toBe(true);
  });

  it('needs a phrase’s words in a row within one paragraph', () => {
    const f = parseFilter({ include: '"peace talks"' });
    expect(applyFilter(f, article('Peace talks resume')).pass).toBe(true);
    expect(applyFilter(f, article('Talks of peace resume')).pass).toBe(false);
    expect(applyFilter(f, article('Hopes of peace', ['Talks resume'])).pass).toBe(false);
  });

  it('needs any one include term and no exclude term, saying which rule stopped an article', () => {
    const f = parseFilter({ include: 'ukraine, russia', exclude: '"world cup"' });
    expect(applyFilter(f, article('Russia and the World Cup'))).toEqual({ pass: false, reason: 'excluded word "world cup"' });
    expect(applyFilter(f, article('Budget vote'))).toEqual({ pass: false, reason: 'none of the included words' });
    expect(applyFilter(f, article('Ukraine grain deal')).pass).toBe(true);
  });

  it('reads the standfirst, body and tags as well as the title', () => {
    const f = parseFilter({ exclude: 'sport' });
    expect(applyFilter(f, article('Results', [], { standfirst: 'All the sport from today' })).pass).toBe(false);
    expect(applyFilter(f, article('Results', [], { tags: ['Sport'] })).pass).toBe(false);
    expect(applyFilter(f, article('Results', ['Markets fell'])).pass).toBe(true);
  });

  it('needs every searchable word of the topic, stopwords aside', () => {
    const f = parseFilter({ topic: 'the election results' });
    expect(f.topicWords).toEqual(['election', 'results']);
    expect(applyFilter(f, article('Election results are in')).pass).toBe(true);
    expect(applyFilter(f, article('Election called')).pass).toBe(false);
  });

  it('keeps a topic made only of stopwords, as search does ("The Who")', () => {
    const f = parseFilter({ topic: 'The Who' });
    expect(f.topicWords).toEqual(['the', 'who']);
    expect(applyFilter(f, article('The Who announce a tour')).pass).toBe(true);
    expect(applyFilter(f, article('Who is next?')).pass).toBe(false);
  });
});
