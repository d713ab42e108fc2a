// Lead-N: the first N sentences of the body, the classic news baseline (See et al. 2017), and a
// fair Lead-N that first skips what no editor would call the story's opening: bylines ("By .",
// "By Jane Smith"), "PUBLISHED: … | UPDATED: …" headers and their time stamps, photo captions,
// "Scroll down for video", and the wire dateline before the first sentence ("New Delhi, Mar 12 (PTI)").
// These rules are the benchmark's own, written apart from the summariser's, so "the lede" below is
// not defined by the system being measured.
import type { Sentence } from '../../src/briefings';

export function leadN(sentences: Sentence[], n: number): string[] {
  return sentences
    .filter((s) => s.text.trim() !== '')
    .slice(0, n)
    .map((s) => s.text);
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** "New Delhi, Mar 12 (PTI)", "LONDON, March 3 (Reuters) -", "(CNN) --", "WASHINGTON (AP) —". */
const WIRE_DATELINE = new RegExp(
  `^(?:[A-Z][\\w.'’-]*(?: [A-Z][\\w.'’-]*){0,3}(?:, ${MONTH} \\d{1,2}(?:, \\d{4})?)?\\s*)?\\((?:PTI|IANS|ANI|UNI|Reuters|AP|AFP|CNN|IANS|Xinhua|dpa)\\)\\s*[:—–-]*\\s*`,
);

const TIME_STAMP = /\b\d{1,2}:\d{2}\s*(?:[AP]M\s*)?(?:EST|EDT|GMT|BST|UTC|IST|ET|PT)\b/;

function wordsOf(text: string): number {
  return (text.match(/[A-Za-z0-9]+/g) ?? []).length;
}

/** The benchmark's own idea of furniture at the top of a news story. */
export function isLeadFurniture(text: string): boolean {
  const t = text.trim();
  const words = wordsOf(t);
  if (words === 0) return true;
  // "By .", "By Jane Smith and Tom Jones, CNN" — not "By the 1850s, …".
  if (/^By\s*\.?$/.test(t) || (words <= 10 && /^By\s+[A-Z][\w.'’-]*(?:\s*(?:[A-Z][\w.'’-]*|and|&|,))*\s*\.?$/.test(t))) return true;
  if (/^(?:PUBLISHED|UPDATED|Last updated)\b/i.test(t) || /\|\s*\.?\s*UPDATED\b/.test(t)) return true;
  if (TIME_STAMP.test(t) && words <= 12) return true;
  if (/^Scroll down\b/i.test(t) || /^(?:Follow (?:us|@)|Share (?:this|on|via)\b|Read more:)/i.test(t)) return true;
  // Captions: a short line ending in an agency credit, or "Label: what the picture shows".
  if (words <= 30 && /\((?:AFP|AP|Reuters|Getty Images|EPA|PA|PTI|File|Photo)[^()]*\)\.?$/i.test(t)) return true;
  if (words <= 30 && /^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}:\s+["“A-Z]/.test(t)) return true;
  // A name or a couple of words on their own (the rest of a byline: "Associated Press .").
  return words <= 3 && (/\s\.$/.test(t) || !/[.!?]["”’]?$/.test(t));
}

export function stripWireDateline(text: string): string {
  const m = WIRE_DATELINE.exec(text);
  return m && text.length - m[0].length >= 20 ? text.slice(m[0].length) : text;
}

/** The first N sentences after furniture, the opening one without its wire dateline. */
export function fairLeadN(sentences: Sentence[], n: number): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    if (out.length >= n) break;
    const text = out.length === 0 ? stripWireDateline(s.text.trim()) : s.text.trim();
    if (isLeadFurniture(text)) continue;
    out.push(text);
  }
  return out;
}

/** The story's lede: the first sentence after furniture (null for an article with none). */
export function ledeOf(sentences: Sentence[]): string | null {
  return fairLeadN(sentences, 1)[0] ?? null;
}
