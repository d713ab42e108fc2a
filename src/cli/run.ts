// `briefbot <command>`: the core from a terminal. Returns an exit code instead of exiting, so tests can call it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BRIEFING_SIZE, type Article, type Library, type Summary, type SummaryLength } from '../briefings';
import { formatArticles, formatBriefing, formatQuotes, formatSearch, formatSummary, formatWarnings } from './format';
import type { PageFetcher } from './extract';
import type { FeedFetcher } from './fetch';
import { articleJson, briefJson, quoteJson, searchJson, summaryJson } from './json';

export const USAGE = `Usage: briefbot <command> [options]

Commands:
  articles                         list the library's articles
  brief [topic]                    a briefing: the most relevant recent articles with summaries and quotes
  summary <id or words>            one article's summary (--all: every article)
  quotes [words]                   quotations and who said them (--speaker NAME to filter)
  search <words>                   articles matching the words (typos tolerated)
  extract <file | folder | URL>    what the library reads from web pages (.html, .htm, .html.gz);
                                   a folder: one JSON object a line
  fetch                            poll every feed once (FEEDS and the servers' /sources), store what is
                                   new, print feed, new, updated, unchanged, failed and why

Options:
  --content DIR                    folder of articles (default: $CONTENT_DIR or ./content)
  --database FILE                  the article store, shared with the bot (default: $DATABASE_PATH or ./data/briefbot.db)
  --length short|medium|long       summary length: 1, 3 or 5 sentences (default medium)
  --limit N                        how many results (default 5 for brief, 10 otherwise)
  --speaker NAME                   quotes by this speaker (fuzzy)
  --all                            with summary: every article
  --json                           machine-readable output (fields documented in README)
  --warnings                       list every file that could not be read (default: the first ten and a count)
  -h, --help                       this text
`;

export interface OpenedLibrary {
  library: Library;
  close(): Promise<void>;
}

/** What the CLI needs from outside its room; the entry point (src/cli.ts) wires the store and the folder sync. */
export interface CliDeps {
  /** The library of a content folder over the article store in `database` (brought in step with the folder first). */
  openLibrary: (contentDir: string, database: string) => Promise<OpenedLibrary>;
  /** The files of a folder, for `extract` (never following links out of it). */
  listFiles: (dir: string, onWarning: (file: string, reason: string) => void) => { path: string }[];
  /** Replaces the plain fetch extract uses for URLs (tests, and the SSRF-safe fetcher). */
  fetchPage?: PageFetcher;
  /** Polls every followed feed once into the store in `database` (`briefbot fetch`). */
  fetchFeeds?: FeedFetcher;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const LENGTHS: readonly SummaryLength[] = ['short', 'medium', 'long'];

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        length: { type: 'string' },
        limit: { type: 'string' },
        speaker: { type: 'string' },
        all: { type: 'boolean' },
        json: { type: 'boolean' },
        warnings: { type: 'boolean' },
        database: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function positiveInt(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${raw}"`);
  return n;
}

function summaryLength(raw: string | undefined): SummaryLength {
  if (raw === undefined) return 'medium';
  if ((LENGTHS as readonly string[]).includes(raw)) return raw as SummaryLength;
  throw new UsageError(`--length must be short, medium or long, not "${raw}"`);
}

type Values = ReturnType<typeof parse>['values'];
type Command = 'articles' | 'brief' | 'summary' | 'quotes' | 'search';
const COMMANDS: readonly string[] = ['articles', 'brief', 'summary', 'quotes', 'search'];

/** What a command was asked, checked before any article is read. */
interface Request {
  command: Command;
  words: string;
  values: Values;
  length: SummaryLength;
  limit: number;
}

/** Checks the command and its options; throws UsageError with what to type instead. */
function checkRequest(command: string, words: string, values: Values): Request {
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`);
  const length = summaryLength(values.length);
  const limit = positiveInt(values.limit, command === 'brief' ? DEFAULT_BRIEFING_SIZE : 10);
  if (command === 'search' && !words) throw new UsageError('search needs some words, e.g. briefbot search ukraine talks');
  if (command === 'summary' && !words && !values.all) throw new UsageError('summary needs an article id or title words, or --all');
  return { command: command as Command, words, values, length, limit };
}

/**
 * Every command, including `extract` (which may fetch a URL, hence the promise). `fetchPage` replaces the
 * plain fetch extract uses for URLs (tests, and the SSRF-safe fetcher).
 */
export async function runCommand(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch {
    return runCli(argv, io, deps);
  }
  const [command, ...rest] = parsed.positionals;
  if (command === 'fetch' && !parsed.values.help) {
    if (rest.length) {
      io.err(`briefbot: fetch takes no words (it polls every feed)\n\n${USAGE}`);
      return 2;
    }
    const { runFetch } = await import('./fetch');
    return runFetch(databaseSetting(parsed.values.database, io), io, deps.fetchFeeds);
  }
  if (command !== 'extract' || parsed.values.help) return runCli(argv, io, deps);
  if (rest.length !== 1) {
    io.err(`briefbot: extract needs one file, folder or URL\n\n${USAGE}`);
    return 2;
  }
  // extract and fetch load on use: a search, the common one-shot, needs neither (issue 13).
  const { runExtract } = await import('./extract');
  return runExtract(rest[0], { json: parsed.values.json === true, fetchPage: deps.fetchPage, listFiles: deps.listFiles }, io);
}

/** The article store from --database, else $DATABASE_PATH, else ./data/briefbot.db. */
function databaseSetting(option: string | undefined, io: CliIo): string {
  return option ?? (io.env.DATABASE_PATH?.trim() || './data/briefbot.db');
}

/**
 * The content folder from --content, else $CONTENT_DIR, else ./content. An empty value is refused: resolved,
 * it would silently read the working folder (often a shell variable that expanded to nothing).
 */
function contentSetting(option: string | undefined, env: string | undefined): string {
  if (option !== undefined) {
    if (!option.trim()) throw new UsageError('--content needs a folder, e.g. --content ./content (it was empty)');
    return option;
  }
  if (env !== undefined) {
    if (!env.trim()) throw new UsageError('CONTENT_DIR is set but empty: give a folder (CONTENT_DIR=./content) or remove the setting');
    return env;
  }
  return 'content';
}

export async function runCli(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    io.err(`briefbot: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  let request: Request;
  try {
    request = checkRequest(command, rest.join(' ').trim(), values);
  } catch (err) {
    io.err(`briefbot: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let contentDir: string;
  try {
    contentDir = path.resolve(contentSetting(values.content, io.env.CONTENT_DIR));
  } catch (err) {
    io.err(`briefbot: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    io.err(`briefbot: content folder not found: ${contentDir}`);
    return 1;
  }
  const database = databaseSetting(values.database, io);
  let opened: OpenedLibrary;
  try {
    opened = await deps.openLibrary(contentDir, database);
  } catch (err) {
    // The database refused (damaged, newer, not a file): the message names it and says what to do.
    io.err(`briefbot: ${(err as Error).message}`);
    return 1;
  }
  try {
    const warnings = formatWarnings(opened.library.warnings(), request.values.warnings === true);
    if (warnings) io.err(warnings);
    return await answer(request, opened.library, contentDir, io);
  } finally {
    await opened.close();
  }
}

/** Runs a checked request on a loaded library and prints the answer; the exit code says whether there was one. */
async function answer(request: Request, library: Library, contentDir: string, io: CliIo): Promise<number> {
  const { command, words, values, length, limit } = request;
  const emit = (data: unknown, text: string) => io.out(values.json === true ? JSON.stringify(data, null, 2) : text);
  const none = (what: string) => {
    io.err(`briefbot: ${what}`);
    return 1;
  };

  switch (command) {
    case 'articles': {
      const articles = library.articles();
      if (articles.length === 0) return none(`no articles in ${contentDir}`);
      if (values.json !== true) io.out(formatArticles(articles));
      else {
        // The JSON lists every article whole: read from the store one by one, only when asked for.
        const whole: Article[] = [];
        for (const a of articles) {
          const article = await library.article(a.id);
          if (article) whole.push(article);
        }
        emit(whole.map(articleJson), '');
      }
      return 0;
    }
    case 'brief': {
      const briefing = await library.brief({ topic: words || null, limit, length });
      if (briefing.items.length === 0) {
        return none(words ? `no articles about “${words}”` : `no articles in ${contentDir}`);
      }
      emit(briefJson(briefing), formatBriefing(briefing));
      return 0;
    }
    case 'summary': {
      if (values.all) {
        const all: Summary[] = [];
        for (const a of library.articles()) {
          const summary = await library.summary(a.id, { length });
          if (summary) all.push(summary);
        }
        if (all.length === 0) return none(`no articles in ${contentDir}`);
        emit(all.map(summaryJson), all.map(formatSummary).join('\n\n'));
        return 0;
      }
      const article = await library.findArticle(words);
      const s = article && (await library.summary(article.id, { length }));
      if (!s) return none(`no article matches “${words}” (try: briefbot articles)`);
      emit(summaryJson(s), formatSummary(s));
      return 0;
    }
    case 'quotes': {
      // With nothing to match, every quote is listed (newest articles first) unless --limit says otherwise.
      const everything = !words && !values.speaker && values.limit === undefined;
      const hits = await library.quotes({ query: words || undefined, speaker: values.speaker, limit: everything ? Number.MAX_SAFE_INTEGER : limit });
      if (hits.length === 0) return none('no quotes found');
      emit(hits.map(quoteJson), formatQuotes(hits));
      return 0;
    }
    case 'search': {
      const hits = await library.search(words, { limit });
      if (hits.length === 0) return none(`nothing matches “${words}”`);
      emit(hits.map(searchJson), formatSearch(hits));
      return 0;
    }
  }
  return 2;
}
