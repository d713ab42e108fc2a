// The units a summary is made of: whole single sentences. Scrapes that lost paragraph breaks glue
// sentences together ("…on Monday.The minister…", "…users for AOL.Time Warner said…",
// "…heavy rain.05:31 EST Network Rail…"); the reader's ungluing leaves some of these joined, and a
// summary must be made of whole single sentences whatever the reader delivered.
import { splitSentences } from '../text/sentences';
import { unglueSentences } from '../text/unglue';

const GLUED = /[a-z0-9%)][.!?]["”’]?["“]?[A-Z][a-z]|[a-z][.!?]\d{1,2}[:.]\d{2}\b|\b[A-Z]{2,}[.!?][A-Z][a-z]{2}/;
/** An acronym ending a sentence glued to the next: "…less users for AOL.Time Warner said…". */
const GLUED_ACRONYM = /(\b[A-Z]{2,}[.!?])(?=[A-Z][a-z]{2,})/g;
/** A live-blog time stamp glued to the sentence before it: "…heavy rain.05:31 EST Network Rail…". */
const GLUED_CLOCK = /([a-z][.!?])(?=\d{1,2}[:.]\d{2}\b)/g;

/** The single sentences inside one splitter sentence (the sentence itself when nothing is glued). */
export function sentenceUnits(text: string): string[] {
  const t = text.trim();
  if (!GLUED.test(t)) return [t];
  const unglued = unglueSentences(t.replace(GLUED_CLOCK, '$1 ').replace(GLUED_ACRONYM, '$1 '));
  return unglued === t ? [t] : splitSentences(unglued);
}
