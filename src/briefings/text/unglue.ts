// Scrapers that lose block boundaries glue sentences together: "on Monday.The trial", "reversing."The".
// Restoring the space lets the sentence splitter see the boundary. Only a sentence end after two
// lower-case letters or digits ("Monday.", "2024.", "5%.") counts, so "U.S.The", "3.5" and "e.g.The"
// are left alone.

function isLowerAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

function isLowerOrDigit(ch: string | undefined): boolean {
  return isLowerAscii(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
}

function isUpperAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'A' && ch <= 'Z';
}

/** Insert the missing space at glued sentence boundaries. Linear; returns the text unchanged when nothing is glued. */
export function unglueSentences(text: string): string {
  let out = '';
  let from = 0;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      straightOpen = !straightOpen;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const last = text[i - 1];
    if (!(isLowerOrDigit(last) || last === '%' || last === ')') || !isLowerOrDigit(text[i - 2])) continue;
    const next = text[i + 1];
    const after = text[i + 2];
    let cut = -1;
    if (isUpperAscii(next) && isLowerAscii(after)) cut = i + 1;
    else if (next === '”' && isUpperAscii(after)) cut = i + 2;
    else if (next === '“' && isUpperAscii(after)) cut = i + 1;
    else if (next === '"' && isUpperAscii(after)) cut = straightOpen ? i + 2 : i + 1;
    if (cut === -1) continue;
    out += `${text.slice(from, cut)} `;
    from = cut;
  }
  return from === 0 ? text : out + text.slice(from);
}
