// Page furniture: the lines a scraped news page carries around its article (share buttons,
// "Short Url", photo captions with agency credits, datelines). Kept in one place so every reader
// drops the same things.

/** Whole lines that are never article text (compared lower-cased). */
// prettier-ignore
const FURNITURE_LINES = new Set([
  'short url', 'follow', 'following', 'share', 'shares', 'print', 'tweet', 'email', 'e-mail', 'comments', 'comment',
  'advertisement', 'ad', 'sponsored', 'read more', 'read next', 'subscribe', 'sign up', 'sign in', 'log in', 'listen',
  'watch', 'watch now', 'related', 'related articles', 'related topics', 'related stories', 'more stories',
  'most read', 'most popular', 'copy link', 'link copied', 'copied', 'facebook', 'twitter', 'x', 'whatsapp',
  'linkedin', 'telegram', 'reddit', 'skip to content', 'show more', 'show less', 'share this article',
  'share this', 'listen to this article', 'getty images', 'image', 'photo', 'video', 'click here',
  'continue reading', 'top stories', 'trending', 'menu', 'close', 'loading', 'loading...', 'story continues below advertisement',
  'subscribe to unlock this article', 'open in app', 'save', 'bookmark', 'font size', 'text size',
  'updated', 'published', 'posted', 'in brief', 'topics', 'tags', 'share article', 'advertisement - scroll to continue',
]);

/** Lines that start like furniture: "Follow @arabnews", "Share on Facebook", "Image credit: Intrepid Studios". */
const FURNITURE_PATTERNS: RegExp[] = [
  /^follow (?:us|@\S+|on \w+)/i,
  /^share (?:on|via|to) \w+/i,
  /^(?:image|photo|picture|video|graphic) ?(?:credit|source|courtesy)?\s*:/i,
  /^(?:photograph|illustration|credit)\s*:/i,
  /^(?:sign up|subscribe) (?:for|to) (?:our|the) [\w\s]{0,40}newsletters?\b/i,
  /^\d+ min(?:ute)?s? read$/i,
  /^(?:video|watch now)\s*\d{1,2}:\d{2}/i,
];

/** News agencies whose credit in parentheses closes a photo caption: "... on December 2, 2025. (AFP)". */
const AGENCY =
  /\((?:AFP|AP|Reuters|EPA(?:-EFE)?|Xinhua|Getty(?: Images)?|SPA|WAM|Anadolu|Bloomberg|Shutterstock|Supplied|Handout|File|AFP\/Getty|UPI|PA|Sputnik|TASS|IRNA|SANA|Bernama|Kyodo|Yonhap|ANI|PTI|dpa|ANSA|Photo|Screengrab|Screenshot)(?:\s*(?:\/|via|-)\s*[^()]{1,40})?\)$/i;

/** A photo caption: ends with an agency credit, or with a sentence and then a short parenthetical credit. */
export function isPhotoCaption(line: string): boolean {
  if (line.length > 500 || !line.endsWith(')')) return /^(?:FILE PHOTO|TOPSHOT|FILE)\s*[:-]/.test(line);
  if (AGENCY.test(line)) return true;
  // Agency caption labels: "FILE PHOTO: A man walks past …", "TOPSHOT - Supporters cheer …".
  if (/^(?:FILE PHOTO|TOPSHOT|FILE)\s*[:-]/.test(line)) return true;
  return /[.!?”"]\s*\((?:[A-Z][\w.&'’-]*)(?:[ /][\w.&'’-]+){0,4}\)$/.test(line);
}

export function isFurnitureLine(line: string): boolean {
  // Furniture is short; checking length first keeps long paragraphs from paying for the patterns.
  if (line.length > 120) return false;
  const lower = line.toLowerCase().replace(/[:.]+$/, '');
  if (FURNITURE_LINES.has(lower)) return true;
  return FURNITURE_PATTERNS.some((p) => p.test(line));
}

/** Labels in capitals that open a paragraph but are not places ("UPDATE: Studio confirms…"). */
// prettier-ignore
const NOT_PLACES = new Set([
  'UPDATE', 'UPDATED', 'BREAKING', 'BREAKING NEWS', 'NEW', 'WATCH', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'CORRECTION',
  'LIVE', 'VIDEO', 'PHOTOS', 'READ', 'NOTE', 'EDITOR', 'EDITORS NOTE', 'CLARIFICATION', 'WARNING', 'SPOILER',
  'SPOILERS', 'Q', 'A', 'FILE PHOTO', 'FILE', 'TOPSHOT', 'PHOTO', 'FACT CHECK', 'REVIEW', 'COMMENT', 'EDITORIAL', 'PODCAST', 'TL;DR', 'TLDR', 'FAQ', 'DEAL', 'PSA', 'FYI',
]);

// A place in capitals ("MOSCOW", "NEW YORK", "WASHINGTON, D.C.", "SAN FRANCISCO, Calif."), an optional
// agency in brackets, then a colon or dash before the sentence starts.
const DATELINE =
  /^((?:[A-Z][A-Z'’.-]+)(?: [A-Z][A-Z'’.-]+){0,3}(?:, (?:[A-Z][A-Za-z.]*)(?: [A-Z][A-Za-z.]*){0,2})?)\s*(?:\(([A-Za-z][\w .&/-]{0,30})\))?\s*(?::|—|–|--|-)\s+(?=["“‘'A-Z0-9])/;
const AGENCY_ONLY = /^\((?:CNN|Reuters|AP|AFP|CNN Business|CNN Money|BBC|EW\.com|Bloomberg)\)\s*(?:--|—|–|-)?\s*/;

/** Split a dateline off the first paragraph: "MOSCOW: US Secretary…" → MOSCOW + "US Secretary…". */
export function splitDateline(paragraph: string): { dateline: string | null; rest: string } {
  const agency = AGENCY_ONLY.exec(paragraph);
  if (agency) return { dateline: null, rest: paragraph.slice(agency[0].length) };
  const m = DATELINE.exec(paragraph);
  if (!m) return { dateline: null, rest: paragraph };
  const place = m[1].trim();
  const firstWord = place.split(/[ ,]/)[0];
  const letters = firstWord.replace(/[^A-Z]/g, '');
  if (letters.length < 2 || NOT_PLACES.has(place.replace(/[’'.]/g, '')) || NOT_PLACES.has(firstWord)) {
    return { dateline: null, rest: paragraph };
  }
  const rest = paragraph.slice(m[0].length).trim();
  // A dateline opens a body sentence; never leave the paragraph empty or a stub.
  if (rest.length < 20) return { dateline: null, rest: paragraph };
  return { dateline: place, rest };
}

/** "- Moscow rejects amended plan -" → "Moscow rejects amended plan". */
export function dashedHeading(line: string): string | null {
  const m = /^[-–—]+\s*(\S(?:.{0,118}\S)?)\s*[-–—]+$/.exec(line);
  return m ? m[1] : null;
}

/**
 * Could this line be a section heading? Short, starts with a capital or digit, ends without
 * sentence punctuation. The caller checks that it stands between blank lines.
 */
export function isHeadingCandidate(line: string): boolean {
  if (line.length < 2 || line.length > 80) return false;
  if (!/^[A-Z0-9]/.test(line)) return false;
  if (/[.,;:!?"“”'’…]$/.test(line)) return false;
  if (line.split(' ').length > 10) return false;
  return !isFurnitureLine(line) && !isPhotoCaption(line);
}

/** Bullet characters that open a standfirst or a list item. */
export const BULLET = /^[•·▪●◦‣∙]\s*/;
