// What the sentence-split check counts and shows (bench/sentences.bench.ts): boundaries a reader
// would doubt, and the boundaries two splitters disagree on, with the text around them.

/** Kinds of boundary worth a second look, each about the sentence before or after the cut. */
export const SUSPICIOUS = ['initial', 'lowerStart', 'title', 'abbreviation'] as const;
export type Suspicion = (typeof SUSPICIOUS)[number];
export type Counts = Record<Suspicion | 'sentences' | 'paragraphs', number>;

export const SUSPICION_NOTES: Record<Suspicion, string> = {
  initial: 'sentence ends in a single capital letter + "." ("Taraji P." | "Henson said")',
  lowerStart: 'next sentence starts lower-case ("…?" | "he said"), iPhone-style words aside',
  title: 'sentence ends in a title that precedes a name ("Sen." | "Ted Cruz")',
  abbreviation: 'sentence ends in a month, "No.", "a.m."/"p.m." or a company/name suffix (often right)',
};

const ENDS_IN_INITIAL = /(?:^|[\s("“‘'])\p{Lu}\.["”’')]*$/u;
const STARTS_LOWER = /^[\s("“‘'[]*\p{Ll}/u;
/** "iPhone", "eBay", "de Blasio" is still lower-case: only a lower-case run then a capital is spared. */
const LOWER_THEN_CAPITAL = /^[\s("“‘'[]*\p{Ll}+\p{Lu}/u;
const ENDS_IN_TITLE = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Sgt|Cpl|Adm|Rev|Hon|Atty|Supt|Insp|Det|Fr)\.$/;
const ENDS_IN_ABBREVIATION =
  /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Inc|Corp|Co|Ltd|Jr|Sr|St|Ave|a\.m|p\.m|U\.S|U\.K|U\.N)\.["”’')]*$/;

export function emptyCounts(): Counts {
  return { paragraphs: 0, sentences: 0, initial: 0, lowerStart: 0, title: 0, abbreviation: 0 };
}

/** The suspicions raised by the cut between `before` and `after` (two consecutive sentences). */
export function suspicionsAt(before: string, after: string): Suspicion[] {
  const out: Suspicion[] = [];
  if (ENDS_IN_INITIAL.test(before)) out.push('initial');
  if (STARTS_LOWER.test(after) && !LOWER_THEN_CAPITAL.test(after)) out.push('lowerStart');
  if (ENDS_IN_TITLE.test(before)) out.push('title');
  if (ENDS_IN_ABBREVIATION.test(before)) out.push('abbreviation');
  return out;
}

/** Adds one paragraph's sentences to the counts. */
export function countParagraph(counts: Counts, sentences: readonly string[]): void {
  counts.paragraphs++;
  counts.sentences += sentences.length;
  for (let i = 0; i + 1 < sentences.length; i++) {
    for (const s of suspicionsAt(sentences[i], sentences[i + 1])) counts[s]++;
  }
}

export interface Change {
  /** '+' a cut only the new splitter makes, '−' a cut only the old one made. */
  sign: '+' | '−';
  at: number;
  /** The text around the cut, "‖" where it is. */
  context: string;
}

/** Cuts (sentence starts after the first) that one splitter makes and the other does not. */
export function changedCuts(text: string, oldStarts: readonly number[], newStarts: readonly number[], width = 70): Change[] {
  const before = new Set(oldStarts.slice(1));
  const after = new Set(newStarts.slice(1));
  const show = (at: number): string =>
    `${text.slice(Math.max(0, at - width), at).replace(/\s+/g, ' ')}‖${text.slice(at, at + width).replace(/\s+/g, ' ')}`;
  const out: Change[] = [];
  for (const at of after) if (!before.has(at)) out.push({ sign: '+', at, context: show(at) });
  for (const at of before) if (!after.has(at)) out.push({ sign: '−', at, context: show(at) });
  return out.sort((a, b) => a.at - b.at);
}

/** `n` items drawn without replacement, in their original order. */
export function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}
