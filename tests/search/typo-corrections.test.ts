import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Vocabulary } from '../../src/briefings/search/vocabulary';
import { correctionLines, madeUpTerms, misspeltWords, typoVocabulary } from '../helpers/typo-words';

// The corrections of 3,000 misspelt words over a made-up vocabulary of 20,300 terms (300 added after the last seal),
// pinned as fuse.js gave them when the vocabulary built a Fuse per word (main a4166fb): any change to which terms
// are offered, their weights (to the last digit) or their order fails here.
const PINNED = 'typo-corrections.txt.gz';

function pinned(): string[] {
  const text = gunzipSync(readFileSync(join(__dirname, '../fixtures/search', PINNED))).toString('utf8');
  return text.trimEnd().split('\n');
}

/** The lines that differ (at most `max`), to show what changed rather than only that something did. */
function differences(got: string[], want: string[], max = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length) && out.length < max; i++)
    if (got[i] !== want[i]) out.push(`word ${i}: got "${got[i]}", pinned "${want[i]}"`);
  return out;
}

describe('typo corrections', () => {
  const vocab = typoVocabulary(20000, 300, 13);
  const words = misspeltWords(madeUpTerms(20300, 13), 3000, 7);

  it('offer the same terms, weights and order as pinned, for 3,000 misspelt words', () => {
    const want = pinned();
    expect(want).toHaveLength(3000);
    // The pinned answers are not trivial: most words get a correction, and some fill the limit of 12.
    expect(want.filter((l) => l.includes(':')).length).toBeGreaterThan(2000);
    expect(want.filter((l) => l.split(' ').length === 13).length).toBeGreaterThan(50);
    expect(differences(correctionLines(vocab, words, 12), want)).toEqual([]);
  });

  it('are the same from a vocabulary restored from its snapshot', () => {
    const restored = Vocabulary.fromSnapshot(vocab.toSnapshot());
    const sample = words.slice(0, 600);
    expect(correctionLines(restored, sample, 12)).toEqual(pinned().slice(0, 600));
  });
});
