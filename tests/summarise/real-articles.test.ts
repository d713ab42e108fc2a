import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rouge } from '../../bench/rouge';
import { summarise } from '../../src/briefings/summarise';

import { makeArticle } from './make-article';

const FIXTURES = join(__dirname, '..', 'fixtures', 'summarise');

function bbcArticle() {
  const [title, ...paragraphs] = readFileSync(join(FIXTURES, 'bbc-business-001.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return makeArticle(title, paragraphs);
}

function cnnArticle() {
  const { article, highlights } = JSON.parse(readFileSync(join(FIXTURES, 'cnn-gomis.json'), 'utf8')) as {
    article: string;
    highlights: string[];
  };
  return { article: makeArticle('', [article]), highlights };
}

describe('summarise on real articles', () => {
  it('summarises a BBC business story (short paragraphs) with sentences its extractive reference also chose', () => {
    const article = bbcArticle();
    const reference = readFileSync(join(FIXTURES, 'bbc-business-001.summary.txt'), 'utf8');
    const summary = summarise(article, 3);
    expect(summary).toHaveLength(3);
    expect(summary).not.toContain(article.title);
    // The reference is made of article sentences glued together; most of ours should be among them.
    expect(summary.filter((s) => reference.includes(s)).length).toBeGreaterThanOrEqual(2);
  });

  it('leads a CNN story delivered as one undivided block with its opening sentence', () => {
    const { article, highlights } = cnnArticle();
    const summary = summarise(article, 3);
    expect(summary[0]).toBe(article.sentences[0].text);
    expect(summary).toHaveLength(3);
    // Its words come from the story the highlights tell (R1 0.29 here; the first three sentences score 0.52).
    expect(rouge(summary, highlights).rouge1.f).toBeGreaterThan(0.2);
  });

  it('chooses the same sentences whatever the layout: paragraphs, one block, or glued without spaces', () => {
    const article = bbcArticle();
    const given = summarise(article, 3);
    expect(summarise(makeArticle(article.title, [article.paragraphs.join(' ')]), 3)).toEqual(given);
    expect(summarise(makeArticle(article.title, [article.paragraphs.join('')]), 3)).toEqual(given);
  });

  it('summarises quickly: a few milliseconds per article at most, even on a busy machine', () => {
    const articles = [bbcArticle(), cnnArticle().article];
    const runs = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) for (const a of articles) summarise(a, 3);
    const msPerArticle = Number(process.hrtime.bigint() - start) / 1e6 / (runs * articles.length);
    expect(msPerArticle).toBeLessThan(5);
  });
});
