import { summarise } from '../../src/briefings/summarise';
import { SUMMARY_SENTENCES } from '../../src/briefings/types';
import { makeArticle, newsArticle } from './make-article';

describe('summarise: the length contract', () => {
  it.each(Object.entries(SUMMARY_SENTENCES))('gives exactly %s = %i sentences of a long article', (_, count) => {
    expect(summarise(newsArticle(20), count)).toHaveLength(count);
  });

  it('gives every usable sentence, and no more, when the article is shorter than asked', () => {
    const article = newsArticle(2);
    expect(summarise(article, 5)).toEqual(article.sentences.map((s) => s.text));
  });

  it('returns nothing for a count below one or not a number', () => {
    const article = newsArticle(6);
    for (const count of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(summarise(article, count)).toEqual([]);
  });

  it('rounds a fractional count down', () => {
    expect(summarise(newsArticle(10), 2.9)).toHaveLength(2);
  });
});

describe('summarise: small and empty articles', () => {
  it('returns an empty summary for an article with no sentences', () => {
    expect(summarise(makeArticle('Empty', []), 3)).toEqual([]);
    expect(summarise({ title: '', standfirst: null, paragraphs: [], sentences: [] }, 1)).toEqual([]);
  });

  it('returns the single sentence of a one-sentence article', () => {
    const article = makeArticle('Storm', ['A storm closed every school in the county on Monday.']);
    expect(summarise(article, 3)).toEqual(['A storm closed every school in the county on Monday.']);
  });

  it('returns both sentences of a two-sentence article in their order', () => {
    const article = makeArticle('Storm', ['A storm closed every school in the county on Monday. Roads reopened by evening.']);
    expect(summarise(article, 3)).toEqual(['A storm closed every school in the county on Monday.', 'Roads reopened by evening.']);
    expect(summarise(article, 1)).toHaveLength(1);
  });
});

describe('summarise: order, standfirst and repetition', () => {
  it('keeps the chosen sentences in article order', () => {
    const article = newsArticle(25);
    const texts = article.sentences.map((s) => s.text);
    for (const count of [3, 5]) {
      const positions = summarise(article, count).map((s) => texts.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('puts the standfirst first and counts it as one of the sentences', () => {
    const standfirst = 'The plan will cost 40 million pounds and open in 2028.';
    const article = makeArticle('River bridge plan approved', newsArticle(12).paragraphs, standfirst);
    const summary = summarise(article, 3);
    expect(summary).toHaveLength(3);
    expect(summary[0]).toBe(standfirst);
    expect(summarise(article, 1)).toEqual([standfirst]);
  });

  it('does not repeat the standfirst when the body opens with the same sentence', () => {
    const standfirst = 'The council approved the bridge plan on Tuesday after a long delay.';
    const article = makeArticle('Bridge approved', [standfirst, ...newsArticle(6).paragraphs], standfirst);
    const summary = summarise(article, 3);
    expect(summary.filter((s) => s === standfirst)).toHaveLength(1);
  });

  it('never returns the same sentence twice, nor a near-copy sharing a word trigram with one chosen', () => {
    const repeated = 'The council approved the bridge plan on Tuesday after a long delay.';
    const nearCopy = 'On Tuesday the council approved the bridge plan, after a long delay.';
    const article = makeArticle('Bridge approved', [repeated, repeated, nearCopy, 'Work starts in May.', repeated]);
    const summary = summarise(article, 5);
    expect(new Set(summary).size).toBe(summary.length);
    expect(summary).not.toEqual(expect.arrayContaining([repeated, nearCopy]));
    expect(summary).toContain('Work starts in May.');
  });

  it('still fills the summary with sentences that share a common phrase but are not near-copies', () => {
    const article = makeArticle('Minister under pressure', [
      'The prime minister said the budget would protect hospitals.',
      'Teachers warned that schools would lose staff, the prime minister said later.',
      'Opposition leaders called the plan a gamble with public money.',
    ]);
    expect(summarise(article, 3)).toHaveLength(3);
  });
});
