// The registry's name runs with each token's kind asked once (issue 13, first load) are the runs the step-by-step
// reading gave, which asked a run's first and last words twice: checked against that reading on generated text.
import fc from 'fast-check';
import { nameRuns, readCapitals, Registry, runWord } from '../../src/briefings/quotes/registry';
import { REPORTING_VERBS } from '../../src/briefings/quotes/lexicon';
import { opensSentence, personThenOf } from '../../src/briefings/quotes/run-edges';
import { isCapitalised, isPossessive, stripPossessive, tokenize, type Token } from '../../src/briefings/text/names';

const CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'da', 'du', 'del', 'der', 'la', 'le']);

/** nameRuns as it read before: runWord asked afresh at every step. */
function referenceRuns(tokens: readonly Token[]) {
  const runs: { words: string[]; possessives: string[][]; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (runWord(tokens[i].text) === 0) {
      i++;
      continue;
    }
    const words: string[] = [];
    const possessives: string[][] = [];
    let segStart = 0;
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j].text;
      if (!(j === i || tokens[j].start - tokens[j - 1].end <= 1)) break;
      if (runWord(t) !== 0) {
        words.push(t);
        if (isPossessive(t) && isCapitalised(t)) {
          possessives.push(words.slice(segStart));
          segStart = words.length;
        }
        j++;
        continue;
      }
      if (
        CONNECTORS.has(t) &&
        words.length &&
        isCapitalised(words[words.length - 1]) &&
        j + 1 < tokens.length &&
        runWord(tokens[j + 1].text) === 1 &&
        !personThenOf(words, t)
      ) {
        words.push(t);
        j++;
        continue;
      }
      break;
    }
    const verbFirst = words.length > 2 && opensSentence(tokens, i) && REPORTING_VERBS.has(words[0].toLowerCase());
    if (verbFirst && runWord(tokens[i + 1].text) === 1) words.shift();
    while (words.length && !isCapitalised(words[words.length - 1])) words.pop();
    if (words.length) runs.push({ words, possessives: possessives.filter((p) => p.length && p.length <= words.length), end: j });
    i = Math.max(j, i + 1);
  }
  return runs;
}

const WORDS = [
  'Marco',
  'Rubio',
  'Rubio’s',
  "Trump's",
  'US',
  'Secretary',
  'of',
  'State',
  'de',
  'Gaulle',
  'president',
  'former',
  'senior',
  'Russian',
  'said',
  'the',
  'The',
  'Moreover',
  'Sen.',
  'Mr.',
  'Kremlin-backed',
  'pro-Kremlin',
  'son-in-law',
  'Jared',
  'Kushner',
  ',',
  '.',
  '(',
  ')',
  '“',
  '”',
  'minister',
  'spokesman’s',
  'Foreign',
  'Ministry',
  'van',
  'Dijk',
  'Said',
  'Sarah',
];

describe('name runs', () => {
  it('are the same runs, words and possessives as the step-by-step reading', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '  ', '\n')), { maxLength: 40 }), (parts) => {
        const tokens = tokenize(parts.map(([w, gap]) => w + gap).join(''));
        expect(nameRuns(tokens)).toEqual(referenceRuns(tokens));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a role, a connector and a possessive as before', () => {
    const tokens = tokenize('Former US Secretary of State Marco Rubio’s son-in-law Jared Kushner said.');
    expect(nameRuns(tokens)).toEqual(referenceRuns(tokens));
    expect(nameRuns(tokens)[0].words).toEqual(['Former', 'US', 'Secretary', 'of', 'State', 'Marco', 'Rubio’s', 'son-in-law', 'Jared', 'Kushner']);
  });

  it('kinds and mid-sentence capitals read in one pass are runWord of each token and the words the registry collected', () => {
    const openers = new Set(['.', '!', '?', ':', ';', '"', '“', '”', "'", '‘', '’', '\u2014', '\u2013', '(', '-']);
    /** The registry's first reading: a capitalised word not opening a sentence, or one a speech verb (or an appositive and one) follows. */
    function referenceMidSentence(tokens: readonly Token[]): Set<string> {
      const out = new Set<string>();
      tokens.forEach((tok, k) => {
        if (!isCapitalised(tok.text)) return;
        const afterBoundary = k === 0 || openers.has(tokens[k - 1].text);
        let speaks = REPORTING_VERBS.has(tokens[k + 1]?.text ?? '');
        if (!speaks && tokens[k + 1]?.text === ',') {
          for (let j = k + 2; j < tokens.length && j - (k + 1) <= 15; j++) {
            if (tokens[j].text === ',') {
              speaks = REPORTING_VERBS.has(tokens[j + 1]?.text ?? '');
              break;
            }
            if (/^[.;:!?]$/.test(tokens[j].text)) break;
          }
        }
        if (!afterBoundary || speaks) out.add(stripPossessive(tok.text).toLowerCase());
      });
      return out;
    }
    const words = fc.constantFrom(...WORDS, 'stated', 'says', 'his', 'lawyer', 'Tiegen');
    fc.assert(
      fc.property(fc.array(fc.tuple(words, fc.constantFrom(' ', ' ', '\n')), { maxLength: 40 }), (parts) => {
        const tokens = tokenize(parts.map(([w, gap]) => w + gap).join(''));
        const mid = new Set<string>();
        expect([...readCapitals(tokens, mid)]).toEqual(tokens.map((t) => runWord(t.text)));
        expect([...mid].sort()).toEqual([...referenceMidSentence(tokens)].sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the role and name of a run, split once per thread', () => {
  /** A fresh copy of the registry module: its cache of split runs empty. */
  function freshRegistry(): typeof Registry {
    let fresh: typeof Registry | null = null;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the module, on purpose
      fresh = (require('../../src/briefings/quotes/registry') as { Registry: typeof Registry }).Registry;
    });
    return fresh!;
  }

  it('reads an article the same after other articles filled the cache as with an empty one', () => {
    // Names that recur from article to article, written with and without their roles.
    const name = fc.constantFrom(
      'President Donald Trump',
      'Trump',
      'Sen. Elizabeth Warren',
      'Warren',
      'Foreign Minister Wang Yi',
      'Mr. King',
      'Charlie King',
      'the Foreign Ministry',
      'Marco Rubio’s aide Jared Kushner',
      'Democrat Hillary Clinton',
    );
    const sentence = fc.tuple(name, fc.constantFrom(' said it.', ', a senior aide, said it.', ' and ')).map(([n, rest]) => n + rest);
    const article = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => [ss.join(' ')]);
    fc.assert(
      fc.property(fc.array(article, { minLength: 2, maxLength: 4 }), (articles) => {
        const warm = freshRegistry();
        for (const a of articles.slice(0, -1)) new warm(a);
        const last = articles[articles.length - 1];
        expect(new warm(last).entities()).toEqual(new (freshRegistry())(last).entities());
      }),
      { numRuns: 100 },
    );
  });
});
