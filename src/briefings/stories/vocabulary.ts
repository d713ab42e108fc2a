// Word ids for story matching: every word of a text becomes the id of its Porter stem. The words are the
// search index's (same folding, same word characters, same stopwords and lengths: `forEachTerm`), but cut
// here in one pass that hashes as it scans and looks each word up by its place in the text, so a word seen
// before costs no string and each is stemmed once. Tokenising ledes was most of grouping's time.
import { TermTable } from '../search/term-table';
import { fold, MAX_TERM_LENGTH, STOPWORDS } from '../search/tokenize';
import { stem } from './text';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Marks a stopword in `stemOf`: cut, looked up, then skipped. */
const STOP = -1;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per UTF-16 unit beyond ASCII: 0 not yet known, 1 letter or digit, 2 neither (the regex runs once per unit). */
const UNIT_CLASS = new Uint8Array(0x10000);

/** Whether text[i] is part of a word, as the search tokenizer decides (a letter beyond the first plane included). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(c >= 0xdc00 ? i - 1 : i);
    return cp !== undefined && cp > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
  }
  let k = UNIT_CLASS[c];
  if (k === 0) UNIT_CLASS[c] = k = LETTER_OR_DIGIT.test(text[i]) ? 1 : 2;
  return k === 1;
}

function fnv(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

export class StoryVocabulary {
  /** Stem → id, and id → stem. Ids are handed out as stems are first met and never change. */
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Folded words as written ("rates", "rate"), and the stem id of each (STOP for a stopword). */
  private readonly surface: string[] = [];
  private readonly table = new TermTable(this.surface);
  private stemOf = new Int32Array(1024);
  /** Scratch for one text's ids. */
  private buffer = new Int32Array(256);

  constructor() {
    for (const w of STOPWORDS) this.addSurface(w, fnv(w), STOP);
  }

  /** Stem ids of the text's terms, in order, at most `limit` (the text after them is not read). */
  idsOf(text: string, limit = Infinity): Int32Array {
    let count = 0;
    const folded = text ? fold(text) : '';
    const n = folded.length;
    let i = 0;
    while (i < n && count < limit) {
      while (i < n && !isWordAt(folded, i)) i++;
      const start = i;
      let h = FNV_OFFSET;
      while (i < n && isWordAt(folded, i)) h = Math.imul(h ^ folded.charCodeAt(i++), FNV_PRIME);
      if (i - start < 2 || i - start > MAX_TERM_LENGTH) continue;
      let s = this.table.find(folded, start, i, h);
      if (s < 0) s = this.addSurface(folded.slice(start, i), h);
      const id = this.stemOf[s];
      if (id === STOP) continue;
      if (count === this.buffer.length) this.buffer = grown(this.buffer, count + 1);
      this.buffer[count++] = id;
    }
    return this.buffer.slice(0, count);
  }

  /** The id of a stem, made if new. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      this.ids.set(word, (id = this.words.length));
      this.words.push(word);
    }
    return id;
  }

  /** The id of a stem, if it was ever met. */
  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  get size(): number {
    return this.words.length;
  }

  private addSurface(word: string, hash: number, id?: number): number {
    const s = this.surface.length;
    this.surface.push(word);
    this.table.insert(s, hash);
    if (s >= this.stemOf.length) this.stemOf = grown(this.stemOf, s + 1);
    this.stemOf[s] = id ?? this.intern(stem(word));
    return s;
  }
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}
