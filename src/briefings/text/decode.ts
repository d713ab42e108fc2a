// Bytes → text for article files. UTF-8 is expected; anything else is decoded as Windows-1252
// (a superset of Latin-1 for printable bytes), because that is what stray non-UTF-8 news text
// nearly always is — one BBC file carries a raw 0xA3 "£".

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the bytes hold a NUL, which no text article does (UTF-16 is recognised by its BOM first). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  return bytes.indexOf(0) !== -1;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Decode file bytes. Never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
