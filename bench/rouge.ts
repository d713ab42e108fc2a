// ROUGE as ROUGE-1.5.5.pl computes it with `-m` (the setting papers report), for one reference.
//
// What 1.5.5 does, and so what this does:
// - text: ASCII letters lower-cased; every character other than A-Z a-z 0-9 becomes a space
//   (1.5.5 also splits hyphens into "-" tokens but then drops every token not starting with [a-z0-9$]).
// - stemming: only tokens longer than 3 characters go through 1.5.5's own Porter stemmer, which
//   differs from Porter's original in step 4 (C.-Y. Lin, 2004: "-ement" words then still try
//   "-ment" and "-ent"). That stemmer is ported below rather than taken from the `stemmer`
//   package, which follows the original algorithm.
// - not reproduced: the WordNet-2.0 irregular-form exception table that 1.5.5 consults before
//   stemming ("children" -> "child"). It needs WordNet's data files; Google's rouge-score omits it too.
// - ROUGE-N: n-grams over the whole summary (sentence breaks ignored), hits clipped per n-gram.
// - ROUGE-L: summary-level. For each reference sentence, the union of its LCS positions with every
//   candidate sentence; each hit also spends one unit of that token's count in both texts, so
//   ROUGE-L never exceeds ROUGE-1.
// - F = P·R / ((1 − α)·P + α·R) with α = 0.5, i.e. the harmonic mean.

export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

export interface RougeOptions {
  /** Porter stemming of tokens longer than 3 characters, as `-m`. Default true. */
  stem?: boolean;
}

export interface RougeResult {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

// ---------------------------------------------------------------------------------------------
// ROUGE-1.5.5's Porter stemmer (Martin Porter's Perl "Release 1" plus Lin's step-4 change).

const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;
const MGR0 = new RegExp(`^(${C})?${V}${C}`);
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
const HAS_VOWEL = new RegExp(`^(${C})?${v}`);
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP2_RE = new RegExp(`(${Object.keys(STEP2).join('|')})$`);
const STEP3: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};
const STEP3_RE = new RegExp(`(${Object.keys(STEP3).join('|')})$`);
const STEP4_RE = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Everything before the match, like Perl's $` after a successful match. */
function before(w: string, m: RegExpExecArray): string {
  return w.slice(0, m.index);
}

export function rougeStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const initialY = w[0] === 'y';
  if (initialY) w = 'Y' + w.slice(1);
  let m: RegExpExecArray | null;

  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = before(w, m) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = before(w, m) + m[1];
  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (MGR0.test(before(w, m))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    const stem = before(w, m);
    if (HAS_VOWEL.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += 'e';
    }
  }
  // Step 1c
  if ((m = /y$/.exec(w))) {
    const stem = before(w, m);
    if (HAS_VOWEL.test(stem)) w = stem + 'i';
  }
  // Step 2
  if ((m = STEP2_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR0.test(stem)) w = stem + STEP2[m[1]];
  }
  // Step 3
  if ((m = STEP3_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR0.test(stem)) w = stem + STEP3[m[1]];
  }
  // Step 4, as modified in ROUGE-1.5.5: three tests in sequence, not one longest-suffix test.
  if ((m = STEP4_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    const stem = before(w, m) + m[1];
    if (MGR1.test(stem)) w = stem;
  }
  // Step 5
  if ((m = /e$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);

  if (initialY) w = 'y' + w.slice(1);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Tokens, n-grams and scores.

export function rougeTokens(text: string, options: RougeOptions = {}): string[] {
  const stem = options.stem ?? true;
  const words = text
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase()
    .trim();
  if (words === '') return [];
  const tokens = words.split(' ');
  return stem ? tokens.map((t) => (t.length > 3 ? rougeStem(t) : t)) : tokens;
}

function countNgrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function score(hits: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount > 0 ? hits / candidateCount : 0;
  const recall = referenceCount > 0 ? hits / referenceCount : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}

function asText(summary: string | string[]): string {
  return Array.isArray(summary) ? summary.join('\n') : summary;
}

export function rougeN(candidate: string | string[], reference: string | string[], n: number, options: RougeOptions = {}): RougeScore {
  return rougeNFromTokens(rougeTokens(asText(candidate), options), rougeTokens(asText(reference), options), n);
}

/** ROUGE-N of texts already turned into tokens by rougeTokens (lets evaluations tokenise once). */
export function rougeNFromTokens(candidateTokens: string[], referenceTokens: string[], n: number): RougeScore {
  const cand = countNgrams(candidateTokens, n);
  const ref = countNgrams(referenceTokens, n);
  let hits = 0;
  let candCount = 0;
  let refCount = 0;
  for (const count of cand.values()) candCount += count;
  for (const [gram, count] of ref) {
    refCount += count;
    const other = cand.get(gram);
    if (other !== undefined) hits += Math.min(count, other);
  }
  return score(hits, candCount, refCount);
}

/** Marks in `hit` the reference positions on one LCS of `ref` and `cand`, traced as 1.5.5 does. */
function markLcs(ref: string[], cand: string[], hit: Uint8Array): void {
  const m = ref.length;
  const n = cand.length;
  if (m === 0 || n === 0) return;
  const width = n + 1;
  const table = new Uint16Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const k = i * width + j;
      if (ref[i - 1] === cand[j - 1]) table[k] = table[k - width - 1] + 1;
      else table[k] = Math.max(table[k - width], table[k - 1]);
    }
  }
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      i--;
      j--;
      hit[i] = 1;
    } else if (table[(i - 1) * width + j] >= table[i * width + j - 1]) {
      i--;
    } else {
      j--;
    }
  }
}

/** Summary-level ROUGE-L: both arguments are lists of sentences. */
export function rougeL(candidateSentences: string[], referenceSentences: string[], options: RougeOptions = {}): RougeScore {
  const cand = candidateSentences.map((s) => rougeTokens(s, options)).filter((t) => t.length > 0);
  const ref = referenceSentences.map((s) => rougeTokens(s, options)).filter((t) => t.length > 0);
  const candLeft = countNgrams(cand.flat(), 1);
  const refLeft = countNgrams(ref.flat(), 1);
  let hits = 0;
  let refCount = 0;
  const candCount = cand.reduce((sum, s) => sum + s.length, 0);
  for (const sentence of ref) {
    refCount += sentence.length;
    const hit = new Uint8Array(sentence.length);
    for (const other of cand) markLcs(sentence, other, hit);
    for (let k = 0; k < sentence.length; k++) {
      if (!hit[k]) continue;
      const token = sentence[k];
      const inRef = refLeft.get(token) ?? 0;
      const inCand = candLeft.get(token) ?? 0;
      if (inRef > 0 && inCand > 0) {
        hits++;
        refLeft.set(token, inRef - 1);
        candLeft.set(token, inCand - 1);
      }
    }
  }
  return score(hits, candCount, refCount);
}

/** ROUGE-1, ROUGE-2 and summary-level ROUGE-L of a candidate against one reference, both as sentences. */
export function rouge(candidate: string[], reference: string[], options: RougeOptions = {}): RougeResult {
  return {
    rouge1: rougeN(candidate, reference, 1, options),
    rouge2: rougeN(candidate, reference, 2, options),
    rougeL: rougeL(candidate, reference, options),
  };
}
