// Feed bytes → ParsedFeed, or a FeedParseError saying in plain words what the bytes were instead.
import { parseFeed, type AnyFeed } from 'feedsmith';
import { decodeBytes } from '../decode';
import { absoluteUrl } from './links';
import { normaliseItems } from './normalise';
import { rawFeed } from './raw-items';
import type { ParsedFeed } from './types';

export type FeedParseProblem = 'empty' | 'html' | 'malformed' | 'not-a-feed';

export class FeedParseError extends Error {
  constructor(
    readonly problem: FeedParseProblem,
    message: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

function classifyFailure(text: string, error: unknown): FeedParseError {
  if (!text.trim()) return new FeedParseError('empty', 'the feed is empty (no bytes, or only whitespace)');
  if (looksLikeHtml(text)) return new FeedParseError('html', 'the address serves a web page (HTML), not a feed');
  const name = error instanceof Error ? error.name : '';
  if (name === 'MalformedError' || /^\s*</.test(text)) {
    return new FeedParseError('malformed', 'the feed is not well-formed XML and could not be read');
  }
  return new FeedParseError('not-a-feed', 'the content is not RSS, Atom or JSON Feed');
}

/** Parses already-decoded text. feedUrl (after redirects) is the last base for relative links. */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text.trimStart());
  } catch (e) {
    throw classifyFailure(text, e);
  }
  const raw = rawFeed(parsed, feedUrl);
  const { items, warnings } = normaliseItems(raw);
  return {
    format: parsed.format,
    title: raw.title,
    homeUrl: absoluteUrl(raw.home, feedUrl),
    items,
    warnings,
  };
}

/** Decodes (BOM, HTTP charset, XML declaration, UTF-8) and parses; a charset problem becomes a warning. */
export function parseFeedBytes(bytes: Buffer, contentType: string | null, feedUrl: string): ParsedFeed {
  const decoded = decodeBytes(bytes, contentType);
  const feed = parseFeedText(decoded.text, feedUrl);
  return decoded.note ? { ...feed, warnings: [`charset: ${decoded.note}`, ...feed.warnings] } : feed;
}
