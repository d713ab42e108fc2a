// Furniture told by the names a page gives its elements: a block inside an element whose class or id
// says caption, byline, share, related, newsletter… is not article text. Readability keeps such
// elements when they sit inside the article's container; we drop them after it has chosen the container.
import type { DomElement } from './dom';

/** Words of class and id names that mark page furniture (matched against whole words of the name). */
// prettier-ignore
const FURNITURE_WORDS = new Set([
  'caption', 'captions', 'credit', 'credits', 'byline', 'bylines', 'dateline', 'timestamp', 'share', 'sharing', 'sharebar', 'social',
  'related', 'recirc', 'recommended', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'breadcrumb',
  'breadcrumbs', 'menu', 'nav', 'navbar', 'navigation', 'rail', 'sidebar', 'comments', 'comment', 'disclaimer', 'bio',
  'author', 'authors', 'tags', 'advert', 'advertisement', 'ad', 'ads', 'sponsor', 'sponsored', 'outbrain', 'taboola',
  'trending', 'popular', 'toolbar', 'print', 'cookie', 'cookies', 'consent', 'gdpr', 'slideshow', 'carousel', 'flyout',
  'screenreader', 'sr', 'visually', 'hidden', 'skip', 'postinfo', 'postmeta', 'meta', 'readtime', 'syndigate', 'syndication',
  'widget', 'donate', 'paywall', 'embed', 'gallery', 'lightbox', 'modal', 'popup', 'footer', 'headline', 'hed', 'dek',
  'standfirst', 'subtitle', 'subheadline', 'kicker', 'eyebrow', 'label', 'date', 'time', 'published', 'updated',
]);

/** Classes that mark the article's own text even when another word of the name looks like furniture. */
const BODY_WORDS = new Set(['body', 'paragraph', 'content', 'text', 'story', 'article', 'entry', 'post']);

/** "article__mm-image-caption-text subMenuContainer" → article, mm, image, caption, text, sub, menu, container. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Words that mark the standfirst (dek) of an article rather than its body. */
const STANDFIRST_WORDS = new Set(['dek', 'standfirst', 'subtitle', 'subheadline', 'sapo']);

function names(el: DomElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function matches(el: DomElement, words: Set<string>): boolean {
  const ws = nameWords(names(el));
  return ws.some((w) => words.has(w));
}

/**
 * Is this element named as furniture? A name that also says "body" or "paragraph" is left alone only
 * when the furniture word is a weak one ("meta", "date", "time"…), so "article-body-caption" still goes.
 */
export function namedFurniture(el: DomElement): boolean {
  const ws = nameWords(names(el));
  const hits = ws.filter((w) => FURNITURE_WORDS.has(w));
  if (hits.length === 0) return false;
  const weak = hits.every((w) => WEAK_WORDS.has(w));
  return !(weak && ws.some((w) => BODY_WORDS.has(w)));
}

/** Furniture words that also turn up in the names of article containers ("entry-meta", "post-content-time"). */
const WEAK_WORDS = new Set(['meta', 'date', 'time', 'label', 'headline', 'hidden', 'embed', 'footer', 'author', 'gallery', 'print', 'widget']);

export function namedStandfirst(el: DomElement): boolean {
  return matches(el, STANDFIRST_WORDS);
}

/** The elements from `el` up to (not including) `root`. */
export function ancestorsWithin(el: DomElement, root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  for (let cur: DomElement | null = el; cur && cur !== root; cur = cur.parentElement) out.push(cur);
  return out;
}
