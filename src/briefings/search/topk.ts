// Keeps the k best (score, id) pairs seen, without sorting everything that matched.

export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** Lowest score still in the list once it is full (anything not above it is ignored). */
  get floor(): number {
    return this.ids.length < this.k ? -Infinity : this.scores[this.scores.length - 1];
  }

  offer(id: number, score: number): void {
    if (this.k <= 0) return;
    const last = this.ids.length - 1;
    if (this.ids.length >= this.k && (score < this.scores[last] || (score === this.scores[last] && id > this.ids[last]))) return;
    // Insertion keeps the list sorted best first; equal scores go by lower id, whatever the order they came in.
    let i = this.ids.length;
    while (i > 0 && (this.scores[i - 1] < score || (this.scores[i - 1] === score && this.ids[i - 1] > id))) i--;
    this.ids.splice(i, 0, id);
    this.scores.splice(i, 0, score);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
    }
  }

  result(): { id: number; score: number }[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i] }));
  }
}
