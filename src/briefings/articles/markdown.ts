// Reader for Markdown articles with YAML front matter (title, date/published, source, url, tags,
// summary), as written by hand or by a Readability → Markdown scraper. Markdown syntax is reduced to
// text (links keep their words, images go, emphasis marks go, headings stay headings) and scraper
// boilerplate is dropped: photo credits, "watch now" widgets, lone links, "Read more" link lists,
// paywall pages.
import { unglueSentences } from '../text/unglue';
import { cleanLine, normaliseNewlines } from '../text/whitespace';
import { splitFrontMatter } from './front-matter';
import { ArticleBuilder } from './builder';
import { parseDateValue } from './dates';
import { isFurnitureLine, isPhotoCaption } from './furniture';
import type { ReaderContext, ReaderResult } from './reader-types';

export { splitFrontMatter } from './front-matter';

function str(v: unknown): string | null {
  if (typeof v === 'string') return cleanLine(v) || null;
  if (typeof v === 'number') return String(v);
  return null;
}

const PLACEHOLDER_SOURCE = /^(?:unknown|n\/?a|none|null|-+)$/i;

function frontMatterSource(v: unknown): string | null {
  const s = str(v);
  return s && !PLACEHOLDER_SOURCE.test(s) ? s : null;
}

function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((t): t is string => t !== null);
  const s = str(v);
  return s
    ? s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
}

const AGENCIES =
  'Getty Images|Reuters|Bloomberg|AFP|AP|NurPhoto|Anadolu|CNBC|Future Publishing|Shutterstock|Alamy|EPA|SOPA Images|LightRocket|Corbis|Sipa USA|Xinhua|AP Photo';
/** "Gabby Jones | Bloomberg | Getty Images": a photo credit, possibly glued to the text around it. */
const CREDIT = new RegExp(`(?:[A-Z][\\w.'’+&-]*(?: [\\w.'’+&-]+){0,4} \\| ){1,3}(?:${AGENCIES})`, 'g');
/** Text of paywall and bot-block pages: the scraper saved the barrier, not the article. */
const PAYWALL_MARKERS = [
  'Subscribe to unlock this article',
  'The page you are trying to access is unavailable',
  'For help please visit [help.ft.com]',
  'Why have I been blocked?',
  'Explore our full range of subscriptions',
  'Please enable JS and disable any ad blocker',
];
const LINK_LIST_HEADING =
  /^(?:read more|related|more from|more on|latest in|see also|recommended|most popular|trending|also read|further reading|more coverage)\b/i;
/** Headings of sign-up and contact boxes: the heading and everything up to the next heading go. */
const BOILERPLATE_SECTION =
  /^(?:contact us|stay connected|get the latest updates from|questions or comments\??|in this article|(?:get|sign up for|subscribe to) .{0,80}(?:newsletter|inbox)|follow us\b.*|share this (?:article|story))\s*:?$/i;
/** The author box that closes many scraped pages: "Sarah has worked as a reporter for TechCrunch since…". */
const AUTHOR_BIO =
  /^(?:You can contact or verify outreach from\b|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2} (?:is|has been|has worked as|was|covers|joined|writes)\b.{0,250}\b(?:reporter|writer|editor|freelancer|contributor|journalist|correspondent|columnist)\b)/;

function isAuthorBio(paragraph: string): boolean {
  return paragraph.length < 700 && AUTHOR_BIO.test(paragraph);
}

const DEFAULT_SUMMARY = /^(?:no summary available\.?|n\/a|none)$/i;

/** Markdown inline syntax → plain text. */
export function stripInline(s: string): string {
  // Backslash escapes are set aside first so that "\\*" is never read as emphasis.
  let out = s.includes('\\') ? s.replace(/\\([\\`*_{}[\]()#+\-.!|>~"'])/g, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0))) : s;
  // Each rewrite runs only when the text it is about to read holds the mark its pattern needs (most scraped
  // paragraphs hold none of them): a pattern cannot match without its mark, so the result is the same.
  const has = (mark: string): boolean => out.includes(mark);
  if (has('[')) {
    out = out
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, ' ')
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // links keep their words
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1'); // reference links
  }
  if (has('<')) {
    out = out
      .replace(/<(?:https?:\/\/|mailto:)[^>]*>/g, ' ') // autolinks
      .replace(/<\/?[a-zA-Z][^>]*>/g, ' '); // inline HTML tags
  }
  if (has('*') || has('_')) {
    out = out
      .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2') // strong
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2') // emphasis *x*
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2'); // emphasis _x_ (not snake_case)
  }
  if (has('~~')) out = out.replace(/~~(?=\S)([^~]*?\S)~~/g, '$1');
  if (has('`')) out = out.replace(/`([^`]*)`/g, '$1');
  return SET_ASIDE.test(out) ? out.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000)) : out;
}
const SET_ASIDE = /[\ue000-\ue07f]/;

/** Scraper residue inside a paragraph: credits glued to text, "watch now" widgets. */
function stripResidue(s: string): string {
  if (/^(?:watch now|video)/i.test(s)) s = s.replace(/^(?:watch now\s*)+/i, '').replace(/^VIDEO\s*\d{1,2}:\d{2}\s*\d{0,2}:?\d{0,2}\s*/i, '');
  if (s.slice(-12).toLowerCase().endsWith('watch now')) {
    s = s.replace(/(?:WATCH|VIDEO): .{0,150}?watch now$/, '').replace(/\s*watch now$/i, '');
  }
  if (!s.includes(' | ')) return s;
  // A figure glued to the paragraph it precedes: "Caption text.Gabby Jones | Bloomberg | Getty ImagesShort-seller …"
  CREDIT.lastIndex = 0;
  const first = CREDIT.exec(s);
  if (first && first.index < 400 && first.index > 0 && s[first.index - 1] !== ' ') {
    const after = s[first.index + first[0].length] ?? '';
    if (/[A-Z“"‘]/.test(after)) s = s.slice(first.index + first[0].length);
  }
  CREDIT.lastIndex = 0;
  return s.replace(CREDIT, ' ');
}

function isLoneLink(raw: string): boolean {
  return /^(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)[.\s]*$/.test(raw) || /^<?https?:\/\/\S+>?$/.test(raw);
}

function isCreditLine(line: string): boolean {
  if (/^(?:[^|]{1,60} \| ){1,3}[^|]{1,40}$/.test(line) && line.length < 140 && !/[.!?]$/.test(line)) return true;
  return (
    /^(?:Image|Photo|Photograph|Picture)?\s*(?:credit|source|courtesy)s?\s*:/i.test(line) || /^(?:Getty Images|Reuters|AP Photo|AFP)$/i.test(line)
  );
}

interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'image';
  text: string;
  level?: number;
}

const IMAGE_MARK = '\ue100';

/** Markdown body → blocks of plain text. */
export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let inFence = false;
  const flush = () => {
    // Inline syntax is reduced on the joined paragraph: links and emphasis may span lines.
    if (para.length > 0) {
      const text = stripInline(para.join(' '));
      blocks.push({ kind: 'paragraph', text: text.includes(IMAGE_MARK) ? text.replace(/\ue100/g, ' ') : text });
    }
    para = [];
  };
  // Images and empty links may span lines ("[\n\n](https://…/photo.png)"): remove them before splitting.
  // A standalone image leaves a marker line, so a credit line under it is known to be the image's.
  const src = normaliseNewlines(body)
    .replace(/^[ \t]*(?:\[[ \t]*)?!\[[^\]]{0,800}\]\([^)\s]*\)(?:\]\([^)\s]*\))?[ \t]*$/gm, IMAGE_MARK)
    .replace(/!\[[^\]]{0,800}\]\([^)\s]*\)/g, '')
    .replace(/\[\s*\]\([^)\s]*\)/g, IMAGE_MARK);
  for (const rawLine of src.split('\n')) {
    const raw = rawLine.trim();
    if (/^(?:```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (raw) blocks.push({ kind: 'paragraph', text: raw });
      continue;
    }
    if (!raw) {
      flush();
      continue;
    }
    // Horizontal rules, table separators and table rows carry no prose.
    if (/^(?:[-*_]\s*){3,}$/.test(raw) || /^\|.*\|$/.test(raw) || /^:?-{3,}:?(?:\s*\|\s*:?-{3,}:?)+$/.test(raw)) {
      flush();
      continue;
    }
    if (raw === IMAGE_MARK) {
      // Kept as a marker only: a credit line under it belongs to the image, not to the text above.
      flush();
      blocks.push({ kind: 'image', text: '' });
      continue;
    }
    if (isLoneLink(raw)) {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(raw);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: stripInline(heading[2]), level: heading[1].length });
      continue;
    }
    // Setext headings: a line of === or --- under a paragraph line.
    if (/^=+$/.test(raw) && para.length === 1) {
      blocks.push({ kind: 'heading', text: stripInline(para[0]), level: 1 });
      para = [];
      continue;
    }
    const item = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      blocks.push({ kind: 'item', text: stripInline(item[1]) });
      continue;
    }
    para.push(raw.replace(/^(?:>\s?)+/, ''));
  }
  flush();
  return blocks;
}

export function readMarkdown(text: string, ctx: ReaderContext): ReaderResult {
  const warnings: string[] = [];
  const fm = splitFrontMatter(text);
  if (fm.warning) warnings.push(fm.warning);
  const data = fm.data;
  // The source named in front matter is the article's source; the file path is only the fallback
  // (scrapers write "Unknown" when they found none).
  const builder = new ArticleBuilder(frontMatterSource(data.source) ?? ctx.source);

  builder.offerDate(parseDateValue(data.date ?? data.published ?? data.pubDate ?? data.published_at ?? data.updated, ctx.savedAt));
  const url = str(data.url) ?? str(data.link);
  if (url) builder.url = url;
  const tags = [...tagsOf(data.tags), ...tagsOf(data.category), ...tagsOf(data.categories)];
  if (tags.length > 0) builder.tags = [...new Set(tags)];
  const summary = str(data.summary) ?? str(data.description);
  if (summary && !DEFAULT_SUMMARY.test(summary)) builder.providedSummary = summary;
  const standfirst = str(data.standfirst) ?? str(data.subtitle) ?? str(data.dek);
  if (standfirst) builder.setStandfirst(standfirst);

  let title = str(data.title) ?? '';
  const badTitle = titleProblem(data);
  /** Whether the title had to come from the body (its first heading or paragraph). */
  let titleFromBody = false;
  const paywalled = PAYWALL_MARKERS.some((m) => fm.body.includes(m));
  const blocks = paywalled ? [] : markdownBlocks(fm.body);
  let skippingLinkList = false;
  let skippingSection = false;
  /** Whether the block just before was kept as a paragraph (a credit line under it makes it a caption). */
  let previousWasShortParagraph = false;
  for (const block of blocks) {
    if (block.kind === 'image') {
      previousWasShortParagraph = false;
      continue;
    }
    const plain = cleanLine(block.text);
    if (block.kind === 'paragraph' && isCreditLine(plain)) {
      // "Nurphoto | Nurphoto | Getty Images" under a short paragraph: that paragraph was the caption.
      if (previousWasShortParagraph) builder.dropLastParagraph();
      previousWasShortParagraph = false;
      continue;
    }
    const t = cleanLine(stripResidue(block.text));
    if (!t) continue;
    // TechCrunch-style pages end the article at "Topics"; tags and author bios follow.
    if (block.kind === 'paragraph' && t === 'Topics' && builder.paragraphCount > 0) break;
    // Byline furniture: "Updated" / ": Feb 12, 2026 12:28pm UTC", "Boston, MA | June 23, 2026".
    if (t.length <= 60 && parseDateValue(t.replace(/^[:|]\s*/, '').replace(/^[^|]{1,30}\|\s*/, ''), ctx.savedAt)) continue;
    if (block.kind === 'heading') {
      previousWasShortParagraph = false;
      skippingSection = BOILERPLATE_SECTION.test(t);
      skippingLinkList = LINK_LIST_HEADING.test(t);
      if (skippingLinkList || skippingSection) continue;
      if (!title && block.level === 1) {
        title = t;
        titleFromBody = true;
        continue;
      }
      if (t === title) continue;
      builder.addHeading(t);
      continue;
    }
    if (skippingSection || (skippingLinkList && block.kind === 'item')) continue;
    skippingLinkList = false;
    previousWasShortParagraph = false;
    if (isFurnitureLine(t) || isPhotoCaption(t)) continue;
    if (!title) {
      title = t;
      titleFromBody = true;
      continue;
    }
    builder.addParagraph(unglueSentences(t));
    previousWasShortParagraph = block.kind === 'paragraph' && t.length <= 300;
  }

  builder.dropTrailing(isAuthorBio);
  if (builder.paragraphCount === 0 && builder.providedSummary) {
    // Teasers and paywalled pages: the publisher's summary is all the text there is.
    builder.addParagraph(builder.providedSummary);
  }
  builder.title = title;
  const article = builder.build();
  if (!article || article.paragraphs.length === 0) {
    if (paywalled) warnings.push('paywalled or blocked page with no summary: skipped');
    else if (titleFromBody && (badTitle || fm.warning)) return { articles: [], warnings: droppedForTitle(warnings, fm.warning, badTitle) };
    else warnings.push('no recognisable article (no body text)');
    return { articles: [], warnings };
  }
  if (badTitle) warnings.push(`${badTitle}: the first heading or paragraph is the title instead`);
  return { articles: [article], warnings };
}

/** Why a front-matter title cannot be used ("title" is a list, a mapping, true/false, or empty), or null. */
function titleProblem(data: Record<string, unknown>): string | null {
  if (!('title' in data) || str(data.title) !== null) return null;
  const v = data.title;
  if (Array.isArray(v)) return 'front matter "title" is a list, not text (put the title in quotes)';
  if (typeof v === 'boolean') return `front matter "title" is ${v} (yes/no), not text (put the title in quotes)`;
  if (v !== null && typeof v === 'object') return 'front matter "title" is a set of fields, not text';
  return 'front matter "title" is empty';
}

/**
 * The article was dropped because its title had to come from the body, which then had nothing left: say
 * so, with the front-matter problem that caused it, instead of a bare "no body text".
 */
function droppedForTitle(warnings: string[], broken: string | null, badTitle: string | null): string[] {
  const cause = broken ?? badTitle!;
  const rest = warnings.filter((w) => w !== broken);
  return [...rest, `${cause} — skipped: without a title, its only paragraph would become the title, leaving no body text`];
}
