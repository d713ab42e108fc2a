// Postgres numbers its placeholders ($1, $2…); SQLite, and the statements both databases share (src/store/sql),
// write `?`. numberPlaceholders turns each `?` that is a placeholder into the next $n, so one statement text
// serves both. A `?` inside a string, a quoted identifier, a dollar-quoted string or a comment is text and stays.

const IDENT = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

const isIdent = (c: string | undefined): boolean => c !== undefined && IDENT.test(c);

/** Where a quoted run doubling its quote to escape it ('it''s', "a""b") ends; backslashes escape too in E'…'. */
function quotedEnd(sql: string, start: number, quote: string, backslashes: boolean): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (backslashes && sql[i] === '\\') i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i++;
    }
  }
  return sql.length;
}

/** Where a block comment ends; Postgres lets them nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i++;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      i++;
      if (--depth === 0) return i + 1;
    }
  }
  return sql.length;
}

/** The end of the string literal, quoted identifier or comment that starts at `i`, or `i` when none does. */
function textEnd(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'") {
    const escaped = (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isIdent(sql[i - 2]);
    return quotedEnd(sql, i, "'", escaped);
  }
  if (c === '"') return quotedEnd(sql, i, '"', false);
  if (c === '-' && sql[i + 1] === '-') {
    const eol = sql.indexOf('\n', i);
    return eol < 0 ? sql.length : eol;
  }
  if (c === '/' && sql[i + 1] === '*') return blockCommentEnd(sql, i);
  if (c === '$' && !isIdent(sql[i - 1])) {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64))?.[0];
    if (tag) {
      const close = sql.indexOf(tag, i + tag.length);
      return close < 0 ? sql.length : close + tag.length;
    }
  }
  return i;
}

/**
 * `?` placeholders as Postgres's `$1, $2…`, in order. `??` writes one `?` that is not a placeholder (Postgres's
 * jsonb "has key" operator), as JDBC does. A statement that already uses `$n` and also `?` is a mistake: thrown.
 */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let from = 0;
  let n = 0;
  let numbered = false;
  for (let i = 0; i < sql.length;) {
    const end = textEnd(sql, i);
    if (end > i) {
      i = end;
      continue;
    }
    if (sql[i] === '?') {
      const literal = sql[i + 1] === '?';
      out += sql.slice(from, i) + (literal ? '?' : `$${++n}`);
      i += literal ? 2 : 1;
      from = i;
      continue;
    }
    if (sql[i] === '$' && /[0-9]/.test(sql[i + 1] ?? '') && !isIdent(sql[i - 1])) numbered = true;
    i++;
  }
  if (numbered && n > 0) throw new Error(`A statement mixes ? and $n placeholders: ${sql}`);
  return out + sql.slice(from);
}
