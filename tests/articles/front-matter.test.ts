// Front matter written one `key: "text"` a line (as the corpus's scrapers write it) is read without the YAML
// parser (issue 13: the parser was a quarter of reading such an article); what it reads must be what YAML reads.
import fc from 'fast-check';
import * as YAML from 'yaml';
import { splitFrontMatter } from '../../src/briefings/articles/markdown';

const frontMatter = (lines: string[]) => `---\n${lines.join('\n')}\n---\nBody.\n`;
/** What the YAML parser itself makes of the same lines, as splitFrontMatter reports it. */
function viaYaml(lines: string[]): { data: unknown; warning: string | null } {
  try {
    return { data: YAML.parse(lines.join('\n'), { prettyErrors: false, maxAliasCount: 50 }) ?? {}, warning: null };
  } catch {
    return { data: {}, warning: 'broken front matter' };
  }
}

describe('front matter of quoted fields', () => {
  it('reads quotes, backslashes and \\u escapes inside the quotes as YAML does', () => {
    const lines = ['title: "Minister says \\"no\\" to \\u00e9lan \\\\ more"', 'published: "2026-02-12T11:00:00.000Z"', 'source: ""'];
    const { data, body, warning } = splitFrontMatter(frontMatter(lines));
    expect(data).toEqual({ title: 'Minister says "no" to élan \\ more', published: '2026-02-12T11:00:00.000Z', source: '' });
    expect(data).toEqual(viaYaml(lines).data);
    expect(body).toBe('Body.\n');
    expect(warning).toBeNull();
  });

  it('leaves a repeated key, a key YAML reads as a boolean and unquoted values to YAML', () => {
    expect(splitFrontMatter(frontMatter(['title: "a"', 'title: "b"'])).warning).toMatch(/^broken front matter/);
    expect(splitFrontMatter(frontMatter(['true: "a"'])).data).toEqual(viaYaml(['true: "a"']).data);
    expect(splitFrontMatter(frontMatter(['title: "a"', 'tags: [x, y]'])).data).toEqual({ title: 'a', tags: ['x', 'y'] });
    expect(splitFrontMatter(frontMatter(['title: "a" # note'])).data).toEqual({ title: 'a' });
  });

  it('agrees with YAML on any text written as a JSON string, under any key', () => {
    const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
    const value = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }), (fields) => {
        const lines = fields.map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
        const got = splitFrontMatter(frontMatter(lines));
        const want = viaYaml(lines);
        expect(got.warning === null).toBe(want.warning === null);
        expect(got.data).toEqual(want.data);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a quoted value that runs over lines as YAML folds it (the scrapers write authors so)', () => {
    const lines = ['title: "Mining the deep ocean"', 'source: "', '                    Natasha Gilbert', '                "', 'url: "https://a.b/c"'];
    const { data, warning } = splitFrontMatter(frontMatter(lines));
    expect(data).toEqual({ title: 'Mining the deep ocean', source: ' Natasha Gilbert ', url: 'https://a.b/c' });
    expect(data).toEqual(viaYaml(lines).data);
    expect(warning).toBeNull();
  });

  it('agrees with YAML on quoted values over several lines, folded, blank, unindented or not', () => {
    const text = fc
      .array(fc.constantFrom('a', 'Zoë', ' ', '  ', '#', ': ', '-', '---', '\t', '\\', '"', "'", 'x'), { maxLength: 6 })
      .map((xs) => xs.join(''));
    const indent = fc.constantFrom('', ' ', '    ', '\t', ' \t');
    const continued = fc.tuple(indent, text).map(([i, t]) => i + t);
    const closing = fc.tuple(indent, text, fc.constantFrom('', ' ', '\t', ' # note')).map(([i, t, after]) => `${i}${t}"${after}`);
    const field = fc.tuple(fc.constantFrom('source', 'title', 'author'), text, fc.array(continued, { maxLength: 3 }), closing);
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 3 }), (fields) => {
        const lines = fields.flatMap(([key, first, middle, close]) => [`${key}: "${first}`, ...middle, close]);
        // A "---" line ends the front matter itself: YAML would be shown other lines than the reader.
        fc.pre(!lines.some((l) => /^(?:---|\.\.\.)[ \t]*$/.test(l)));
        const got = splitFrontMatter(frontMatter(lines));
        const want = viaYaml(lines);
        expect(got.warning === null).toBe(want.warning === null);
        if (want.warning === null) expect(got.data).toEqual(want.data);
      }),
      { numRuns: 3000 },
    );
  });
});
