// Who said a quote paragraph with no cue of its own: the speaker the paragraphs before it hand on,
// each pattern in a small article written for the purpose.
import { findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
/** Each quote's speaker as shown: "Name (role)", the kind in brackets for organisations. */
const shown = (...paragraphs: string[]): string[] =>
  findQuotations(article(...paragraphs)).map(
    (q) => `${q.speaker ?? 'unknown'}${q.role ? ` (${q.role})` : ''}${q.speakerKind === 'organisation' ? ' [organisation]' : ''}`,
  );

describe('a statement announced in the paragraph before', () => {
  it('"the Riverside Water Company issued a statement …" then a bare quote paragraph → the company', () => {
    expect(
      shown(
        'After the spill, the Riverside Water Company issued a statement apologising to the families along the river.',
        '“We are deeply sorry for the harm we caused and we will pay for the clean-up in full.”',
      ),
    ).toEqual(['Riverside Water Company [organisation]']);
  });

  it('a sentence about an organisation that announces nothing does not make it the speaker of the next quote', () => {
    expect(
      shown(
        'After the spill, the Riverside Water Company closed its plant along the river.',
        '“We are deeply sorry for the harm we caused and we will pay for the clean-up in full.”',
      ),
    ).toEqual(['unknown']);
  });
});
