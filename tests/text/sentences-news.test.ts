import { sentenceStarts, splitSentences } from '../../src/briefings/text/sentences';

// Sentence splitting on the names, titles and abbreviations of real news (issue 10): a cut inside
// "Actress Taraji P. Henson said…" leaves a summary sentence ending "Taraji P." and a quote's speaker
// cut off from it. Most cases below are taken from, or closely follow, sentences of the CNN, BBC and
// news-web-scrapes sets (bench/sentences.bench.ts counts such cuts over the whole corpus).
//
// The rule for a single capital letter and a period: it is an initial, and ends the sentence only
// when the next word is one that opens sentences and is no name ("The", "He", "But", "In", …) or an
// opening quotation mark. A name after an initial is not such a word, so "Taraji P. Henson" and
// "J. K. Rowling" stay whole, while "Plan B. The next day…" and "a post on X. He did not…" split.

interface Case {
  name: string;
  sentences: string[];
}

const split = (sentences: string[]) => splitSentences(sentences.join(' '));

const INITIALS_IN_NAMES: Case[] = [
  {
    name: 'a middle initial (P. is not "p." for page)',
    sentences: ['Actress Taraji P. Henson is apologizing for her claim.', 'Police disputed it.'],
  },
  {
    name: 'a middle initial before a comma',
    sentences: ['Staff Sgt. Trevor P. Blaylock, 29, of Lake Orion, Michigan, died.', 'He was a father of two.'],
  },
  { name: 'an initial as a first name', sentences: ['The club reopened a few hours later for a P. Diddy concert.', 'Security was tight.'] },
  {
    name: 'title, first name, initial, surname',
    sentences: ['U.S. Transportation Secretary Sean P. Duffy ruled on Wednesday.', 'Truckers objected.'],
  },
  { name: 'two spaced initials', sentences: ['The report by J. P. Morgan Private Bank was published on Monday.', 'It found growth.'] },
  { name: 'J. K. Rowling', sentences: ['Harry Potter author J. K. Rowling has a terse message for you.', 'Fans agreed.'] },
  { name: 'George W. Bush after a sentence', sentences: ['The vote was close.', 'President George W. Bush told his biographer so.'] },
  { name: 'U.S. Rep. and a name', sentences: ['U.S. Rep. Mike Rogers said the bill would pass.', 'It did not.'] },
  { name: 'a ship named for a person', sentences: ['Crews will fly them to the USS John P. Murtha for checks.', 'The ship waited offshore.'] },
];

const CAPITAL_LETTER_ENDS_SENTENCE: Case[] = [
  { name: 'Plan B before "The"', sentences: ['He said the letter was from Plan B.', 'The next day it was gone.'] },
  { name: 'Malcolm X before "But"', sentences: ['Growing up, he says he identified with Malcolm X.', 'But as he got older, he changed.'] },
  { name: 'a surname initial before "Like"', sentences: ['A friend would only be identified as Nick G.', 'Like Africa, Nick had been homeless.'] },
  { name: 'a post on X before "He"', sentences: ['Musk said in a post on X.', 'He did not say which employees were cut.'] },
  { name: 'a funding round before "It"', sentences: ['It last raised a $70 million Series C.', 'It has raised around $219 million in all.'] },
  { name: 'an initial before a quotation', sentences: ['He wrote to your star presenter Mr P.', '"Never known such a silly fuss," he added.'] },
];

const TITLES_AFTER_HYPHEN_DASH_OR_BRACKET: Case[] = [
  { name: 'ex-Sen.', sentences: ['Sen. Bernie Sanders and ex-Sen. Norm Coleman of Minnesota met.', 'They disagreed.'] },
  { name: 'then-Lt. Gov.', sentences: ['He forced then-Lt. Gov. David Dewhurst into a runoff.', 'He won it.'] },
  { name: 'a CNN dateline glued to Gov.', sentences: ['Los Angeles (CNN)Gov. Jerry Brown unveiled a plan Thursday.', 'It costs $1 billion.'] },
  {
    name: 'a CNN dateline glued to U.S. Sen.',
    sentences: ['Barrington, New Hampshire (CNN)U.S. Sen. Ted Cruz was speaking.', 'Then a voter asked him.'],
  },
  { name: 'a dash glued to Dr.', sentences: ['At least six members—Dr. Hillary Blackburn among them—were named.', 'None replied.'] },
];

const ACRONYMS_THAT_LOOK_LIKE_ABBREVIATIONS: Case[] = [
  { name: 'SEC is not "Sec." for secretary', sentences: ['The deal is under review by the SEC.', 'The company was unable to comment.'] },
  { name: 'FT is not "Ft." for fort', sentences: ['"All exporters are hit," Kaabi told the FT.', '"We are ready," he added.'] },
  { name: 'MO is not "Mo." for Missouri', sentences: ['Our prayers are with the officers in MO.', 'Path to justice is one all of us must walk.'] },
  { name: 'a title in an all-capitals line still precedes its name', sentences: ['MR. SMITH GOES TO WASHINGTON opened in 1939.', 'It was a hit.'] },
];

const ABBREVIATIONS_IN_NEWS: Case[] = [
  { name: 'Sept. before a day', sentences: ['The attacks of Sept. 11 changed the city.', 'Rebuilding took years.'] },
  { name: 'Sept. ending a sentence', sentences: ['The vote was moved to Sept.', 'The delay angered many.'] },
  { name: 'Gov. and Sen. before names', sentences: ['Gov. Terry McAuliffe and Sen. Tim Kaine spoke.', 'Both backed the plan.'] },
  { name: 'world No. 1', sentences: ['Serena Williams, the world No. 1, faces Monica Niculescu.', 'The match starts at noon.'] },
  { name: '"No." as an answer', sentences: ['Asked if he would stand again, he replied: "No.', 'Definitely not."'] },
  { name: 'a.m. before a lower-case word', sentences: ['The attackers came into the village at around 5 a.m. on Sunday.', 'Many fled.'] },
  { name: 'a.m. before a new sentence', sentences: ['It landed shortly after 11 a.m.', 'The plane slid off the runway.'] },
  { name: 'p.m. before a quotation', sentences: ['The shooting began at 10 p.m.', '"They shot anyone who fled," he said.'] },
  { name: 'a.m. before a weekday', sentences: ['The funeral will be held at 2 p.m. Monday at the church.', 'All are welcome.'] },
  { name: 'a ticker in brackets after Inc.', sentences: ['Berkshire Hathaway Inc. (BRK.B) is attracting attention.', 'Shares rose.'] },
  { name: 'a sentence in brackets after Inc.', sentences: ['The buyer was Globex Inc.', '(The seller was not named.)'] },
  {
    name: 'a company that is also a day (Sun.) before a hyphenated opener',
    sentences: ['The work runs on systems maintained by Sun.', 'So-called grid computing is the buzz phrase.'],
  },
  { name: 'v. in a case name', sentences: ['It has been 60 years since Brown v. Board of Education was decided.', 'Schools changed.'] },
  { name: 'v. for versus before a name written lower-case', sentences: ['The bill answers the Tiffany v. eBay ruling.', 'Sellers objected.'] },
  {
    name: 'U.S. before a model number, not the article "A"',
    sentences: ['The pilot ejected from a U.S. A-10 Warthog that crashed.', 'He survived.'],
  },
];

const QUOTES: Case[] = [
  { name: 'a question in quotes, then "he said"', sentences: ['"Is this the end?" he said.', 'Nobody answered.'] },
  { name: 'an exclamation in curly quotes, then "she shouted"', sentences: ['“Get out of here!” she shouted.', 'They left.'] },
  {
    name: 'a closing quote set apart by a space, then "he said"',
    sentences: ["\"I think the question I ask myself is: 'Who's richer?' \" he said.", '"This has been a learning curve."'],
  },
  {
    name: 'a new sentence opening with a brand written lower-case',
    sentences: ['The departures weren’t voluntary.', '“xAI was reorganized a few days ago,” Musk said.'],
  },
  { name: 'iPhone opening a sentence', sentences: ['Sales of the old model fell.', 'iPhone sales as a whole rose 4%.'] },
];

describe('splitSentences on the names and abbreviations of news', () => {
  it.each(INITIALS_IN_NAMES.map((c) => [c.name, c] as const))('keeps an initial inside a name: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it.each(CAPITAL_LETTER_ENDS_SENTENCE.map((c) => [c.name, c] as const))('still ends a sentence on a capital letter: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it.each(TITLES_AFTER_HYPHEN_DASH_OR_BRACKET.map((c) => [c.name, c] as const))('reads a title glued to what comes before it: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it.each(ACRONYMS_THAT_LOOK_LIKE_ABBREVIATIONS.map((c) => [c.name, c] as const))('tells an acronym from an abbreviation: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it.each(ABBREVIATIONS_IN_NEWS.map((c) => [c.name, c] as const))('reads the abbreviations of news: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it.each(QUOTES.map((c) => [c.name, c] as const))('reads quotations: %s', (_n, c) => {
    expect(split(c.sentences)).toEqual(c.sentences);
  });

  it('gives the quote finder the same cuts (sentenceStarts agrees with splitSentences)', () => {
    const text = 'Actress Taraji P. Henson said she was thrilled. Los Angeles (CNN)Gov. Jerry Brown spoke. The SEC. Next.';
    const starts = sentenceStarts(text);
    expect(starts.map((at, i) => text.slice(at, starts[i + 1] ?? text.length).trim())).toEqual(splitSentences(text));
    expect(splitSentences(text)).toHaveLength(4);
  });
});

describe('splitSentences on the CNN set\'s " ." line ends', () => {
  // The CNN/DailyMail loader appends " ." to lines without final punctuation (captions, subheads,
  // related-story links), so " . " marks where a line of the original page ended.
  it('keeps a subhead ending in a name with an initial whole, as its own sentence', () => {
    const text = 'Here are some of the reasons why: . Taraji P. Henson . Henson has been in the industry for a minute.';
    expect(splitSentences(text)).toEqual([
      'Here are some of the reasons why: .',
      'Taraji P. Henson .',
      'Henson has been in the industry for a minute.',
    ]);
  });

  it('ends a related-story line before the next sentence or quotation', () => {
    const text =
      'Rolling Stone: Kanye reveals new album title . The bagged air gag has inspired many. Keeping mum around MDs . "I think so," she said.';
    expect(splitSentences(text)).toEqual([
      'Rolling Stone: Kanye reveals new album title .',
      'The bagged air gag has inspired many.',
      'Keeping mum around MDs .',
      '"I think so," she said.',
    ]);
  });
});
