import { summarise } from '../../src/briefings/summarise';
import { articleSentences } from '../../src/briefings/analyse';

function article(standfirst: string | null, paragraphs: string[]) {
  const raw = { title: 'Envoy expelled after complaint', standfirst, paragraphs };
  return { ...raw, sentences: articleSentences(raw) };
}

const BODY = [
  'Myanmar has ordered the head of the mission to leave the country within seven days, state media said.',
  'The country has been in turmoil since 2021, when the military ousted the elected government.',
  'A rights group filed a complaint last month alleging war crimes and crimes against humanity.',
  'The foreign ministry said the acceptance of the case set an unprecedented practice.',
  'The embassy did not respond to a request for comment sent via email.',
];

describe('summaries of edited news pages (with a standfirst)', () => {
  it('follow the standfirst with the lede, as the page’s editors would', () => {
    const s = summarise(article('The junta is under pressure over a criminal complaint abroad', BODY), 3);
    expect(s[0]).toBe('The junta is under pressure over a criminal complaint abroad');
    expect(s[1]).toBe(BODY[0]);
    expect(s).toHaveLength(3);
  });

  it('skip a lede that only repeats the standfirst', () => {
    const s = summarise(article(BODY[0].replace(', state media said.', ''), BODY), 3);
    expect(s.filter((x) => x.startsWith('Myanmar has ordered'))).toHaveLength(1);
  });

  it('give just the standfirst when one sentence is asked for', () => {
    expect(summarise(article('The junta is under pressure over a criminal complaint abroad', BODY), 1)).toEqual([
      'The junta is under pressure over a criminal complaint abroad',
    ]);
  });
});
