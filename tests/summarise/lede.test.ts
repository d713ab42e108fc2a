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

describe('summaries of pages whose standfirst is a key point pulled from the body', () => {
  // Arab News puts a "•" bullet above the story: a copy (often cut short) of one body sentence,
  // here the background paragraph. A reader wants the news first, not the background.
  const MYANMAR = [
    'Myanmar has ordered the head of East Timor’s diplomatic mission to leave the country within seven days, state media quoted the foreign ministry as saying on Monday.',
    'Myanmar has been in turmoil since 2021, when the military ousted the elected government led by Nobel laureate Aung San Suu Kyi, sparking a wave of anti-junta protests.',
    'A rights group last month filed a complaint with the justice department of East Timor, alleging war crimes and crimes against humanity.',
    'In January, the group’s officials also met East Timor President Jose Ramos-Horta.',
    'A spokesman for the Myanmar junta did not respond to calls seeking comment.',
  ];
  const bullet = 'Myanmar has been in turmoil since 2021, when the military ousted the elected government led by Nobel laureate Aung San Suu Kyi';

  it('open with the lede, not with the copied key point', () => {
    const s = summarise(article(bullet, MYANMAR), 3);
    expect(s[0]).toBe(MYANMAR[0]);
    expect(s).toHaveLength(3);
  });

  it('never give the key point and the body sentence it copies both', () => {
    const s = summarise(article(bullet, MYANMAR), 5);
    expect(s).not.toContain(bullet);
    expect(s.filter((x) => x.startsWith('Myanmar has been in turmoil')).length).toBeLessThanOrEqual(1);
  });

  it('open with the lede when the key point is a later sentence word for word (without its full stop)', () => {
    const s = summarise(article(MYANMAR[2].slice(0, -1), MYANMAR), 3);
    expect(s[0]).toBe(MYANMAR[0]);
    expect(s).not.toContain(MYANMAR[2].slice(0, -1));
  });

  it('keep a standfirst of its own words first', () => {
    const s = summarise(article('The junta is under pressure over a criminal complaint abroad', MYANMAR), 3);
    expect(s[0]).toBe('The junta is under pressure over a criminal complaint abroad');
    expect(s[1]).toBe(MYANMAR[0]);
  });
});
