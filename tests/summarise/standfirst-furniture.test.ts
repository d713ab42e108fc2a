import { summarise } from '../../src/briefings/summarise';
import { articleSentences } from '../../src/briefings/analyse';

describe('a standfirst that is only furniture (found by the property test, seed -1368049426)', () => {
  it('is left out whole: none of its pieces enter the summary', () => {
    const raw = { title: '', standfirst: 'U.S. (AFP).', paragraphs: [] as string[] };
    expect(summarise({ ...raw, sentences: articleSentences(raw) }, 1)).toEqual([]);
  });

  it('does not stop the body from being summarised', () => {
    const raw = { title: 'Talks', standfirst: 'U.S. (AFP).', paragraphs: ['The talks ended without a deal on Tuesday evening.'] };
    expect(summarise({ ...raw, sentences: articleSentences(raw) }, 3)).toEqual(['The talks ended without a deal on Tuesday evening.']);
  });
});
