// Stable, readable article ids: the title as a URL slug, made unique within a library.

const MAX_SLUG = 80;

export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG) return ascii || 'article';
  // Cut at a word boundary so ids stay readable in autocomplete.
  const cut = ascii.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}

/** Hands out unique ids: the second article titled "X" becomes "x-2". */
export class SlugRegistry {
  private readonly taken = new Set<string>();

  claim(title: string): string {
    const base = slugify(title);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  /** Keeps an id handed out earlier (from the cache) so it stays stable across restarts. */
  reserve(id: string): void {
    this.taken.add(id);
  }

  release(id: string): void {
    this.taken.delete(id);
  }
}
