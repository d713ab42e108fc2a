// The naive baseline of the quote evaluation: quote marks paired per paragraph, the speaker the nearest
// capitalised word run.
import { tokenize } from '../src/briefings';
import { asArticle, type Span, type SystemQuote } from './polnear';

export const BASELINE_SKIP = new Set(
  'The A An He She It They We I But And In On At As If When While This That His Her Their Our Mr Mrs Ms'.split(' '),
);

/** Quote marks paired naively per paragraph; the speaker is the nearest capitalised word run. */
export function baselineQuotes(text: string, name: string): SystemQuote[] {
  const a = asArticle(text, name);
  const out: SystemQuote[] = [];
  a.paragraphs.forEach((p, pi) => {
    const spans: Span[] = [];
    let open = -1;
    for (let i = 0; i < p.length; i++) {
      const c = p[i];
      if (c === '“' || (c === '"' && open < 0)) open = open < 0 ? i : open;
      else if ((c === '”' || c === '"') && open >= 0) {
        spans.push([open + 1, i]);
        open = -1;
      }
    }
    if (open >= 0) spans.push([open + 1, p.length]);
    if (!spans.length) return;
    const tokens = tokenize(p).filter((t) => !spans.some(([s, e]) => t.start >= s - 1 && t.end <= e + 1));
    const names: { start: number; end: number; text: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!/^\p{Lu}/u.test(tokens[i].text) || BASELINE_SKIP.has(tokens[i].text)) continue;
      let j = i;
      while (j + 1 < tokens.length && /^\p{Lu}/u.test(tokens[j + 1].text) && tokens[j + 1].start - tokens[j].end <= 1) j++;
      names.push({ start: tokens[i].start, end: tokens[j].end, text: p.slice(tokens[i].start, tokens[j].end) });
      i = j;
    }
    for (const [s, e] of spans) {
      let best: string | null = null;
      let dist = Infinity;
      for (const n of names) {
        const d = n.end <= s ? s - n.end : n.start >= e ? n.start - e : Infinity;
        if (d < dist) {
          dist = d;
          best = n.text;
        }
      }
      out.push({ spans: [[a.toFile(pi, s), a.toFile(pi, e)] as Span].filter(([x]) => x >= 0), speaker: best });
    }
  });
  return out;
}
