import { SlugRegistry, slugify } from '../../src/briefings/slug';

describe('article ids', () => {
  it('are the title as a lower-case slug without punctuation', () => {
    expect(slugify("Rubio says 'some progress' made in US-Russia talks on Ukraine")).toBe(
      'rubio-says-some-progress-made-in-us-russia-talks-on-ukraine',
    );
  });

  it('drop accents and keep only ascii letters and digits', () => {
    expect(slugify('Zelensky’s café: 5 things — “naïve” Ελλάδα')).toBe('zelenskys-cafe-5-things-naive');
  });

  it('are cut at a word boundary when the title is long', () => {
    const id = slugify('word '.repeat(40));
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id.endsWith('-')).toBe(false);
    expect(id.split('-').every((w) => w === 'word')).toBe(true);
  });

  it('fall back to "article" for a title with no letters', () => {
    expect(slugify('!!! ???')).toBe('article');
  });

  it('are unique within a library: a repeated title gets a number', () => {
    const reg = new SlugRegistry();
    expect(reg.claim('Same title')).toBe('same-title');
    expect(reg.claim('Same title')).toBe('same-title-2');
    expect(reg.claim('Same title')).toBe('same-title-3');
  });

  it('keep a reserved id and hand out a released one again', () => {
    const reg = new SlugRegistry();
    reg.reserve('same-title');
    expect(reg.claim('Same title')).toBe('same-title-2');
    reg.release('same-title');
    expect(reg.claim('Same title')).toBe('same-title');
  });
});
