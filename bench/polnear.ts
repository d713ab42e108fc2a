// PolNeAR reading for the quote evaluation: gold attributions from .ann files, and the article text
// split into paragraphs with a map back to file offsets.
import * as fs from 'fs';
import * as path from 'path';
import { readPlainText } from '../src/briefings';

export type Span = [number, number];
export interface Gold {
  content: Span[];
  contentText: string;
  source: string | null;
  /** Where the Source span starts (file offset), or -1. */
  sourceAt: number;
  direct: boolean;
}
export interface Doc {
  name: string;
  text: string;
  golds: Gold[];
}

/** Code-point offsets → UTF-16 offsets (identity unless the text has astral characters). */
export function codePointMap(text: string): (cp: number) => number {
  const cps = Array.from(text);
  if (cps.length === text.length) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const c of cps) {
    map.push(u);
    u += c.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)];
}

export function parseAnn(ann: string, toU16: (cp: number) => number, text: string): Gold[] {
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const events: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (t) {
      const sp = t[3]
        .split(';')
        .map((s) => s.trim().split(/\s+/).map(Number))
        .map(([a, b]) => [toU16(a), toU16(b)] as Span);
      spans.set(t[1], { type: t[2], spans: sp });
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (e)
      events.push(
        Object.fromEntries(
          e[1]
            .trim()
            .split(/\s+/)
            .map((kv) => kv.split(':') as [string, string]),
        ),
      );
  }
  const golds: Gold[] = [];
  for (const ev of events) {
    const c = ev.Content ? spans.get(ev.Content) : undefined;
    if (!c) continue;
    const contentText = c.spans.map(([a, b]) => text.slice(a, b)).join(' ');
    const s = ev.Source ? spans.get(ev.Source) : undefined;
    golds.push({
      content: c.spans,
      contentText,
      source: s ? s.spans.map(([a, b]) => text.slice(a, b)).join(' ') : null,
      sourceAt: s ? s.spans[0][0] : -1,
      direct: /[“”"]/.test(contentText),
    });
  }
  return golds;
}

export function loadSplit(corpus: string, split: string): Doc[] {
  const annDir = path.join(corpus, split, 'attributions');
  const textDir = path.join(corpus, split, 'text');
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for (const f of fs.readdirSync(annDir).sort()) {
    if (!f.endsWith('.ann')) continue;
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const textPath = path.join(textDir, `${base}.txt`);
    if (!fs.existsSync(textPath)) continue;
    const text = fs.readFileSync(textPath, 'utf8');
    docs.push({ name: base, text, golds: parseAnn(fs.readFileSync(path.join(annDir, f), 'utf8'), codePointMap(text), text) });
  }
  return docs;
}

/**
 * The article exactly as briefbot's plain-text reader gives it (title, cleaned paragraphs with
 * furniture, headings and separators dropped), with each paragraph located in the file so that
 * quote offsets map back to .ann offsets. Whitespace runs are compared collapsed.
 */
export function asArticle(
  text: string,
  name: string,
): { title: string; paragraphs: string[]; toFile: (paragraph: number, offset: number) => number; unmapped: number } {
  const read = readPlainText(text, { source: `${name}.txt`, savedAt: new Date(0) }).articles[0];
  if (!read) {
    const simple = asSimpleArticle(text);
    return { title: simple.title, paragraphs: simple.paragraphs, toFile: (p, o) => simple.offsets[p] + o, unmapped: 0 };
  }
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (norm.endsWith(' ')) continue;
      norm += ' ';
    } else norm += c;
    map.push(i);
  }
  const starts: number[] = [];
  let cursor = 0;
  let unmapped = 0;
  for (const p of read.paragraphs) {
    const at = norm.indexOf(p, cursor);
    if (at < 0) {
      unmapped++;
      starts.push(-1);
      continue;
    }
    starts.push(at);
    cursor = at + p.length;
  }
  // Paragraphs are cleaned copies (single spaces), so an offset inside one is an offset into `norm`.
  const toFile = (p: number, o: number) => (starts[p] < 0 ? -1 : (map[starts[p] + o] ?? text.length));
  return { title: read.title, paragraphs: read.paragraphs, toFile, unmapped };
}

/** Fallback when the reader finds no article: title line, then blank-line paragraphs. */
export function asSimpleArticle(text: string): { title: string; paragraphs: string[]; offsets: number[] } {
  const nl = text.indexOf('\n');
  const title = (nl < 0 ? text : text.slice(0, nl)).trim();
  const paragraphs: string[] = [];
  const offsets: number[] = [];
  const re = /\n[ \t]*\n/g;
  let start = nl < 0 ? text.length : nl + 1;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) return;
    paragraphs.push(body.replace(/\n/g, ' '));
    offsets.push(from + lead);
  };
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return { title, paragraphs, offsets };
}

export interface SystemQuote {
  spans: Span[];
  speaker: string | null;
  role?: string | null;
  organisation?: boolean;
}
