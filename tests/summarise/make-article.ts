// Builds the summariser's input the way the library does: sentences split per paragraph,
// standfirst sentences first with paragraph -1.
import { splitSentences } from '../../src/briefings/text/sentences';
import type { SummaryInput } from '../../src/briefings/summarise';
import type { Sentence } from '../../src/briefings/types';

export function makeArticle(title: string, paragraphs: string[], standfirst: string | null = null): SummaryInput {
  const sentences: Sentence[] = [];
  const push = (text: string, paragraph: number) => {
    for (const s of splitSentences(text)) sentences.push({ text: s, paragraph, index: sentences.length });
  };
  if (standfirst) push(standfirst, -1);
  paragraphs.forEach((p, i) => push(p, i));
  return { title, standfirst, paragraphs, sentences };
}

const BRIDGE_STORY = [
  'The council approved a new bridge over the River Wen on Tuesday after four years of delay.',
  'The crossing will cost 40 million pounds, twice the first estimate.',
  'Councillor Ann Price said the vote ended a long fight over the town centre.',
  'Traffic on the old bridge has doubled since 2015, according to a county survey.',
  'Engineers found cracks in its supports last spring and closed one lane.',
  'Shop owners on Mill Street welcomed the decision.',
  'Some residents fear the works will bring noise and dust for two years.',
  'The government will pay 25 million pounds of the bill.',
  'The rest comes from a levy on new housing in the district.',
  'Construction is due to start in May and finish in the summer of 2028.',
  'A cycle path and a footbridge are part of the design.',
  'Opposition members asked why the price had risen so sharply.',
  'Officials blamed higher steel prices and a longer planning inquiry.',
  'The old bridge will stay open for walkers once the new one is built.',
  'Buses will be diverted through Eastgate while the approach roads are rebuilt.',
  'A public exhibition of the plans opens at the library next week.',
  'The contractor, Hale Civil, built a similar crossing in Yorkshire.',
  'Flood defences along the bank will be raised at the same time.',
  'The Environment Agency backed the scheme after changes to the piers.',
  'Campaigners said they would keep watching the costs closely.',
];

/** A plausible news article of `n` one-sentence paragraphs (n up to 40), no two alike. */
export function newsArticle(n: number): SummaryInput {
  const paragraphs = Array.from({ length: n }, (_, i) =>
    i < BRIDGE_STORY.length ? BRIDGE_STORY[i] : `${BRIDGE_STORY[i - BRIDGE_STORY.length].slice(0, -1)}, officials added in update ${i}.`,
  );
  return makeArticle('River bridge approved after long delay', paragraphs);
}
