// A summary never starts mid-quote or with a pronoun whose referent it leaves out; such a sentence
// enters a summary only together with the sentence before it.
import { summarise } from '../../src/briefings/summarise';
import { startsMidQuote, startsWithDanglingPronoun } from '../../src/briefings/summarise/openers';
import { makeArticle } from './make-article';

describe('sentences that lean on the one before them', () => {
  it.each([
    ['the rest of a curly quotation', 'It was the worst day of my life,” he said.'],
    ['the rest of a straight quotation', 'We will not back down," the minister told reporters.'],
    ['the rest of a single-quoted quotation', "It was awful,' she added."],
    ['a lower-case fragment', 'and then the talks collapsed.'],
  ])('recognises %s as starting mid-quote', (_, text) => {
    expect(startsMidQuote(text)).toBe(true);
  });

  it.each([
    ['a whole quotation', '"We will not back down," the minister told reporters.'],
    ['a sentence with a quoted phrase', 'The minister called the plan "a betrayal" on Tuesday.'],
    ['a brand in lower case', 'iPhone sales fell by a fifth in the quarter.'],
  ])('does not flag %s', (_, text) => {
    expect(startsMidQuote(text)).toBe(false);
  });

  it('recognises pronoun subjects but not "This year" or "It" as a name', () => {
    expect(startsWithDanglingPronoun('They were rescued after six hours.')).toBe(true);
    expect(startsWithDanglingPronoun('His lawyer said he would appeal.')).toBe(true);
    expect(startsWithDanglingPronoun('This was the third attack in a month.')).toBe(true);
    expect(startsWithDanglingPronoun('This year the festival moves to Leeds.')).toBe(false);
    expect(startsWithDanglingPronoun('Theresa May resigned on Friday.')).toBe(false);
  });

  it('never opens a summary with a pronoun or a quotation’s second half, and keeps such sentences with their antecedent', () => {
    const article = makeArticle('Climbers rescued', [
      'They were found on a ledge after six hours, rescuers said.',
      'Three climbers were rescued from Ben Nevis on Saturday after a night trapped by snow on the north face.',
      '"We could not move at all.',
      'It was terrifying," one of the climbers told the BBC from hospital in Fort William.',
      'He said the rescue team had saved their lives when the weather closed in on the mountain.',
      'Mountain rescue volunteers said climbers should check forecasts before setting out on the north face.',
    ]);
    for (const n of [1, 2, 3, 4]) {
      const summary = summarise(article, n);
      expect(summary[0]).toBe('Three climbers were rescued from Ben Nevis on Saturday after a night trapped by snow on the north face.');
      const sentences = article.sentences.map((s) => s.text);
      for (const s of summary.slice(1)) {
        if (startsMidQuote(s) || startsWithDanglingPronoun(s)) expect(summary).toContain(sentences[sentences.indexOf(s) - 1]);
      }
    }
  });
});
