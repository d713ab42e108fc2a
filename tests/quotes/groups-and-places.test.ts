// A group around a person ("Scott's family") and a place a subject passes through ("marching through the streets")
// are never the speaker: the quote goes to the group itself, or to the subject before the place.
import { findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
/** Each quote's speaker as shown: "Name (role)". */
const shown = (...paragraphs: string[]): string[] =>
  findQuotations(article(...paragraphs)).map((q) => `${q.speaker ?? 'unknown'}${q.role ? ` (${q.role})` : ''}`);

describe('a family or group around a person is not that person', () => {
  it('"Scott\'s family said" → unknown, role Scott\'s family (not Keith Scott)', () => {
    expect(shown('Keith Scott was shot on Tuesday.', '“We want answers,” Scott’s family said.')).toEqual(["unknown (Scott's family)"]);
  });

  it('"Scott\'s family has called on police to release the videos “…”" → the family', () => {
    expect(
      shown(
        'Keith Scott was shot on Tuesday.',
        'Scott’s family has called on police to release the videos “as a matter of the greater good” and asked for calm.',
      ),
    ).toEqual(["unknown (Scott's family)"]);
  });

  it('"his family said" keeps the whole role, not only "his"', () => {
    expect(shown('Keith Scott was shot on Tuesday.', '“We want answers,” his family said.')).toEqual(['unknown (his family)']);
  });

  it('"Clinton supporters responded with chants of “…”" → the supporters, not Clinton', () => {
    expect(shown('Hillary Clinton spoke in Denver.', 'Clinton supporters responded with chants of “I’m with her” until the end.')).toEqual([
      'unknown (Clinton supporters)',
    ]);
  });

  it('an adverb in -ly still sits between subject and verb ("Ann Lee quickly said")', () => {
    expect(shown('“We will be back,” Ann Lee quickly said.')).toEqual(['Ann Lee']);
  });
});

describe('the place after a participle is where the subject was, not who spoke', () => {
  it('"A man standing near the gate said, “…”" → unknown, role man (not the gate)', () => {
    expect(shown('The city was calm.', 'A man standing near the gate said, “We have waited long enough.”')).toEqual(['unknown (man)']);
  });

  it('"Mayor Ann Lee standing outside the court said" → Ann Lee, role Mayor', () => {
    expect(shown('Mayor Ann Lee standing outside the court said, “Justice was done today.”')).toEqual(['Ann Lee (Mayor)']);
  });

  it('"Protesters marching through the streets chanted “…”" does not give the streets as the role', () => {
    expect(shown('The city was calm.', 'Protesters marching through the streets chanted “What curfew?” and kept going.')).not.toContain(
      'unknown (streets)',
    );
  });
});

describe('words after a quote that only describe it', () => {
  it('"He says no one is “on pace to get 1,237 delegates,” the number needed to win." → he (Marco Rubio), not "the number"', () => {
    expect(
      shown(
        'Marco Rubio says he is staying in the race.',
        'He says no one in the race is “on pace to get 1,237 delegates,” the number needed to secure the Republican nomination.',
      ),
    ).toEqual(['Marco Rubio']);
  });

  it('"“…,” the senator added to reporters" is still a cue (a guard: passes on main too)', () => {
    expect(shown('Ann Lee is a senator.', '“We will vote on Friday,” the senator added to reporters.')).toEqual(['Ann Lee (senator)']);
  });
});
