// Bytes → text for article files. UTF-8 is expected; anything else is decoded as Windows-1252
// (a superset of Latin-1 for printable bytes), because that is what stray non-UTF-8 news text
// nearly always is — one BBC file carries a raw 0xA3 "£".
import { decode as iconvDecode } from 'iconv-lite';

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
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * One character for each byte value. Node's TextDecoder('windows-1252') (small ICU) is really Latin-1: it
 * turns 0x80–0x9F into C1 controls, which the readers strip, so curly quotes, dashes and € vanished. The
 * table comes from iconv-lite; the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * become the C1 control of the same number, as browsers decode them, and are then dropped like any control.
 */
const WINDOWS_1252: string[] = Array.from(iconvDecode(Buffer.from(Array.from({ length: 256 }, (_, b) => b)), 'windows-1252'), (c, b) =>
  c === '\ufffd' ? String.fromCharCode(b) : c,
);
const TABLE_16 = Uint16Array.from(WINDOWS_1252, (c) => c.charCodeAt(0));

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = TABLE_16[bytes[i]];
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}
