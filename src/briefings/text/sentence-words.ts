// The words sentence splitting knows (text/sentences, text/sentence-boundary): abbreviations and
// titles that may hide behind a period, and the words that typically open a sentence.

/** Titles and prefixes that precede a name or place: never end a sentence. */
// prettier-ignore
export const PREFIX_TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'gen', 'gov', 'rep', 'st', 'lt', 'col', 'capt',
  'cpt', 'sgt', 'cpl', 'pvt', 'maj', 'brig', 'adm', 'cmdr', 'cdr', 'rev', 'hon', 'pres', 'supt',
  'insp', 'det', 'fr', 'msgr', 'sr', 'mt', 'ft', 'messrs', 'mme', 'mlle', 'atty', 'gov-elect',
  'sens', 'reps', 'dept', 'amb', 'ald', 'treas', 'sec', 'asst', 'assoc', 'dist', 'rt', 'lieut',
]);

/** Lower-case abbreviations that always continue the sentence (e.g., i.e., cf., vs., "Tiffany v. eBay"). */
export const ALWAYS_CONTINUE = new Set(['e.g', 'i.e', 'cf', 'vs', 'v', 'viz', 'approx', 'ca', 'esp', 'incl', 'nr', 'w.r.t']);

/** Abbreviations before a number: "No. 10", "pp. 5", "Art. 5", "Fig. 2". */
// prettier-ignore
export const NUMBER_PREFIXES = new Set([
  'no', 'nos', 'art', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'ch', 'para', 'paras', 'sect', 'op', 'ed', 'eds',
]);

/**
 * Abbreviations that may end a sentence or sit inside one: they end it only when a typical
 * sentence opener follows ("… at 9 a.m. The meeting" splits; "Apple Inc. Chief Executive" does not).
 */
// prettier-ignore
export const ORDINARY_ABBREVIATIONS = new Set([
  'inc', 'corp', 'ltd', 'co', 'cos', 'plc', 'llc', 'llp', 'bros', 'jr', 'jnr', 'snr', 'esq', 'phd',
  'a.m', 'p.m', 'al', 'ave', 'blvd', 'rd', 'hwy', 'univ', 'assn', 'intl', 'natl', 'govt', 'mfg', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'mins', 'hrs', 'yrs', 'est', 'bn', 'mn', 'tn', 'cent',
]);

/**
 * Entries above that are also plain English words ("no.", "art.", "ill.", "miss."): they count
 * as abbreviations only when capitalised, so "He said no. Then…" still splits.
 */
// prettier-ignore
export const NEEDS_CAPITAL = new Set([
  'no', 'nos', 'art', 'ill', 'miss', 'mass', 'wash', 'ind', 'mo', 'pa', 'ga', 'la', 'del', 'mar', 'sun',
  'sat', 'wed', 'fig', 'figs', 'col', 'gen', 'rep', 'sen', 'st', 'co', 'est', 'ore', 'ch', 'op', 'ed',
  'eds', 'det', 'fr', 'sec', 'mt', 'ft', 'dist', 'cent', 'ave', 'rd', 'para', 'vol', 'can', 'may',
]);

/** Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary. */
// prettier-ignore
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'this', 'that', 'these', 'those', 'there', 'here', 'but', 'and', 'or', 'so', 'yet',
  'nor', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'without', 'after', 'before', 'during',
  'since', 'until', 'when', 'while', 'where', 'why', 'how', 'what', 'who', 'whom', 'which', 'if',
  'as', 'although', 'though', 'because', 'however', 'meanwhile', 'moreover', 'still', 'also', 'then',
  'now', 'today', 'yesterday', 'tomorrow', 'some', 'many', 'most', 'all', 'both', 'each', 'every',
  'not', 'nothing', 'one', 'two', 'three', 'officials', 'according', 'last', 'next', 'earlier',
  'later', 'under', 'over', 'despite', 'instead', 'such', 'other', 'another', 'mr', 'mrs', 'ms',
  'dr', 'shares', 'analysts', 'asked', 'its', 'do', 'does', 'did', 'is', 'are', 'was', 'were',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'let', 'please', 'yes', 'no', 'even',
  'only', 'more', 'few', 'several', 'about', 'around', 'among', 'between', 'just', 'once', 'unlike',
  'like', 'given', 'thus', 'indeed', 'nevertheless', 'nonetheless', 'otherwise', 'first', 'finally',
]);
