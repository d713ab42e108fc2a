import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRawArticles } from '../../src/sources/files/read';
import type { RawArticle } from '../../src/briefings/types';

// The bundled seed: two scraped Arab News pages in one file. It is copied into a temporary folder
// with a known modification time so that "Updated 2 sec ago" resolves to a known instant.
const SEED = path.join(__dirname, '..', '..', 'content', '000_f1e2f2f734faebd8.txt');
const SAVED_AT = new Date('2025-12-04T09:30:00.000Z');

let dir: string;
let articles: RawArticle[];
let warnings: { file: string; reason: string }[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-seed-'));
  const copy = path.join(dir, 'seed.txt');
  fs.copyFileSync(SEED, copy);
  fs.utimesSync(copy, SAVED_AT, SAVED_AT);
  ({ articles, warnings } = loadRawArticles(dir, { now: new Date('2026-01-01T00:00:00Z') }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the seed file (scraped page text)', () => {
  it('holds exactly two articles and loads without warnings', () => {
    expect(articles).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it('reads both titles', () => {
    expect(articles.map((a) => a.title)).toEqual([
      "Rubio says 'some progress' made in US-Russia talks on Ukraine",
      'Myanmar expels East Timor envoy after rights group complaint against junta',
    ]);
  });

  it('parses the absolute date of the first article as exact', () => {
    expect(articles[0].date).toBe('2025-12-03T00:00:00.000Z');
    expect(articles[0].dateApproximate).toBe(false);
  });

  it('resolves "Updated 2 sec ago" against the file modification time and marks it approximate', () => {
    expect(articles[1].date).toBe(new Date(SAVED_AT.getTime() - 2000).toISOString());
    expect(articles[1].dateApproximate).toBe(true);
  });

  it('takes the standfirst from the bullet line, without the bullet', () => {
    expect(articles[0].standfirst).toBe(
      'Kushner and Witkoff were to present Putin with the new version of the US plan, which has been hammered out after the initial version raised fears in Kyiv and elsewhere in Europe that it made too many concessions to Moscow',
    );
    expect(articles[1].standfirst).toBe(
      'Myanmar has been in turmoil since 2021, when the military ousted the elected government led by Nobel laureate Aung San Suu Kyi',
    );
  });

  it('splits the dateline off the first paragraph', () => {
    expect(articles[0].dateline).toBe('MOSCOW');
    expect(articles[0].paragraphs[0].startsWith('US Secretary of State Marco Rubio said')).toBe(true);
    expect(articles[1].dateline).toBeNull();
  });

  it('finds the dashed and the plain section headings, in order and placed before their paragraphs', () => {
    const a = articles[0];
    expect(a.headings).toEqual(['Moscow rejects amended plan', 'Russian pressure', 'Kushner included']);
    expect(a.headingPositions).toHaveLength(3);
    const [p1, p2, p3] = a.headingPositions ?? [];
    expect(a.paragraphs[p1].startsWith('Kushner and Witkoff were to present Putin')).toBe(true);
    expect(a.paragraphs[p2]).toBe('Putin appeared to send a hawkish message shortly before the US talks began.');
    expect(a.paragraphs[p3].startsWith('Europe is worried Washington and Moscow')).toBe(true);
    expect(articles[1].headings).toEqual([]);
  });

  it('keeps one paragraph per line of body text', () => {
    expect(articles[0].paragraphs).toHaveLength(30);
    expect(articles[1].paragraphs).toHaveLength(12);
    expect(articles[0].paragraphs).toContain('“Not an easy situation, let me tell you. What a mess.”');
    expect(articles[0].paragraphs[articles[0].paragraphs.length - 1].startsWith('Witkoff has met with Putin multiple times')).toBe(true);
  });

  it('ends the second article with its last paragraph', () => {
    expect(articles[1].paragraphs[articles[1].paragraphs.length - 1]).toBe('Myanmar has denied the charge.');
    expect(articles[1].paragraphs[0].startsWith('Myanmar has ordered the head of East Timor’s diplomatic mission')).toBe(true);
  });

  it('drops the page furniture', () => {
    for (const a of articles) {
      const text = [a.standfirst ?? '', ...a.paragraphs, ...a.headings];
      for (const p of text) {
        expect(p).not.toMatch(/Short Url/);
        expect(p).not.toMatch(/^Follow$/);
        expect(p).not.toMatch(/Updated/);
        expect(p).not.toMatch(/\(AFP\)/);
        expect(p).not.toBe(a.title);
      }
    }
  });

  it('leaves every paragraph trimmed, single-spaced and non-empty', () => {
    for (const a of articles) {
      for (const p of a.paragraphs) {
        expect(p.length).toBeGreaterThan(0);
        expect(p).toBe(p.trim());
        expect(p).not.toMatch(/\s{2}|\u00a0/);
      }
    }
  });

  it('records the source file relative to the content folder', () => {
    expect(articles.map((a) => a.source)).toEqual(['seed.txt', 'seed.txt']);
  });
});
