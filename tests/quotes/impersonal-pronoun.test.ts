// "it" as a speaker: the organisation or the writing the sentence before was about, each pattern in
// a small article written for the purpose.
import { findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
const shown = (...paragraphs: string[]): string[] => findQuotations(article(...paragraphs)).map((q) => q.speaker ?? 'unknown');

describe('"it" after a sentence about a writing', () => {
  it('"The email went out … At the bottom it reads, “…”" → the email', () => {
    expect(
      shown('The email went out to supporters on Tuesday. At the bottom it reads, “Chip in ten dollars and enter the draw for the rifle.”'),
    ).toEqual(['the email']);
  });

  it('"The memo was sent on Thursday. “…,” it stated." → the memo', () => {
    expect(shown('The memo was sent to every member on Thursday.', '“No witness has refused to appear before the panel so far,” it stated.')).toEqual(
      ['the memo'],
    );
  });

  it('"he said" after a sentence about a writing is still the person in play, not the writing', () => {
    expect(
      shown(
        '“We will publish everything we have,” Tom Harlan said on Monday.',
        'The report runs to three hundred pages. “Nobody has read all of it yet,” he said.',
      ),
    ).toEqual(['Tom Harlan', 'Tom Harlan']);
  });
});

describe('a writing that shows someone else speaking', () => {
  it('"The video shows Mayor Ann Lee telling the crowd, “…”" → Ann Lee, not the video', () => {
    expect(shown('The video shows Mayor Ann Lee telling the crowd, “We will rebuild every house on this street.”')).toEqual(['Ann Lee']);
  });
});
