// The same articles in the layouts news arrives in: as the set gives them, as one undivided block
// (feeds and scraped pages that lose paragraph breaks), and with paragraphs glued together with no
// space after the full stop (some scrapes: "…on Monday.The minister…"). A summariser whose choice
// depends on layout shows it here. Glued text goes through `unglueSentences`, as the Markdown reader
// does, and every sentence is then cut into the summariser's own units (`sentenceUnits`: glued
// acronyms and clock times too), so that every system chooses among the same sentences: a baseline
// handed two glued sentences as one would simply be returning longer summaries.
import { sentenceUnits } from '../src/briefings/summarise/units';
import { splitSentences } from '../src/briefings/text/sentences';
import { unglueSentences } from '../src/briefings/text/unglue';
import type { Sentence } from '../src/briefings/types';

export type Layout = 'paragraphs' | 'one block' | 'glued';
export const LAYOUTS: Layout[] = ['paragraphs', 'one block', 'glued'];

export interface LaidOut {
  title: string;
  standfirst: string | null;
  paragraphs: string[];
  sentences: Sentence[];
}

export function buildSentences(standfirst: string | null, paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  const push = (text: string, paragraph: number) => {
    for (const s of splitSentences(text).flatMap(sentenceUnits)) out.push({ text: s, paragraph, index: out.length });
  };
  if (standfirst) push(standfirst, -1);
  paragraphs.forEach((p, i) => push(p, i));
  return out;
}

/**
 * Paragraphs for a story that came as one block (CNN): two sentences each, about what CNN's own
 * pages use, so the "paragraphs" and "glued" layouts exist for it too.
 */
export function reparagraph(block: string, perParagraph = 2): string[] {
  const sentences = splitSentences(block);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += perParagraph) out.push(sentences.slice(i, i + perParagraph).join(' '));
  return out;
}

export function layOut(doc: { title: string; standfirst: string | null; paragraphs: string[] }, layout: Layout): LaidOut {
  const paragraphs =
    layout === 'paragraphs'
      ? doc.paragraphs
      : layout === 'one block'
        ? [doc.paragraphs.join(' ')]
        : [unglueSentences(doc.paragraphs.map((p) => p.trim()).join(''))];
  return { title: doc.title, standfirst: doc.standfirst, paragraphs, sentences: buildSentences(doc.standfirst, paragraphs) };
}
