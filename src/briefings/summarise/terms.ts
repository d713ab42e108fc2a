// Content-word terms for comparing sentences: lower-cased, stop words dropped, Porter-stemmed.
// The package ships no type declarations; its whole API is this one function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stemmer: (word: string) => string = require('stemmer');
import { boundedMemo } from '../text/bounded-memo';

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not now of off on once only or other our ours ourselves out over own same she should ' +
    'so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself also said says say told its it s t one two new mr mrs ms like get got us may might must ' +
    'shall since still upon whether yet per via cnn'
  ).split(' '),
);

// Stemming dominates the cost of summarising; news vocabulary repeats, so a bounded memo pays.
const stemRemembered = boundedMemo(200_000, stemmer);

function stem(word: string): string {
  return word.length <= 3 ? word : stemRemembered(word);
}

export function contentTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g);
  if (!words) return [];
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}
