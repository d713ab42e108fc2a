// One statement text for both databases: SQLite's `?` placeholders become Postgres's $1, $2… in order, and a `?`
// (or `$`) that is part of a string, a quoted name or a comment is left as written.
import { numberPlaceholders } from '../../src/store/pg/placeholders';

describe('numbering ? placeholders for Postgres', () => {
  it('numbers each placeholder in order, however many and wherever they stand', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
    expect(numberPlaceholders('UPDATE t SET n = n+?WHERE id=?')).toBe('UPDATE t SET n = n+$1WHERE id=$2');
    expect(numberPlaceholders('?')).toBe('$1');
  });

  it('leaves a statement without placeholders as it is, $n placeholders included', () => {
    expect(numberPlaceholders('SELECT 1')).toBe('SELECT 1');
    expect(numberPlaceholders('SELECT * FROM t WHERE a = $1 AND b = $2')).toBe('SELECT * FROM t WHERE a = $1 AND b = $2');
    expect(numberPlaceholders('')).toBe('');
  });

  it('leaves a ? inside a string literal, doubled quotes and all', () => {
    expect(numberPlaceholders("SELECT 'why?' FROM t WHERE a = ?")).toBe("SELECT 'why?' FROM t WHERE a = $1");
    expect(numberPlaceholders("SELECT 'it''s ?', ? , 'x'")).toBe("SELECT 'it''s ?', $1 , 'x'");
    expect(numberPlaceholders("SELECT '', ?, ''''")).toBe("SELECT '', $1, ''''");
  });

  it("reads a backslash as an escape only in E'…' strings", () => {
    expect(numberPlaceholders("SELECT E'a\\' ?', ?")).toBe("SELECT E'a\\' ?', $1");
    // In a standard string a backslash is a plain character: the string ends at the next quote.
    expect(numberPlaceholders("SELECT 'a\\', ?")).toBe("SELECT 'a\\', $1");
    // The E of a name that ends in e does not make the next string an E'…' string.
    expect(numberPlaceholders("SELECT name'a\\', ?")).toBe("SELECT name'a\\', $1");
  });

  it('leaves a ? inside a quoted identifier', () => {
    expect(numberPlaceholders('SELECT "what?" FROM t WHERE "a""?" = ?')).toBe('SELECT "what?" FROM t WHERE "a""?" = $1');
  });

  it('leaves a ? inside line and block comments, nested block comments too', () => {
    expect(numberPlaceholders('SELECT ? -- which one?\nFROM t WHERE a = ?')).toBe('SELECT $1 -- which one?\nFROM t WHERE a = $2');
    expect(numberPlaceholders('SELECT /* a ? /* b ? */ c ? */ ?')).toBe('SELECT /* a ? /* b ? */ c ? */ $1');
    expect(numberPlaceholders('SELECT ? -- trailing ?')).toBe('SELECT $1 -- trailing ?');
  });

  it('leaves $ in literals and dollar-quoted strings alone, and numbers the ? after them', () => {
    expect(numberPlaceholders("SELECT json_extract(body, '$.teaser') FROM t WHERE id = ?")).toBe(
      "SELECT json_extract(body, '$.teaser') FROM t WHERE id = $1",
    );
    expect(numberPlaceholders("SELECT '$1 ?', ?")).toBe("SELECT '$1 ?', $1");
    expect(numberPlaceholders('SELECT $$ a ? $$, ?')).toBe('SELECT $$ a ? $$, $1');
    expect(numberPlaceholders("SELECT $fn$ it's ? $ $fn$, ?")).toBe("SELECT $fn$ it's ? $ $fn$, $1");
    // A $ inside a name is part of the name, not a dollar quote.
    expect(numberPlaceholders('SELECT a$b$, ? FROM t')).toBe('SELECT a$b$, $1 FROM t');
  });

  it('writes ?? as one literal ? (the jsonb has-key operator), not a placeholder', () => {
    expect(numberPlaceholders("SELECT body::jsonb ?? 'teaser' FROM t WHERE id = ?")).toBe("SELECT body::jsonb ? 'teaser' FROM t WHERE id = $1");
    expect(numberPlaceholders('SELECT ???')).toBe('SELECT ?$1');
  });

  it('refuses a statement that mixes ? and $n placeholders', () => {
    expect(() => numberPlaceholders('SELECT * FROM t WHERE a = $1 AND b = ?')).toThrow(/mixes \? and \$n/);
    expect(() => numberPlaceholders('SELECT * FROM t WHERE a = ? AND b = $1')).toThrow(/mixes \? and \$n/);
  });

  it('runs to the end of an unterminated string or comment without numbering inside it', () => {
    expect(numberPlaceholders("SELECT ?, 'open ?")).toBe("SELECT $1, 'open ?");
    expect(numberPlaceholders('SELECT ?, /* open ?')).toBe('SELECT $1, /* open ?');
    expect(numberPlaceholders('SELECT ?, $x$ open ?')).toBe('SELECT $1, $x$ open ?');
  });
});
