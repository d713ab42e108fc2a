// A quote signed in the paragraph under it, as quote roundups and fact-checks print them:
// “…” / "- Bernie Sanders." / "—Michelle Marks, Philadelphia". The signature names the speaker.
import { tokenize } from '../text/names';
import type { Discourse } from './discourse';
import type { QuoteSpan } from './marks';
import { phraseAfter } from './phrases';
import type { Entity } from './registry';
import { resolve } from './resolve';
import { wholeParagraphQuote } from './sentence-context';

/** The parts of a working quote this rule reads and sets. */
export interface SignedPiece {
  span: QuoteSpan;
  entity: Entity | null;
  attributed: boolean;
}

const DASH = /^\s*[-\u2010-\u2015]\s*(?=\p{Lu})/u;
/** Longer than this, a paragraph opening with a dash is prose, not a signature. */
const MAX_SIGNATURE = 120;

/** The speaker a signature paragraph names ("- Sanders.", "—President Obama, tweeting …"), or null. */
function signer(paragraph: string | undefined, discourse: Discourse): Entity | null {
  if (!paragraph || paragraph.length > MAX_SIGNATURE || !DASH.test(paragraph)) return null;
  const tokens = tokenize(paragraph);
  const r = phraseAfter(tokens, 1);
  if (!r || r.phrase.kind !== 'name') return null;
  const next = tokens[r.to]?.text;
  if (next !== undefined && next !== '.' && next !== ',') return null;
  const e = resolve(r.phrase, discourse.registry, discourse.play);
  return e && e.kind !== 'unknown' ? e : null;
}

/**
 * A quote with no cue of its own that fills the paragraph above a signature takes the signer,
 * with the earlier paragraphs of the same quote.
 */
export function applySignatures(work: SignedPiece[], paragraphs: readonly string[], discourse: Discourse): void {
  for (let i = 0; i < work.length; i++) {
    const w = work[i];
    const last = i + 1 >= work.length || work[i + 1].span.paragraph !== w.span.paragraph;
    if (!last || w.attributed || !wholeParagraphQuote(paragraphs[w.span.paragraph] ?? '', w.span)) continue;
    const who = signer(paragraphs[w.span.paragraph + 1], discourse);
    if (!who) continue;
    for (let k = i; k >= 0 && !work[k].attributed; k--) {
      work[k].entity = who;
      if (!work[k].span.continued) break;
    }
  }
}
