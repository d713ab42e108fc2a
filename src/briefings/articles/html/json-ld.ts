// The article object a page describes in JSON-LD (<script type="application/ld+json">): NewsArticle,
// Article, BlogPosting…, found at the top, in an array or in an @graph. Bad JSON is ignored.
import type { DomElement } from './dom';

export interface LdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|Posting)$/;
/** Enough for any page's metadata; a larger script is data (a state dump), not a description. */
const MAX_SCRIPT_CHARS = 500_000;

type Json = unknown;

function isArticle(node: Json): node is Record<string, Json> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
  const type = (node as Record<string, Json>)['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

function* candidates(node: Json, depth = 0): Generator<Json> {
  if (depth > 4 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* candidates(n, depth + 1);
    return;
  }
  yield node;
  const graph = (node as Record<string, Json>)['@graph'];
  if (graph) yield* candidates(graph, depth + 1);
}

function text(value: Json): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(text).filter((v): v is string => v !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return text((value as Record<string, Json>).name);
  return null;
}

/** `scripts`: the page's `<script type="application/ld+json">` elements, in document order. */
export function readJsonLd(scripts: Iterable<DomElement>): LdArticle | null {
  for (const script of scripts) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_SCRIPT_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    for (const node of candidates(parsed)) {
      if (!isArticle(node)) continue;
      return {
        headline: text(node.headline) ?? text(node.name),
        datePublished: text(node.datePublished) ?? text(node.dateCreated),
        author: text(node.author),
        publisher: text(node.publisher),
      };
    }
  }
  return null;
}
