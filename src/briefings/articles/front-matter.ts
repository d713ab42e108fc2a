// YAML front matter split off a Markdown article: the common `key: "text"` lines read directly, anything else
// by the YAML parser (loaded on first use).
import type * as Yaml from 'yaml';
import { onFirstUse } from '../text/on-first-use';
import { normaliseNewlines } from '../text/whitespace';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- on first front matter: yaml takes longer to load than a search takes
const yaml = onFirstUse(() => require('yaml') as typeof Yaml);

interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  warning: string | null;
}

/**
 * One `key: "text"` a line, as scrapers write front matter: a double-quoted YAML scalar that uses only JSON's
 * escapes (no raw control characters) is the same string JSON reads, at a tenth of the YAML parser's cost
 * (issue 13: it was a quarter of reading a scraped article). Keys YAML would read as booleans or null are left to it.
 */
// Raw control characters are what sends a line to the YAML parser.
const SIMPLE_FIELD =
  // eslint-disable-next-line no-control-regex -- the class names them to exclude them
  /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+("(?:[^"\\\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")[ \t]*$/;
const NOT_STRING_KEY = /^(?:true|false|null)$/i;
/**
 * A quoted value that runs over lines with no escape or quote inside ("source: \"\n    Natasha Gilbert\n    \""):
 * its opening line, the lines it continues on (indented, not blank) and its closing line. YAML folds each line
 * break to one space and trims the whitespace around it (the tests hold this against the YAML parser).
 */
// eslint-disable-next-line no-control-regex -- the class names them to exclude them
const MULTILINE_OPEN = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+"([^"\\\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]*)$/;
// eslint-disable-next-line no-control-regex -- the class names them to exclude them
const MULTILINE_MIDDLE = /^ +([^"\\\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff ][^"\\\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]*?) *$/;
// eslint-disable-next-line no-control-regex -- the class names them to exclude them
const MULTILINE_CLOSE = /^ +([^"\\\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]*)"[ \t]*$/;

/** A quoted value opening at line `from` and folded over the lines to its closing quote, or null. */
function multilineField(lines: readonly string[], from: number, to: number): { key: string; value: string; next: number } | null {
  const open = MULTILINE_OPEN.exec(lines[from]);
  if (!open) return null;
  const parts = [open[2].replace(/ +$/, '')];
  for (let i = from + 1; i < to; i++) {
    const close = MULTILINE_CLOSE.exec(lines[i]);
    if (close) return { key: open[1], value: [...parts, close[1]].join(' '), next: i + 1 };
    const middle = MULTILINE_MIDDLE.exec(lines[i]);
    if (!middle) return null;
    parts.push(middle[1]);
  }
  return null;
}

/** Lines [from, to) as fields when every one is a simple field and no key repeats; else null (the YAML parser reads them). */
function simpleFields(lines: readonly string[], from: number, to: number): Record<string, unknown> | null {
  if (to <= from) return null;
  const data: Record<string, unknown> = {};
  for (let i = from; i < to;) {
    const m = SIMPLE_FIELD.exec(lines[i]);
    const field = m ? { key: m[1], value: JSON.parse(m[2]) as string, next: i + 1 } : multilineField(lines, i, to);
    if (!field || NOT_STRING_KEY.test(field.key) || Object.prototype.hasOwnProperty.call(data, field.key)) return null;
    data[field.key] = field.value;
    i = field.next;
  }
  return data;
}

/** Split YAML front matter off the body. Broken front matter is reported and the body still read. */
export function splitFrontMatter(text: string): FrontMatter {
  const src = normaliseNewlines(text).replace(/^\ufeff/, '');
  const lines = src.split('\n');
  if (lines.length === 0 || !/^---[ \t]*$/.test(lines[0])) return { data: {}, body: src, warning: null };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end === -1) return { data: {}, body: lines.slice(1).join('\n'), warning: 'broken front matter: no closing "---"' };
  const body = lines.slice(end + 1).join('\n');
  const simple = simpleFields(lines, 1, end);
  if (simple) return { data: simple, body, warning: null };
  const yamlText = lines.slice(1, end).join('\n');
  try {
    const data: unknown = yaml().parse(yamlText, { prettyErrors: false, maxAliasCount: 50 });
    if (data === null || data === undefined) return { data: {}, body, warning: null };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, body, warning: 'broken front matter: not a mapping of fields' };
    }
    return { data: data as Record<string, unknown>, body, warning: null };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0].slice(0, 120);
    return { data: {}, body, warning: `broken front matter: ${message}` };
  }
}
