// Bytes → text for feeds and pages: byte-order mark, then the HTTP charset, then the document's own declaration
// (<?xml encoding>, <meta charset>), else UTF-8. A document that claims UTF-8 but is not valid UTF-8 is read as
// windows-1252 instead of turning every accented letter into "�". None of the parsers does this themselves.
import * as iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  /** Set when the declared charset was wrong or unknown: what happened, for the log and the feed's status. */
  note: string | null;
}

function bomEncoding(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1] : null;
}

/** The encoding a document declares in its first kilobyte (XML declaration or HTML meta), read as ASCII. */
export function declaredInDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta ? meta[1] : null;
}

function isUtf8(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Picks the first usable declaration; unknown names are skipped with a note. */
function chooseDeclared(candidates: Array<[string, string | null]>, notes: string[]): string | null {
  for (const [where, name] of candidates) {
    if (!name) continue;
    if (iconv.encodingExists(name)) return name;
    notes.push(`unknown charset "${name}" in the ${where}`);
  }
  return null;
}

export function decodeBytes(bytes: Buffer, contentType?: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, note: null };
  const notes: string[] = [];
  const declared = chooseDeclared(
    [
      ['HTTP Content-Type', charsetFromContentType(contentType)],
      ['document', declaredInDocument(bytes)],
    ],
    notes,
  );
  let encoding = declared ?? 'utf8';
  if (isUtf8(encoding) && !isValidUtf8(bytes)) {
    const inDoc = declaredInDocument(bytes);
    const fallback = inDoc && !isUtf8(inDoc) && iconv.encodingExists(inDoc) ? inDoc : 'windows-1252';
    notes.push(`${declared ? 'declared as UTF-8' : 'no charset declared'} but not valid UTF-8; read as ${fallback}`);
    encoding = fallback;
  }
  return { text: iconv.decode(bytes, encoding), encoding, note: notes.length ? notes.join('; ') : null };
}
