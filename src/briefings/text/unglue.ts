// Scrapers that lose block boundaries glue sentences together: "on Monday.The trial", "reversing."The".
// Restoring the space lets the sentence splitter see the boundary. Only a sentence end after two
// lower-case letters or digits ("Monday.", "2024.", "5%.") counts, so "U.S.The", "3.5" and "e.g.The"
// are left alone.

// Character codes, not one-character strings: the loop reads every character of every scraped paragraph.
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122; // a-z (NaN, before the text, is none)
const isLowerOrDigit = (c: number): boolean => isLowerAscii(c) || (c >= 48 && c <= 57);
const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
const STRAIGHT = 34; // "
const PERCENT = 37;
const CLOSE_PAREN = 41;
const OPEN_CURLY = 0x201c; // “
const CLOSE_CURLY = 0x201d; // ”

/** Insert the missing space at glued sentence boundaries. Linear; returns the text unchanged when nothing is glued. */
export function unglueSentences(text: string): string {
  let out = '';
  let from = 0;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === STRAIGHT) {
      straightOpen = !straightOpen;
      continue;
    }
    if (ch !== 46 && ch !== 33 && ch !== 63) continue; // . ! ?
    const last = text.charCodeAt(i - 1);
    if (!(isLowerOrDigit(last) || last === PERCENT || last === CLOSE_PAREN) || !isLowerOrDigit(text.charCodeAt(i - 2))) continue;
    const next = text.charCodeAt(i + 1);
    const after = text.charCodeAt(i + 2);
    let cut = -1;
    if (isUpperAscii(next) && isLowerAscii(after)) cut = i + 1;
    else if (next === CLOSE_CURLY && isUpperAscii(after)) cut = i + 2;
    else if (next === OPEN_CURLY && isUpperAscii(after)) cut = i + 1;
    else if (next === STRAIGHT && isUpperAscii(after)) cut = straightOpen ? i + 2 : i + 1;
    if (cut === -1) continue;
    out += `${text.slice(from, cut)} `;
    from = cut;
  }
  return from === 0 ? text : out + text.slice(from);
}
