// Redundancy control: a summary never repeats itself, but a sentence that only shares a stock
// phrase with one already chosen ("Time Warner said") is not redundant. Central sentences name
// the story's subject the way the lede does; blocking every shared word trigram threw them away.
import { summarise } from '../../src/briefings/summarise';
import { makeArticle } from './make-article';

const LEDE = 'Time Warner said on Wednesday that quarterly profits rose 76% to $1.13bn, helped by higher advertising sales.';
const SAME_SUBJECT = 'Time Warner said its film division saw profits slump 27% after the box-office flops Alexander and Catwoman.';
const NEAR_COPY = 'Time Warner said on Wednesday that quarterly profits rose 76% to $1.13bn, a record for the group.';

const LATER = [
  'Analysts at two banks had expected a smaller rise.',
  'Shares closed slightly higher in New York.',
  'A conference call with investors is planned for Thursday.',
  'The group employs about 80,000 people worldwide.',
];

describe('summarise: redundancy control', () => {
  it('takes a sentence that shares only a stock phrase ("Time Warner said") with the lede', () => {
    const summary = summarise(makeArticle('Time Warner profits jump', [LEDE, SAME_SUBJECT, ...LATER]), 3);
    expect(summary[0]).toBe(LEDE);
    expect(summary).toContain(SAME_SUBJECT);
  });

  it('still passes over a near-copy of the lede while other sentences are left', () => {
    const summary = summarise(makeArticle('Time Warner profits jump', [LEDE, NEAR_COPY, ...LATER]), 3);
    expect(summary[0]).toBe(LEDE);
    expect(summary).not.toContain(NEAR_COPY);
    expect(summary).toHaveLength(3);
  });
});
