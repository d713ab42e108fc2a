// A cheap check that an article is the one a snapshot indexed: title, sizes and counts, no full hash
// (restoring 100,000 articles must not read all their text).

export function fingerprint(a: {
  title: string;
  standfirst?: string | null;
  paragraphs?: string[];
  headings?: string[];
  quotes?: unknown[];
}): number {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n;
    h = Math.imul(h, 0x01000193);
  };
  const title = a.title ?? '';
  for (let i = 0; i < title.length; i++) mix(title.charCodeAt(i));
  mix((a.standfirst ?? '').length);
  const paragraphs = Array.isArray(a.paragraphs) ? a.paragraphs : [];
  mix(paragraphs.length);
  for (const p of paragraphs) mix(typeof p === 'string' ? p.length : -1);
  mix(Array.isArray(a.headings) ? a.headings.length : 0);
  mix(Array.isArray(a.quotes) ? a.quotes.length : 0);
  return h | 0;
}
