// Small text helpers for titles and authors: feeds put HTML and entities where plain text belongs.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  euro: '€',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Plain text from a title-like string that may carry tags or entities; null when nothing is left. */
export function plainText(s: string | null | undefined, isHtml = /[<&]/.test(s ?? '')): string | null {
  if (!s) return null;
  const text = isHtml ? decodeEntities(s.replace(/<[^>]*>/g, ' ')) : s;
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? clean : null;
}

/** A non-empty trimmed string, or null. */
export function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
