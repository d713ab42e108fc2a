// Furniture told by its words: lines a news page prints around the article that Readability keeps
// because they sit in ordinary paragraphs. Each rule is for a kind of line seen across many sites
// (a date stamp, a byline, a photo credit, a promotion), never for one site's wording.
import { isFurnitureLine, isPhotoCaption } from '../furniture';

/** Whole lines (lower-cased, trailing punctuation removed) that are never article text. */
// prettier-ignore
const EXTRA_LINES = new Set([
  'continue reading below', 'enlarge image', 'enlarge', 'advert', 'caption', 'close', 'loading content', 'loading content ...',
  'highlights', "don't miss", 'don’t miss', 'more', 'see also', 'also read', 'recommended', 'you may also like', 'related news',
  'latest news', 'breaking news', 'trending', 'latest', 'popular', 'learn more', 'about the author', 'view comments', 'iklan',
  'getty images', 'image copyright getty images', 'image copyright', 'ap photo', 'reuters', 'afp', 'view author archive',
  'email the author', 'follow on twitter', 'sign in', 'subscriber services', 'home', 'news',
]);

/** Lines that start or read like furniture, in the languages of the pages we read. */
const EXTRA_PATTERNS: RegExp[] = [
  // Section pointers: "Related: …", "SEE MORE: …", "READ MORE: …", "Also: …", "More: …".
  /^(?:related|see more|read more|read also|also read|more|also|watch|listen|must read|recommended|further reading)\s*:/i,
  // Photo and image credits: "Photo: Damian Dovarganes, AP", "(Image: © NASA)", "Image caption …", "Credit: EPA".
  /^\(?(?:image|photo|photograph|picture|pic|foto|credit|source|illustration)s?\s*(?:copyright|caption|credit)?\s*(?::|©|by\b)/i,
  /^image (?:copyright|caption)\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /^(?:image|slide|photo) \d+ of \/? ?\d+$/i,
  /^\d+ of \d+$/,
  /^\d{1,2}$/,
  // Reading-time notes: "5 min read", "Tempo de leitura: 1 minuto", "Reading time: 3 minutes".
  /^(?:reading time|tempo de leitura|temps de lecture|lesezeit)\s*:/i,
  /^\d+\s*(?:min(?:ute)?s?)\s+(?:read|de leitura)$/i,
  // Subscription, app and newsletter prompts.
  /^(?:click here|get the .{1,40} app|download (?:the|our) app|subscribe (?:to|for|now)|sign up (?:for|to|now)|join (?:us|our)\b)/i,
  /\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b/i,
  /^get the latest .{0,60}\b(?:inbox|newsletter)/i,
  /\bby clicking here\.?$/i,
  /^(?:this (?:post|article|page) (?:may )?contains? (?:affiliate|sponsored))/i,
  /^(?:this (?:website|site) uses cookies)/i,
  /^(?:filed under|posted in|categories|category|tags?)\s*:/i,
  /^source\s*:\s*(?:news agencies|agencies|\w+(?: \w+)?)$/i,
  /^(?:have a (?:news )?tip|got a tip)\b/i,
  /^follow\b.{0,80}\b(?:on|at) (?:twitter|facebook|instagram|youtube)\b/i,
  /^via \S+\.\w{2,4}$/i,
  /^citation\s*:/i,
  /^this document is subject to copyright\b/i,
  /^if you enjoyed this article\b/i,
  /^follow .{0,60}\b(?:coverage|updates)\b.{0,40}\bat https?:/i,
  /^(?:listen to|watch) .{0,60}\b(?:live|listen back|on demand)\b/i,
  // Site footers: "The contents of this site are ©2019 …", "© 2019 Example Media. All rights reserved."
  /©\s?(?:19|20)\d\d\b|\ball rights reserved\b/i,
  /\bskip to (?:content|main)\b/i,
];

/** Words that may stand around a date in a date stamp: "Updated on: November 19, 2019 / 10:07 AM / CBS News". */
const STAMP_WORDS =
  /\b(?:published|updated|posted|last|modified|on|at|by|am|pm|a\.m|p\.m|est|edt|cst|cdt|pst|pdt|gmt|utc|bst|cet|ist|ago|hours?|mins?|minutes?|days?|seconds?|secs?|weeks?|months?|hrs?|de|às|em|pukul|wib)\b/gi;
const MONTH_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januari|februari|maret|mei|juni|juli|agustus|oktober|desember|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b\.?/gi;
const WEEKDAY_WORDS =
  /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?|\b(?:segunda|terça|quarta|quinta|sexta)-feira\b|\b(?:sábado|domingo|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b/gi;

/** A date stamp: a short line that is a date or time plus the words that stand around one. */
export function isDateStamp(line: string): boolean {
  if (line.length > 110 || !/\d/.test(line)) return false;
  // The signature of an embedded post: "— Robert Maguire (@RobertMaguire_) November 18, 2019".
  if (/^[—–-]/.test(line) || /\(@\w+\)/.test(line)) return false;
  const hasDate =
    MONTH_WORDS.test(line) || /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/.test(line) || /\b\d{1,2}:\d{2}\b/.test(line) || /\bago\b/i.test(line);
  MONTH_WORDS.lastIndex = 0;
  if (!hasDate) return false;
  const rest = line
    .replace(MONTH_WORDS, ' ')
    .replace(WEEKDAY_WORDS, ' ')
    .replace(STAMP_WORDS, ' ')
    .replace(/\d+(?:st|nd|rd|th)?/g, ' ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .trim();
  const words = rest ? rest.split(/\s+/) : [];
  // What may remain is a source ("CBS News", "Reuters") or an author's name: at most three words.
  return words.length <= 3;
}

/** A byline: "By Justine Coleman - 11/18/19 11:04 PM EST", "By Stefan Becket, Kathryn Watson". */
export function isByline(line: string): boolean {
  if (line.length > 120) return false;
  const body = line.replace(/\b(?:[ap]\.m|\w)\.$/i, '');
  if (
    /^(?:by|por|oleh|von|par|di)\s+\p{Lu}/u.test(line) &&
    (!/[.!?]["”']?$/.test(body) || isDateStamp(line.replace(/^\S+\s+[^,]+(?:,[^,]+)?\s+on\s+/i, '')))
  )
    return true;
  return /^(?:additional reporting|reporting) by\b/i.test(line) && line.length < 100;
}

/** A photo caption closing with its credit: "… (Image: GETTY )", "… Credit: EPA", "… Reuters", "| Getty Images". */
export function isCreditedCaption(line: string): boolean {
  if (line.length > 400) return false;
  if (isPhotoCaption(line)) return true;
  if (/\((?:image|photo|picture|pic|credit)s?\s*:[^()]{1,60}\)\s*$/i.test(line)) return true;
  if (/\bcredit\s*:\s*[^.]{1,60}$/i.test(line)) return true;
  if (/\((?:AP|AFP|Reuters) Photo[^()]*\)\s*$/i.test(line)) return true;
  // An agency name glued to the end of a caption or after a name: "… in New York.Reuters", "… Timothy Weeks AP".
  if (line.length < 300 && /(?:[.)]|\p{Ll}) ?(?:Reuters|AP|AFP|EPA|Getty Images|Getty|Shutterstock)$/u.test(line) && !/[.!?]["”]?$/.test(line))
    return true;
  return (
    /^[^.]{0,60}\|\s*(?:getty images|shutterstock|afp|reuters|ap)\s*$/i.test(line) ||
    /^[\w .'-]{2,40}\s*(?:\/|\|)\s*(?:getty images|afp|reuters|ap|zdnet|shutterstock)\b/i.test(line)
  );
}

/** A line that is furniture whatever element holds it. */
export function isFurnitureText(line: string): boolean {
  if (isFurnitureLine(line)) return true;
  if (line.length <= 120) {
    const lower = line.toLowerCase().replace(/[\s:.…]+$/, '');
    if (EXTRA_LINES.has(lower)) return true;
  }
  if (line.length <= 300 && EXTRA_PATTERNS.some((p) => p.test(line))) return true;
  return isDateStamp(line) || isByline(line) || isCreditedCaption(line);
}

const POINTER_PHRASE =
  "(?:related(?: \\w+){0,2}|more(?: from| on| stories| news)?|you may also like|you might also like|recommended(?: for you)?|trending(?: now)?|latest(?: news)?|popular|most (?:read|popular)|read (?:more|next)|see also|also read|further reading|about the author|something to consider|don[’']t miss|top stories)";
/** The phrase and nothing else but punctuation: "You may also like...", "More:", "Related Stories". */
const POINTER_LINE = new RegExp(`^${POINTER_PHRASE}\\s*[:.…]*$`, 'i');
/** As a heading the phrase may lead a longer title: "Related coverage from How to Do Everything: Money:". */
const POINTER_HEADING = new RegExp(`^(?:${POINTER_PHRASE}\\b|holiday gift guides)`, 'i');

/** A heading that opens a list of links elsewhere: "Related coverage", "More:", "You may also like". */
export function isPointerHeading(line: string, isHeading = true): boolean {
  if (line.length > 80) return false;
  return isHeading ? POINTER_HEADING.test(line) || POINTER_LINE.test(line) : POINTER_LINE.test(line);
}
