// Each speaker's quotes, as quote numbers in the order they were added (ascending). Laid out flat (one offsets
// column, one list) rather than a JS array per speaker: at 100,000 articles, 86,000 speakers' arrays (each with
// room for 17 numbers from its first push) took 18 MB of heap for 2.2 MB of quote numbers (issue 13).
// Quotes added since the last layout wait in small per-speaker arrays until the next one.

export class SpeakerQuotes {
  /** Speaker s's laid-out quotes are list[offsets[s] .. offsets[s + 1]); speakers beyond offsets have none laid out. */
  private offsets = new Int32Array(1);
  private list = new Int32Array(0);
  /** Quotes added since the layout, by speaker (all of them above any laid-out quote). */
  private later = new Map<number, number[]>();
  /** The layout a restore asked for, done on first use: a one-shot search by words never looks at it (issue 13). */
  private pending: (() => void) | null = null;

  /**
   * The lists of `count` quotes whose speakers `speakerOf` gives (-1: none), keeping those `keep` accepts. Laid out
   * on the first add, visit or compaction, so `speakerOf` and `keep` must still answer as now until then.
   */
  static of(speakers: number, count: number, speakerOf: (q: number) => number, keep: (q: number) => boolean): SpeakerQuotes {
    const out = new SpeakerQuotes();
    out.pending = () => out.layOut(speakers, count, speakerOf, keep);
    return out;
  }

  private ready(): void {
    const layOut = this.pending;
    this.pending = null;
    if (layOut) layOut();
  }

  add(speaker: number, q: number): void {
    this.ready();
    const waiting = this.later.get(speaker);
    if (waiting) waiting.push(q);
    else this.later.set(speaker, [q]);
  }

  /** Visits a speaker's quotes in the order they were added. */
  forEach(speaker: number, visit: (q: number) => void): void {
    this.ready();
    if (speaker + 1 < this.offsets.length) {
      for (let i = this.offsets[speaker]; i < this.offsets[speaker + 1]; i++) visit(this.list[i]);
    }
    const waiting = this.later.get(speaker);
    if (waiting) for (const q of waiting) visit(q);
  }

  /** Lays every list out flat again, now including the quotes added since (same order, same quotes). */
  compact(speakers: number): void {
    this.ready();
    if (this.later.size === 0 && speakers + 1 === this.offsets.length) return;
    const speakerOf = new Int32Array(this.list.length + [...this.later.values()].reduce((n, w) => n + w.length, 0));
    const quotes = new Int32Array(speakerOf.length);
    let n = 0;
    for (let s = 0; s < speakers; s++)
      this.forEach(s, (q) => {
        quotes[n] = q;
        speakerOf[n++] = s;
      });
    // Grouped by speaker, each group in its order: the layout below keeps both.
    this.layOut(
      speakers,
      n,
      (i) => speakerOf[i],
      () => true,
      quotes,
    );
  }

  /** Counts, then fills: entries i < count in order, entry i standing for quote `quoteAt[i]` (i itself by default). */
  private layOut(speakers: number, count: number, speakerOf: (i: number) => number, keep: (i: number) => boolean, quoteAt?: Int32Array): void {
    const offsets = new Int32Array(speakers + 1);
    for (let i = 0; i < count; i++) {
      const s = speakerOf(i);
      if (s >= 0 && keep(i)) offsets[s + 1]++;
    }
    for (let s = 0; s < speakers; s++) offsets[s + 1] += offsets[s];
    const list = new Int32Array(offsets[speakers]);
    const next = offsets.slice(0, speakers);
    for (let i = 0; i < count; i++) {
      const s = speakerOf(i);
      if (s >= 0 && keep(i)) list[next[s]++] = quoteAt ? quoteAt[i] : i;
    }
    this.offsets = offsets;
    this.list = list;
    this.later = new Map();
  }
}
