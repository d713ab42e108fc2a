// `briefbot brief` and `briefbot search` show a story once, naming the other versions (text and --json).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../src/cli/run';
import { all, psPriceCnbc, psPriceGi, psPriceIgn } from './fixtures/stories/articles';
import { cliDeps } from './helpers/cli-deps';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-cli-stories-'));
  for (const a of all) {
    const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
    fs.writeFileSync(path.join(dir, `${a.id}.md`), `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli([...argv, '--database', ':memory:', '--content', dir], { out: (t) => out.push(t), err: () => {}, env: {} }, cliDeps);
  return { code, out: out.join('\n') };
}

const versions = [psPriceCnbc, psPriceIgn, psPriceGi].map((a) => a.title);

describe('stories in the CLI', () => {
  it('briefs one item per story with alsoReportedBy in --json', async () => {
    const r = await run('brief', 'Sony PS5 price', '--json');
    expect(r.code).toBe(0);
    const items = JSON.parse(r.out).items as {
      title: string;
      alsoReportedBy: { title: string; source: string; url: string | null; articleId: string }[];
    }[];
    const ps5 = items.filter((i) => versions.includes(i.title));
    expect(ps5).toHaveLength(1);
    expect(ps5[0].alsoReportedBy.map((o) => [o.source, o.url])).toEqual([
      ['ign.com', psPriceIgn.url],
      ['cnbc.com', psPriceCnbc.url],
    ]);
    expect(ps5[0].alsoReportedBy.map((o) => o.title)).toEqual([psPriceIgn.title, psPriceCnbc.title]);
    expect(items.filter((i) => !versions.includes(i.title)).every((i) => Array.isArray(i.alsoReportedBy) && i.alsoReportedBy.length === 0)).toBe(
      true,
    );
  });

  it('collapses search hits and says who else reported the story', async () => {
    const json = JSON.parse((await run('search', 'Sony', 'PS5', 'price', '--json')).out) as { title: string; alsoReportedBy: unknown[] }[];
    expect(json.filter((h) => versions.includes(h.title))).toHaveLength(1);
    const text = (await run('search', 'Sony', 'PS5', 'price')).out;
    expect(text).toMatch(/also reported by (ign|cnbc|gamesindustry)\S*\s+\(https:\/\//);
  });
});
