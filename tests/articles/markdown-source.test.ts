// The front matter's `source:` names where the article came from; the file name is only the fallback.
import { readMarkdown } from '../../src/briefings/articles/markdown';

const ctx = { source: 'world/2026-04-19-ceasefire.md', savedAt: new Date('2026-04-20T00:00:00Z') };
const body = '\n# Ceasefire holds\n\nThe ceasefire held through the night, officials said on Sunday.\n';

describe('markdown front matter source', () => {
  it('uses the front matter source when it is given', () => {
    const text = `---\ntitle: Ceasefire holds\nsource: Reuters\n---${body}`;
    expect(readMarkdown(text, ctx).articles[0].source).toBe('Reuters');
  });

  it('keeps the file path when the front matter has no usable source', () => {
    for (const fm of [
      'title: Ceasefire holds',
      'title: Ceasefire holds\nsource: "   "',
      'title: Ceasefire holds\nsource: [a, b]',
      'source: "Unknown"',
      'source: n/a',
    ]) {
      expect(readMarkdown(`---\n${fm}\n---${body}`, ctx).articles[0].source).toBe('world/2026-04-19-ceasefire.md');
    }
  });
});
