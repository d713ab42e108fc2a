// Counts the terms of one document into reusable scratch arrays (a Map per document made building
// GC-bound), interning new words into the vocabulary on the way.
import { forEachTermRange } from './tokenize';
import type { Vocabulary } from './vocabulary';

/** A document's terms with their (field-weighted) frequencies, parallel arrays. */
export interface DocTerms {
  terms: number[];
  weights: number[];
  /** Terms seen in a text marked as the title, and how often, parallel arrays. */
  title: number[];
  titleCounts: number[];
  /** Sum of weights outside the title: the document's length for BM25. */
  length: number;
  titleLength: number;
}

const empty = (): DocTerms => ({ terms: [], weights: [], title: [], titleCounts: [], length: 0, titleLength: 0 });

export class TermCounter {
  private counts = new Int32Array(1 << 16);
  private inTitle = new Uint8Array(1 << 16);
  private current: DocTerms = empty();

  constructor(private readonly vocab: Vocabulary) {}

  text(text: string | null | undefined, weight: number, isTitle = false): void {
    if (typeof text !== 'string' || !text) return;
    const out = this.current;
    forEachTermRange(text, (folded, start, end, hash) => {
      const id = this.vocab.internRange(folded, start, end, hash);
      if (id >= this.counts.length) this.grow(id);
      if (this.counts[id] === 0 && this.inTitle[id] === 0) out.terms.push(id);
      if (isTitle) {
        if (this.inTitle[id] === 0) out.title.push(id);
        if (this.inTitle[id] < 255) this.inTitle[id]++;
        out.titleLength++;
      } else {
        this.counts[id] += weight;
        out.length += weight;
      }
    });
  }

  /** The counts since the last finish(); the scratch arrays are cleared for the next document. */
  finish(): DocTerms {
    const out = this.current;
    for (const id of out.terms) {
      out.weights.push(this.counts[id]);
      this.counts[id] = 0;
    }
    for (const id of out.title) {
      out.titleCounts.push(this.inTitle[id]);
      this.inTitle[id] = 0;
    }
    this.current = empty();
    return out;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.counts.length * 2);
    const counts = new Int32Array(size);
    counts.set(this.counts);
    this.counts = counts;
    const inTitle = new Uint8Array(size);
    inTitle.set(this.inTitle);
    this.inTitle = inTitle;
  }
}
