// Sentences that must never appear in a summary: page furniture, bylines, credits, the title
// repeated, and quotes of only a few words that say nothing on their own. News arrives with this
// furniture inside its text (scraped pages, wire copy, CNN/Daily Mail dumps where every line
// without its own full stop gets " ." appended), so it is recognised sentence by sentence.

const BYLINE = /^By\s+(?:[A-Z][\w.'’-]*\s*(?:,|and\b|&)?\s*)+$/;
/** "By .", "By" alone: the Daily Mail byline split from its name. */
const BARE_BY = /^By\s*[.:]?$/;

/** Navigation and metadata lines; they count only when they do not read as a finished sentence. */
const NAVIGATION =
  /^(follow|read more|click here|watch|share|updated|published|last updated|short url|related|advertisement|sign up|subscribe|photos?|images?|video|see also|getty images|afp|reuters|ap|epa|scroll down)\b/i;
/**
 * A link to another story, whatever follows it: a "Read more:" headline glued to the next sentence
 * ("Read more: Robin Thicke sues … (exclusive) The hardly predictable outcome…") is still a link.
 */
const LINK_LABEL = /^(?:read more|related(?: stories| articles| content)?|see also|more on this story|click here)\s*:/i;
const RIGHTS = /(^copyright\b|©|all rights reserved)/i;

/** "PUBLISHED: . 05:31 EST", "UPDATED: .", "Last updated at 5:26 PM on 14th January 2012 .", "Posted 3 hours ago". */
const STAMP_HEADER = /^(?:\|\s*\.?\s*)?(?:published|updated|last updated|last modified|posted|first published)\b\s*(?::|at|on|\d|\.|$)/i;
/** A clock time with a zone or am/pm: "05:31 EST", "5:26 PM", "10.32am". */
const CLOCK =
  /\b\d{1,2}[:.]\d{2}\s*(?:(?:[ap]\.?m\.?)\s*)?(?:EST|EDT|CST|CDT|PST|PDT|GMT|BST|UTC|IST|CET|CEST|ET|PT)\b|\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b/i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A date and nothing else: "March 18, 2015 .", "12 March 2014". */
const DATE_ONLY = new RegExp(
  `^(?:\\w+day,? )?(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4})\\s*\\.?$`,
  'i',
);

const AGENCIES =
  'AFP|AP|Reuters|EPA(?:-EFE)?|Getty(?: Images)?|AFP\\/Getty Images|PA|PTI|ANI|IANS|Xinhua|Bloomberg|Shutterstock|Rex|Rex Features|Alamy|Supplied|Handout|File|Photo|SWNS|Splash|Instagram|Twitter|Facebook';
/** A photo caption's credit: "... on Tuesday. (AFP)", "... (Picture: Getty Images)". */
const CREDIT_END = new RegExp(`\\((?:(?:Picture|Photo|Image)s?:\\s*)?(?:${AGENCIES})(?:\\s*(?:\\/|via|-)\\s*[^()]{1,40})?\\)\\.?$`, 'i');
/** "Tragic: The hiker, pictured with his wife, …" — a caption's label in title case before a colon. */
const CAPTION_LABEL = /^[A-Z][a-z'’-]*(?: [A-Z][\w'’-]*){0,2}:\s+["“‘'A-Z0-9]/;
const CONTRIBUTOR = /\b(contributed to (this|the) report|reported from\b.*$|e-?mail:|@[a-z0-9_]{2,}\b.*\bfollow|follow .* on twitter)/i;
/** Embedded social posts: "pic.twitter.com/…", "— Jane Smith (@jsmith) March 12, 2014". */
const SOCIAL = new RegExp(
  `pic\\.twitter\\.com\\/|instagram\\.com\\/p\\/|\\(@\\w{1,30}\\)\\s*${MONTH} \\d{1,2}, \\d{4}|^@\\w+|\\bA (?:photo|video|post) shared by\\b`,
  'i',
);

/** Lower-case letters and digits only, single-spaced: for comparing sentences with titles. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return normaliseText(text).split(' ').filter(Boolean).length;
}

/** A sentence made of nothing but a short quotation: '"It's over."' */
export function isShortQuoteOnly(text: string): boolean {
  const t = text.trim();
  if (!/^["“‘']/.test(t)) return false;
  if (!/["”’'][.!?]?$/.test(t) && !/[.!?]["”’']$/.test(t)) return false;
  const inner = t.replace(/^["“‘']+/, '').replace(/[.!?]?["”’']+[.!?]?$/, '');
  return !/["“”]/.test(inner) && wordCount(inner) < 8;
}

/** Bylines, time stamps, dates, stamps and labels: the lines around a story rather than in it. */
function isMetadata(t: string, words: number): boolean {
  if (BARE_BY.test(t) || (words <= 12 && BYLINE.test(t))) return true;
  if (words <= 16 && STAMP_HEADER.test(t)) return true;
  if (words <= 12 && /^[|.\s]*\d/.test(t) && CLOCK.test(t)) return true;
  if (/^[|.\s]+$/.test(t) || DATE_ONLY.test(t)) return true;
  // A line that had no full stop of its own (the " ." was appended): a name, label or heading.
  return words <= 10 && /\s\.$/.test(t);
}

function isCaptionOrPost(t: string, words: number): boolean {
  if (words <= 30 && CREDIT_END.test(t)) return true;
  if (words <= 40 && CAPTION_LABEL.test(t)) return true;
  return SOCIAL.test(t);
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
  if (isMetadata(t, words) || isCaptionOrPost(t, words)) return true;
  if (words <= 20 && NAVIGATION.test(t) && (!/[.!?]["”’']?$/.test(t) || /^[\w ]+:/.test(t))) return true;
  if (LINK_LABEL.test(t)) return true;
  if (words <= 20 && RIGHTS.test(t)) return true;
  if (words <= 30 && CONTRIBUTOR.test(t)) return true;
  // A line with no sentence punctuation and few words is a heading or caption fragment.
  if (words <= 4 && !/[.!?"”]$/.test(t)) return true;
  return isShortQuoteOnly(t);
}

/** "New Delhi, Mar 12 (PTI)", "LONDON, March 3 (Reuters) -", "WASHINGTON (AP) —", "(CNN) --". */
const WIRE_DATELINE = new RegExp(
  `^(?:[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}(?:, [A-Z][\\w.'’-]*){0,2}(?:,? ${MONTH} \\d{1,2}(?:, \\d{4})?)?\\s*)?` +
    `\\((?:PTI|IANS|ANI|UNI|Reuters|AP|AFP|CNN|Xinhua|dpa|Bloomberg|AAP|CP|UPI)\\)\\s*(?:[:—–-]+\\s*)?`,
);
/** A live-blog time stamp opening a sentence: "05:31 EST Police say…", "10.32am: The minister…". */
const LEADING_CLOCK = /^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:EST|EDT|GMT|BST|UTC|IST|CET|ET|PT)?)\s*[:—–-]?\s+(?=["“A-Z])/i;

/** A label in capitals before a colon: "NEW DELHI: The government…", "UPDATE: …", "CNN: You do…", "Q: …". */
const CAPITALS_LABEL = /^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}|Q|A):\s+(?=["“‘A-Z0-9])/;

/**
 * The sentence without the wire dateline, capitals label or live-blog time stamp that opens it;
 * unchanged when what would remain is too short to be a sentence.
 */
export function withoutLeadIn(text: string): string {
  for (const re of [WIRE_DATELINE, CAPITALS_LABEL, LEADING_CLOCK]) {
    const m = re.exec(text);
    if (m && m[0].trim() !== '' && text.length - m[0].length >= 20) return text.slice(m[0].length).trim();
  }
  return text;
}
