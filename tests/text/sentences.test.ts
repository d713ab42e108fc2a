import fc from 'fast-check';
import { splitSentences } from '../../src/briefings/text/sentences';

// Each case: the input is the expected sentences joined by a space (or the given text), and the
// splitter must give back exactly those sentences.
interface Case {
  name: string;
  sentences: string[];
  /** When the input is not simply the sentences joined by one space. */
  text?: string;
}

const CASES: Case[] = [
  // Titles and honorifics
  { name: 'Mr. before a name', sentences: ['Mr. Smith went to Washington.', 'He stayed a week.'] },
  { name: 'Dr. and Mrs.', sentences: ['Dr. Jones met Mrs. Patel at noon.', 'They spoke briefly.'] },
  { name: 'Sen. and Rep.', sentences: ['Sen. Elizabeth Warren and Rep. Jim Jordan disagreed.', 'Neither backed down.'] },
  { name: 'Gen. and Gov.', sentences: ['Gen. Mark Milley briefed Gov. Gavin Newsom on Friday.', 'The briefing lasted an hour.'] },
  { name: 'St. in a place name', sentences: ['The summit moved to St. Petersburg last year.', 'Delegates complained.'] },
  { name: 'Prof. and Lt. Col.', sentences: ['Prof. Ada Byron and Lt. Col. John Reed testified.', 'Both were sworn in.'] },
  { name: 'U.S. Sen. before a name', sentences: ['U.S. Sen. Ted Cruz objected to the bill.', 'It passed anyway.'] },
  { name: 'Ms. at the start of the text', sentences: ['Ms. Lee declined to comment.'] },
  // Initialisms
  { name: 'U.S. mid-sentence', sentences: ['The U.S. economy grew 2% last quarter.', 'Inflation eased.'] },
  { name: 'U.S. at the end of a sentence', sentences: ['The talks took place in the U.S.', 'The president attended.'] },
  { name: 'U.K. at the end before a pronoun', sentences: ['Prices rose across the U.K.', 'They fell in France.'] },
  { name: 'U.N. before an organisation name', sentences: ['The U.N. Security Council met on Tuesday.', 'No vote was held.'] },
  { name: 'Washington, D.C. before a verb', sentences: ['Protesters gathered in Washington, D.C. on Sunday.', 'Police watched.'] },
  { name: 'J.P. Morgan', sentences: ['Analysts at J.P. Morgan cut their forecast.', 'Shares slipped.'] },
  { name: 'U.S.-led hyphenated', sentences: ['The U.S.-led coalition withdrew.', 'Fighting resumed.'] },
  { name: 'e.g. and i.e.', sentences: ['Some fruits, e.g. Apples and pears, keep well, i.e. For weeks.', 'Others rot.'] },
  // Initials in names
  { name: 'George W. Bush', sentences: ['George W. Bush spoke first.', 'Then came the vote.'] },
  { name: 'John F. Kennedy Airport', sentences: ['Flights from John F. Kennedy Airport were delayed.', 'Passengers waited.'] },
  { name: 'two initials', sentences: ['The novel was by J. R. R. Tolkien.', 'It sold well.'] },
  { name: 'A. A. Milne', sentences: ['A book by A. A. Milne topped the list.', 'Critics were surprised.'] },
  { name: 'a letter ending a sentence before a starter', sentences: ['They chose Plan B.', 'The rest was history.'] },
  // Numbers
  { name: 'decimal money', sentences: ['The deal is worth $2.5 billion.', 'It closes in May.'] },
  { name: 'plain decimal', sentences: ['Pi is roughly 3.14 and e is 2.72.', 'Both are irrational.'] },
  { name: 'percentages with decimals', sentences: ['Unemployment fell to 4.1 percent.', 'Wages rose 0.3 percent.'] },
  { name: 'sentence ending in a year', sentences: ['The war began in February 2022.', 'It has not ended.'] },
  { name: 'No. before a number', sentences: ['He lives at No. 10 Downing Street.', 'Visitors queue outside.'] },
  { name: 'no. as a word', sentences: ['She said no.', 'Then she left.'] },
  { name: 'version numbers', sentences: ['Version 2.0.1 fixed the bug.', 'Users upgraded.'] },
  // Dates and times
  { name: 'Dec. before a day', sentences: ['The vote is set for Dec. 3, 2025.', 'Campaigning ends a day earlier.'] },
  { name: 'Jan. and Feb.', sentences: ['Sales rose between Jan. 5 and Feb. 20.', 'March was flat.'] },
  { name: 'a.m. mid-sentence', sentences: ['The market opens at 9:30 a.m. on weekdays.', 'It closes at four.'] },
  { name: 'p.m. ending a sentence', sentences: ['The meeting ended at 5 p.m.', 'The results came later.'] },
  { name: 'a.m. before a time zone word', sentences: ['The launch is at 6 a.m. Eastern time.', 'Crowds are expected.'] },
  // Company abbreviations
  { name: 'Inc. mid-sentence', sentences: ['Apple Inc. said sales rose.', 'Its shares jumped.'] },
  { name: 'Corp. ending a sentence', sentences: ['The buyer was Microsoft Corp.', 'The seller declined to comment.'] },
  { name: 'Co. before a job title', sentences: ['JPMorgan Chase & Co. Chief Executive Jamie Dimon spoke.', 'He was cautious.'] },
  { name: 'etc. ending a sentence', sentences: ['They sell apples, pears, plums, etc.', 'Prices vary.'] },
  { name: 'Jr. mid-sentence', sentences: ['Martin Luther King Jr. led the march.', 'Thousands joined.'] },
  { name: 'et al.', sentences: ['The study by Smith et al. found a link.', 'Others disagree.'] },
  { name: 'state abbreviation', sentences: ['The firm is based in Palo Alto, Calif. and Austin.', 'It employs 500 people.'] },
  // Quotes
  { name: 'question in quotes with attribution', sentences: ['“Why?” she asked.', 'Nobody answered.'] },
  { name: 'exclamation in quotes with attribution', sentences: ['“Get out!” he shouted at the crowd.', 'They left.'] },
  { name: 'straight quotes question', sentences: ['"Is this the end?" asked the reporter.', 'It was not.'] },
  { name: 'period inside closing quote', sentences: ['He called it “the end.”', 'Next came the rain.'] },
  { name: 'period inside straight closing quote', sentences: ['She said "we are done."', 'The room fell silent.'] },
  {
    name: 'comma-ended quote then attribution',
    sentences: ['“Some proposed formulations do not fit us, and work will continue,” he added.', 'Talks ended.'],
  },
  { name: 'two sentences inside one quote', sentences: ['“Not an easy situation, let me tell you.', 'What a mess.”'] },
  { name: 'question ending the text', sentences: ['Will the deal hold?'] },
  { name: 'question then new sentence', sentences: ['Will the deal hold?', 'Nobody knows.'] },
  { name: 'single-quoted title with question', sentences: ["The film 'Who Cares?' opened on Friday.", 'Reviews were mixed.'] },
  { name: 'bracketed sentence', sentences: ['He won easily.', '(The count took hours.)', 'His rival conceded.'] },
  // Ellipses
  { name: 'ellipsis then lower case', sentences: ['He paused... and then went on.', 'Nobody spoke.'] },
  { name: 'ellipsis then capital', sentences: ['It ended there...', 'The next day was quiet.'] },
  { name: 'unicode ellipsis', sentences: ['She hesitated…', 'Then she signed.'] },
  {
    name: 'ellipsis inside a quotation (an omission)',
    sentences: [
      'Zelensky said “the most difficult questions are about territories, about frozen (Russian) assets... And about security guarantees.”',
      'Talks continue.',
    ],
  },
  // Layout
  {
    name: 'blank line ends a sentence without punctuation',
    sentences: ['Russian pressure', 'Putin appeared to send a hawkish message.'],
    text: 'Russian pressure\n\nPutin appeared to send a hawkish message.',
  },
  {
    name: 'single newline is just a space',
    sentences: ['The talks were\nuseful.', 'They will resume.'],
    text: 'The talks were\nuseful. They will resume.',
  },
  { name: 'extra whitespace is trimmed', sentences: ['First sentence.', 'Second one.'], text: '   First sentence.    Second one.   ' },
  { name: 'URL and email are not boundaries', sentences: ['Visit example.com or mail info@example.org for details.', 'Offices open daily.'] },
  { name: 'multiple terminators', sentences: ['Really?!', 'That is what he said.'] },
  { name: 'sentence starting with a digit', sentences: ['The vote was close.', '52 senators backed it.'] },
  { name: 'sentence starting with an opening quote', sentences: ['He left.', '“We will be back,” he said.'] },
  // The seed's own prose
  {
    name: 'seed: quotes, possessives and a dash',
    sentences: [
      '“What matters is that everything is fair and transparent.',
      'That there are no games played behind Ukraine’s back.',
      'That nothing is decided without Ukraine — about us, about our future,” he said.',
    ],
  },
  {
    name: 'seed: partial quote across a period',
    sentences: [
      'Putin has demanded that Kyiv surrender territory Moscow claims as its own.',
      'The Kremlin also rejects any European force in Ukraine to monitor a truce.',
    ],
  },
];

/** Boundaries as offsets counted in non-whitespace characters, so spacing cannot matter. */
function boundaries(sentences: string[]): Set<number> {
  const out = new Set<number>();
  let count = 0;
  sentences.forEach((s, i) => {
    count += s.replace(/\s+/g, '').length;
    if (i < sentences.length - 1) out.add(count);
  });
  return out;
}

function inputOf(c: Case): string {
  return c.text ?? c.sentences.join(' ');
}

describe('splitSentences', () => {
  it('has a suite of at least 50 hard cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('splits correctly: %s', (_name, c) => {
    expect(splitSentences(inputOf(c))).toEqual(c.sentences);
  });

  it('reaches boundary F1 of at least 0.98 over the whole suite', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of CASES) {
      const gold = boundaries(c.sentences);
      const got = boundaries(splitSentences(inputOf(c)));
      for (const b of got) gold.has(b) ? tp++ : fp++;
      for (const b of gold) if (!got.has(b)) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(tp + fn).toBeGreaterThan(50);
    expect(f1).toBeGreaterThanOrEqual(0.98);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });

  it('returns text without a terminator as one sentence', () => {
    expect(splitSentences('Kushner included')).toEqual(['Kushner included']);
  });

  it('tolerates non-string input without throwing', () => {
    expect(splitSentences(undefined as unknown as string)).toEqual([]);
    expect(splitSentences(42 as unknown as string)).toEqual([]);
  });

  it('stays linear on long input: ten times the text within far less than a hundred times the time', () => {
    const unit = 'Mr. Smith met Sen. Jones in the U.S. on Dec. 3 at 9 a.m. and paid $2.5 billion. “Why?” she asked... Nobody knows! ';
    // Best of three each, and a ratio rather than a deadline: a loaded machine slows both sizes alike.
    const bestOf = (text: string): { ms: number; count: number } => {
      let ms = Infinity;
      let count = 0;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        count = splitSentences(text).length;
        ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return { ms, count };
    };
    const small = bestOf(unit.repeat(2000));
    const big = bestOf(unit.repeat(20000));
    expect(big.count).toBe(small.count * 10);
    expect(big.ms / Math.max(small.ms, 1)).toBeLessThan(35);
  });

  it('never throws, never returns empty or untrimmed sentences, and returns substrings of the input', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      'U',
      'S',
      '.',
      '?',
      '!',
      '…',
      ' ',
      '\n',
      '"',
      '“',
      '”',
      '’',
      "'",
      '(',
      ')',
      '3',
      'Mr',
      'Dr.',
      'e.g.',
      'p.m.',
      '\u00a0',
      'é',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 80 }).map((xs) => xs.join('')),
        ),
        (text) => {
          const out = splitSentences(text);
          for (const s of out) {
            expect(s.length).toBeGreaterThan(0);
            expect(s).toBe(s.trim());
            expect(text.includes(s)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('loses no non-whitespace characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '.', '?', ' ', '\n', '”', '“', 'Mr.', 'U.S.') }), (text) => {
        const joined = splitSentences(text).join('').replace(/\s+/g, '');
        expect(joined).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences on untidy text', () => {
  it('attaches a stray punctuation-only piece to the sentence before it', () => {
    expect(splitSentences('Supplies are adequate in the US. . Prices fell.')).toEqual(['Supplies are adequate in the US. .', 'Prices fell.']);
  });

  it('attaches a leading punctuation-only piece to the sentence after it', () => {
    expect(splitSentences('. The race was won easily.')).toEqual(['. The race was won easily.']);
  });

  it('keeps text made only of punctuation rather than losing it', () => {
    expect(splitSentences('...')).toEqual(['...']);
  });
});
