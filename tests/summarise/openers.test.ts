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

  it.each([
    ['a contracted "it is"', "It's a bold pledge, some might say."],
    ['a contracted "that is"', "That's how the foreign minister described the crash site."],
    ['a pronoun after "But"', "But they're not real."],
    ['a pronoun after "And"', 'And she said the talks would go on.'],
    ['a demonstrative after "But"', 'But this was not the end of it.'],
  ])('recognises %s as a pronoun pointing back', (_, text) => {
    expect(startsWithDanglingPronoun(text)).toBe(true);
  });

  it.each([
    ['a connective before a name', 'But when Rory McIlroy pulled his second shot into a lake, he threw the club in after it.'],
    ['"So far"', 'So far, the talks have failed to produce a deal.'],
    ['"And now" before a name', 'And now Kylie Minogue will headline the festival.'],
  ])('does not flag %s', (_, text) => {
    expect(startsWithDanglingPronoun(text)).toBe(false);
  });

  it('lets "It" open the article itself: there it points forward or is expletive, as the writer chose to open', () => {
    expect(startsWithDanglingPronoun("It's been more than 13 years since the attacks.", true)).toBe(false);
    expect(startsWithDanglingPronoun('It was an act of frustration more common in golf films than on tour.', true)).toBe(false);
    expect(startsWithDanglingPronoun('They are very convincing when they call.', true)).toBe(true);
    const article = makeArticle('', [
      "It's been more than 13 years since 2,753 people were reported missing in lower Manhattan after the attacks.",
      'Although death certificates have been issued for all of them, the work to identify each victim continues.',
      'The medical examiner said 1,113 victims had yet to be identified.',
    ]);
    expect(summarise(article, 2)[0]).toBe(article.sentences[0].text);
  });

  it('does not count a story as starting after a bare quotation it leaves out: "That\'s how…" points back to it', () => {
    const article = makeArticle('', [
      '"A picture of horror."',
      "That's how the foreign minister described the site where the airliner came down on Tuesday.",
      'All 150 people on board the flight from Barcelona to Duesseldorf were killed, the airline said.',
      'Investigators recovered the cockpit voice recorder from the wreckage on Wednesday.',
    ]);
    expect(summarise(article, 2)[0]).toBe('All 150 people on board the flight from Barcelona to Duesseldorf were killed, the airline said.');
  });

  it('opens a story that starts "They … But they\'re …" with the sentence that names them, not with "But they\'re"', () => {
    const article = makeArticle('', [
      'They are very convincing when they call.',
      "But they're not real.",
      'Scam callers posing as tax officials took 40 million dollars from pensioners last year, the regulator said on Monday.',
      'The regulator said most victims were over 70 and lived alone.',
      'Banks will now be required to warn customers before large transfers to new accounts.',
    ]);
    expect(summarise(article, 2)[0]).toBe(
      'Scam callers posing as tax officials took 40 million dollars from pensioners last year, the regulator said on Monday.',
    );
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
