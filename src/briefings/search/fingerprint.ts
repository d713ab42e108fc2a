// A cheap check that an article is the one a snapshot indexed: title, sizes and counts, no full hash
// (restoring 100,000 articles must not read all their text). FNV-1a, written out without a helper
// closure: this runs once per article on every restart.

const PRIME = 0x01000193;

export function fingerprint(a: {
  title: string;
  standfirst?: string | null;
  paragraphs?: string[];
  headings?: string[];
  quotes?: unknown[];
}): number {
  let h = 0x811c9dc5;
  const title = a.title ?? '';
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), PRIME);
  h = Math.imul(h ^ (a.standfirst ?? '').length, PRIME);
  const paragraphs = Array.isArray(a.paragraphs) ? a.paragraphs : [];
  h = Math.imul(h ^ paragraphs.length, PRIME);
  for (const p of paragraphs) h = Math.imul(h ^ (typeof p === 'string' ? p.length : -1), PRIME);
  h = Math.imul(h ^ (Array.isArray(a.headings) ? a.headings.length : 0), PRIME);
  h = Math.imul(h ^ (Array.isArray(a.quotes) ? a.quotes.length : 0), PRIME);
  return h | 0;
}
