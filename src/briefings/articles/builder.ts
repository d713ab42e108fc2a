// Assembles a RawArticle from the pieces a reader finds, enforcing what every reader promises:
// paragraphs and headings trimmed and non-empty, the dateline taken off the first paragraph,
// headings that no paragraph follows dropped, dates as ISO strings.
import type { RawArticle } from '../types';
import { cleanLine } from '../text/whitespace';
import { splitDateline } from './furniture';
import type { DateLine } from './dates';

const HAS_WORD = /[\p{L}\p{N}]/u;

export class ArticleBuilder {
  title = '';
  standfirst: string | null = null;
  date: DateLine | null = null;
  url?: string;
  tags?: string[];
  providedSummary?: string;
  /** Set when the reader already knows the dateline (or knows there is none to look for). */
  dateline: string | null = null;
  findDateline = true;
  private readonly paragraphs: string[] = [];
  private readonly headings: string[] = [];
  private readonly positions: number[] = [];

  constructor(private readonly source: string) {}

  get paragraphCount(): number {
    return this.paragraphs.length;
  }

  addParagraph(text: string): void {
    const t = cleanLine(text);
    // Separators such as "___." or a lone quote mark carry no words.
    if (t && HAS_WORD.test(t)) this.paragraphs.push(t);
  }

  /** Take back the last paragraph (it turned out to be a photo caption). Headings after it stay put. */
  dropLastParagraph(): void {
    this.paragraphs.pop();
    for (let i = 0; i < this.positions.length; i++) this.positions[i] = Math.min(this.positions[i], this.paragraphs.length);
  }

  /** Drop paragraphs from the end while they match (author bios, contact lines). */
  dropTrailing(matches: (paragraph: string) => boolean): void {
    while (this.paragraphs.length > 1 && matches(this.paragraphs[this.paragraphs.length - 1])) this.dropLastParagraph();
  }

  addHeading(text: string): void {
    const t = cleanLine(text);
    if (!t || !HAS_WORD.test(t)) return;
    // Two headings in a row with no paragraph between: the later one wins the position.
    this.headings.push(t);
    this.positions.push(this.paragraphs.length);
  }

  /** Set the date unless one is already known; an exact date replaces an approximate one. */
  offerDate(d: DateLine | null): void {
    if (!d) return;
    if (!this.date || (this.date.approximate && !d.approximate)) this.date = d;
  }

  setStandfirst(text: string): void {
    const t = cleanLine(text);
    if (t) this.standfirst = t;
  }

  /** The article, or null when it has neither a title nor any text. */
  build(): RawArticle | null {
    const paragraphs = [...this.paragraphs];
    let dateline = this.dateline;
    if (this.findDateline && paragraphs.length > 0 && !dateline) {
      const split = splitDateline(paragraphs[0]);
      dateline = split.dateline;
      if (split.rest.trim()) paragraphs[0] = split.rest.trim();
    }
    const headings: string[] = [];
    const headingPositions: number[] = [];
    this.headings.forEach((h, i) => {
      if (this.positions[i] < paragraphs.length) {
        headings.push(h);
        headingPositions.push(this.positions[i]);
      }
    });
    const title = cleanLine(this.title);
    if (!title && paragraphs.length === 0 && !this.standfirst) return null;
    const article: RawArticle = {
      title: title || fallbackTitle(this.standfirst ?? paragraphs[0]),
      date: this.date ? this.date.date.toISOString() : null,
      dateApproximate: this.date ? this.date.approximate : false,
      standfirst: this.standfirst,
      dateline,
      headings,
      paragraphs,
      source: this.source,
      headingPositions,
    };
    if (this.url) article.url = this.url;
    if (this.tags && this.tags.length > 0) article.tags = this.tags;
    if (this.providedSummary) article.providedSummary = this.providedSummary;
    return article;
  }
}

/** A title for an article that has none: its first sentence, cut at a word near 100 characters. */
export function fallbackTitle(text: string): string {
  const first = /^(.{10,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  if (first.length <= 100) return first.replace(/[.]$/, '');
  const cut = first.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}
