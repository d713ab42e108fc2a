// Lead-N: the first N sentences of the body, the classic news baseline (See et al. 2017).
import type { Sentence } from '../../src/briefings';

export function leadN(sentences: Sentence[], n: number): string[] {
  return sentences.filter((s) => s.text.trim() !== '').slice(0, n).map((s) => s.text);
}
