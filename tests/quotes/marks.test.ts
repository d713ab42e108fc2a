// Pairing quotation marks: straight and curly, single quotes versus apostrophes.
import { findQuoteSpans } from '../../src/briefings/quotes/marks';

const quoted = (...paragraphs: string[]) => findQuoteSpans(paragraphs).map((s) => paragraphs[s.paragraph].slice(s.start, s.end));

describe('pairing quotation marks', () => {
  it('pairs curly double marks', () => {
    expect(quoted('He said “yes” and then “no, never” again.')).toEqual(['yes', 'no, never']);
  });

  it('pairs straight double marks that open and close with the same character', () => {
    expect(quoted('"First one," she said, "and a second one."')).toEqual(['First one,', 'and a second one.']);
  });

  it('pairs straight marks independently in each paragraph', () => {
    expect(quoted('A "one" here.', 'And "two" there.')).toEqual(['one', 'two']);
  });

  it('closes a quote at the end of its paragraph when the closing mark is left off', () => {
    const spans = findQuoteSpans(['“We go on,', '“And on,” he said.']);
    expect(spans.map((s) => [s.paragraph, s.close >= 0, s.continues, s.continued])).toEqual([
      [0, false, true, false],
      [1, true, false, true],
    ]);
  });

  it('does not join an unclosed quote to a next paragraph that does not reopen', () => {
    const spans = findQuoteSpans(['“We go on,', 'He left.']);
    expect(spans).toHaveLength(1);
    expect(spans[0].continues).toBe(false);
  });

  it('takes ‘single’ curly quotes as quotes where they open and close a phrase', () => {
    expect(quoted('Rubio says ‘some progress’ made in talks')).toEqual(['some progress']);
  });

  it("takes 'single' straight quotes as quotes where they open and close a phrase", () => {
    expect(quoted("Rubio says 'some progress' made in talks")).toEqual(['some progress']);
  });

  it('does not take apostrophes for quotes', () => {
    expect(quoted("Russia’s war and Kyiv's allies don’t agree on the '90s, rock ’n’ roll or Ukrainians’ plans.")).toEqual([]);
  });

  it('leaves single quotes nested inside a double quote to the outer quote', () => {
    expect(quoted('“He told me ‘never again’ twice,” she said.')).toEqual(['He told me ‘never again’ twice,']);
  });
});
