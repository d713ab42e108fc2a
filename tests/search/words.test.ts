import { decodeSortedLists, encodeSortedLists } from '../../src/briefings/search/codec';
import { fold, queryWords, terms, wordSpans } from '../../src/briefings/search/tokenize';
import { Vocabulary } from '../../src/briefings/search/vocabulary';

describe('words as the search sees them', () => {
  it('folds case and accents and splits on anything that is not a letter or digit', () => {
    expect(terms('Zelensky’s plan: José Ramos-Horta, 28-point')).toEqual(['zelensky', 'plan', 'jose', 'ramos', 'horta', '28', 'point']);
    expect(fold('ÉCOLE')).toBe('ecole');
  });

  it('drops stopwords and one-letter words from what is indexed', () => {
    expect(terms('The war in a country of 5 regions')).toEqual(['war', 'country', 'regions']);
  });

  it('treats the last query word as unfinished unless the query ends in a space or punctuation', () => {
    expect(queryWords('security guar')).toEqual([
      { term: 'security', prefix: false },
      { term: 'guar', prefix: true },
    ]);
    expect(queryWords('security guar ').map((w) => w.prefix)).toEqual([false, false]);
    expect(queryWords('the who').map((w) => w.term)).toEqual(['the', 'who']);
  });
});

describe('the vocabulary', () => {
  const v = new Vocabulary();
  for (const t of ['security', 'secure', 'insecurity', 'guarantees', 'guaranteed', 'ukraine', 'trump', 'zelensky', 'pokrovsk']) v.intern(t);
  v.seal();
  const typos = (w: string) => v.typos(w, 5).map((e) => v.term(e.term));

  it('corrects one typo in a word with fuse.js: deletion, insertion, substitution', () => {
    expect(typos('securty')[0]).toBe('security');
    expect(typos('guaranteees')[0]).toMatch(/^guarantee/);
    expect(typos('zelenski')[0]).toBe('zelensky');
  });

  it('corrects swapped neighbouring letters', () => {
    expect(typos('ukriane')).toContain('ukraine');
    expect(typos('trmup')).toContain('trump');
  });

  it('leaves two-letter words and far-off words alone', () => {
    expect(typos('wa')).toEqual([]);
    expect(typos('banana')).toEqual([]);
  });

  it('completes prefixes, most frequent first', () => {
    const df = (id: number) => (v.term(id) === 'guaranteed' ? 5 : 1);
    expect(v.completions('guar', 5, df).map((id) => v.term(id))).toEqual(['guaranteed', 'guarantees']);
  });

  it('restores from a snapshot and still finds terms, corrections and completions', () => {
    const restored = Vocabulary.fromSnapshot(v.toSnapshot());
    expect(restored.idOf('pokrovsk')).toBe(v.idOf('pokrovsk'));
    expect(restored.typos('pokrovks', 3).map((e) => restored.term(e.term))).toContain('pokrovsk');
    expect(restored.completions('insec', 3, () => 1).map((id) => restored.term(id))).toEqual(['insecurity']);
    const added = restored.intern('kharkiv');
    expect(restored.idOf('kharkiv')).toBe(added);
    expect(restored.typos('kharkov', 3).map((e) => restored.term(e.term))).toContain('kharkiv');
  });
});

describe('posting list encoding', () => {
  it('round-trips ascending lists of any gaps', () => {
    const offsets = Int32Array.from([0, 3, 3, 6]);
    const values = Int32Array.from([0, 5, 1_000_000, 2, 130, 2_000_000_000]);
    expect(Array.from(decodeSortedLists(offsets, encodeSortedLists(offsets, values)))).toEqual(Array.from(values));
  });
});

describe('letters beyond the first Unicode plane', () => {
  it('are cut into the same words whichever path reads them (a combining mark nearby or not)', () => {
    // Seed 2077702318 of the filter round-trip property: "ࠛ𐊠" gave the word "𐊠", and "𐊠" alone gave none.
    expect(wordSpans('𐊠').map((w) => w.term)).toEqual(['𐊠']);
    expect(wordSpans('ࠛ𐊠').map((w) => w.term)).toEqual(['𐊠']);
    expect(terms('the 𠜎𠜱 family')).toEqual(['𠜎𠜱', 'family']);
  });
});
