// A page that gives only a teaser: the extracted text is too short to be the article, or the page says
// the rest is for subscribers. The caller then prefers the feed's own description.

/** Under this many characters of text, what we read is a teaser (or a failed extraction), not an article. */
export const TEASER_CHARS = 200;

/** Phrases paywalls print, in the page's text or its markup. */
const PAYWALL = [
  /\bsubscribe (?:now )?to (?:continue|keep) reading\b/i,
  /\bthis (?:article|content|story) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members|premium)/i,
  /\b(?:already a subscriber|to continue reading,? (?:please )?(?:log|sign) in|subscribe to (?:read|unlock) (?:the full|this) (?:article|story))/i,
  /\byou(?:'|’)ve (?:reached|used) (?:your|all your) (?:limit|free articles)/i,
  /"isAccessibleForFree"\s*:\s*(?:false|"false"|"False")/,
];

/**
 * `text` is what we read as the article; `container` everything Readability kept around it (the paywall
 * notice itself is furniture, so it is looked for there, near the end).
 */
export function looksLikeTeaser(text: string, container: string, html: string): boolean {
  if (text.length < TEASER_CHARS) return true;
  const tail = container.slice(-1500);
  if (PAYWALL.slice(0, 4).some((p) => p.test(tail))) return true;
  // The markup flag counts only with a short text: many paywalled pages still serve the whole article.
  return text.length < 1500 && PAYWALL[4].test(html.slice(0, 400_000));
}
