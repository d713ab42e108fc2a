// Sentences that must never appear in a summary: page furniture, bylines, credits, the title
// repeated, and quotes of only a few words that say nothing on their own.

const BYLINE = /^By\s+(?:[A-Z][\w.'’-]*\s*(?:,|and\b|&)?\s*)+$/;

/** Navigation and metadata lines; they count only when they do not read as a finished sentence. */
const NAVIGATION =
  /^(follow|read more|click here|watch|share|updated|published|last updated|short url|related|advertisement|sign up|subscribe|photos?|images?|video|see also|getty images|afp|reuters|ap|epa)\b/i;
const RIGHTS = /(^copyright\b|©|all rights reserved)/i;

const CREDIT_END = /\((AFP|Reuters|AP|EPA|Getty Images|AFP\/Getty Images|File|Photo)\)\.?$/i;
const CONTRIBUTOR = /\b(contributed to (this|the) report|reported from\b.*$|e-?mail:|@[a-z0-9_]{2,}\b.*\bfollow|follow .* on twitter)/i;

/** Lower-case letters and digits only, single-spaced: for comparing sentences with titles. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function wordCount(text: string): number {
  return normaliseText(text).split(' ').filter(Boolean).length;
}

/** A sentence made of nothing but a short quotation: '"It's over."' */
function isShortQuoteOnly(text: string): boolean {
  const t = text.trim();
  if (!/^["“‘']/.test(t)) return false;
  if (!/["”’'][.!?]?$/.test(t) && !/[.!?]["”’']$/.test(t)) return false;
  const inner = t.replace(/^["“‘']+/, '').replace(/[.!?]?["”’']+[.!?]?$/, '');
  return !/["“”]/.test(inner) && wordCount(inner) < 8;
}

export function isFurniture(text: string, normalisedTitle: string, normalised?: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  const norm = normalised ?? normaliseText(t);
  if (norm === '') return true;
  if (normalisedTitle !== '' && (norm === normalisedTitle || (norm.length > 12 && normalisedTitle.startsWith(norm)))) {
    return true;
  }
  let words = 1;
  for (let i = 0; i < norm.length; i++) if (norm.charCodeAt(i) === 32) words++;
  if (words <= 12 && BYLINE.test(t)) return true;
  if (words <= 12 && NAVIGATION.test(t) && (!/[.!?]["”’']?$/.test(t) || /^[\w ]+:/.test(t))) return true;
  if (words <= 20 && RIGHTS.test(t)) return true;
  if (words <= 25 && CREDIT_END.test(t)) return true;
  if (words <= 30 && CONTRIBUTOR.test(t)) return true;
  // A line with no sentence punctuation and few words is a heading or caption fragment.
  if (words <= 4 && !/[.!?"”]$/.test(t)) return true;
  return isShortQuoteOnly(t);
}
