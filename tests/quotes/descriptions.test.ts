// Speakers named once in full and later only by a description ("the club", "the professor", "the older man"),
// each pattern in a small article written for the purpose (issue 10): who is shown, and the role shown with them.
import { findQuotations } from '../../src/briefings/quotes';
import { Registry } from '../../src/briefings/quotes/registry';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
/** Each quote's speaker as shown: "Name (role)", the kind in brackets for organisations. */
const shown = (...paragraphs: string[]): string[] =>
  findQuotations(article(...paragraphs)).map(
    (q) => `${q.speaker ?? 'unknown'}${q.role ? ` (${q.role})` : ''}${q.speakerKind === 'organisation' ? ' [organisation]' : ''}`,
  );

describe('"a spokesman for the <noun>" is the organisation the article described by that noun', () => {
  it('"the club" after Chelsea was introduced as a football club → Chelsea', () => {
    expect(
      shown(
        'Chelsea, the London football club, sacked its manager on Sunday.',
        '“The decision was taken after a long review of the season,” a spokesman for the club said.',
      ),
    ).toEqual(['Chelsea (spokesman) [organisation]']);
  });
});

describe('"the <title>" is the person introduced with that title', () => {
  it('"the professor" after "led by Professor Sarah Green of Leeds University" → Sarah Green', () => {
    const speakers = shown(
      'The study was led by Professor Sarah Green of Leeds University and took four years.',
      '“We did not expect the effect to be this large,” the professor said.',
    );
    expect(speakers).toHaveLength(1);
    expect(speakers[0]).toMatch(/^Sarah Green \(.*professor/i);
  });
});

describe('"the <adjective> man" is the one man the article introduced', () => {
  it('"the older man" after "Tom Baker, 72, …" → Tom Baker', () => {
    const speakers = shown(
      'Tom Baker, 72, has lived on the street for forty years.',
      '“They never asked any of us what we wanted,” the older man said.',
    );
    expect(speakers).toHaveLength(1);
    expect(speakers[0]).toMatch(/^Tom Baker\b/);
  });

  it('with two men in play, "the man" stays unknown and keeps the description', () => {
    expect(
      shown(
        'Tom Baker, 72, and his neighbour Jack Hill, 70, have lived on the street for forty years.',
        '“They never asked any of us what we wanted,” the older man said.',
      ),
    ).toEqual(['unknown (older man)']);
  });
});

describe('where a name run stops', () => {
  const names = (...texts: string[]) => new Registry(texts).entities().map((e) => e.name);

  it('"Professor Sarah Green of Leeds University" is a person from a university, not one name', () => {
    expect(names('The study was led by Professor Sarah Green of Leeds University.')).toEqual(['Sarah Green', 'Leeds University']);
  });

  it('"of" inside an institution\'s name stays in it ("Bank of England", "United States of America")', () => {
    expect(names('The Bank of England and the United States of America agreed.')).toEqual(['Bank of England', 'United States of America']);
  });

  it('"Said Dorothy Poynter" opening a sentence is the verb and the name', () => {
    expect(names('“We were never told about the plan.” Said Dorothy Poynter, a retired nurse.')).toEqual(['Dorothy Poynter']);
    expect(shown('“We were never told about the plan,” the letter read.', 'Said Dorothy Poynter: “Nobody asked us.”').pop()).toMatch(
      /^Dorothy Poynter/,
    );
  });

  it('"Edward Said" keeps his surname', () => {
    expect(names('Edward Said wrote about it.')).toEqual(['Edward Said']);
  });
});

describe('"a <role> named X" is X, with the role', () => {
  it('"said a resident named Caroline" → Caroline (resident)', () => {
    expect(shown('“We have waited years for this road,” said a resident named Caroline.')).toEqual(['Caroline (resident)']);
  });

  it('"a resident named Caroline said" → Caroline (resident), not "resident named"', () => {
    expect(shown('A resident named Caroline said: “We have waited years for this road.”')).toEqual(['Caroline (resident)']);
  });
});

describe('a description matched to a role only through a synonym', () => {
  it('"the Senate minority leader" is not the one introduced as President, but the person in play', () => {
    expect(
      shown(
        'President Barack Obama signed the bill on Monday.',
        'Harry Reid blasted Rubio in a recent interview. “It is one of the worst machinations I have seen,” the Senate minority leader said.',
      ),
    ).toEqual(['Harry Reid (Senate minority leader)']);
  });

  it('"the Democratic nominee" is not the one introduced as a presidential candidate, but the person in play', () => {
    expect(
      shown(
        'Former presidential candidate Carly Fiorina spoke on Tuesday.',
        'Hillary Clinton gave her acceptance speech on Thursday.',
        '“A man you can bait with a tweet is not a man we can trust,” said the Democratic nominee.',
      ),
    ).toEqual(['Hillary Clinton (Democratic nominee)']);
  });

  it('"the Florida senator" is still the one introduced as "Sen." (the short form of the head)', () => {
    expect(
      shown('Sen. Marco Rubio spoke in Miami.', 'Jeb Bush flew to Iowa on Monday.', '“We will win Florida,” the Florida senator said.')[0],
    ).toMatch(/^Marco Rubio/);
  });
});

describe('"the <noun>" as the speaker is the organisation the article described by that noun', () => {
  it('"the club said" after "Chelsea, the London football club" → Chelsea', () => {
    expect(shown('Chelsea, the London football club, sacked its manager.', '“The review is over,” the club said.')).toEqual([
      'Chelsea [organisation]',
    ]);
  });

  it('"the university said" after "Leeds University" was the only university named → Leeds University', () => {
    expect(shown('Students at Leeds University marched on Friday.', '“We are reviewing the report,” the university said.')).toEqual([
      'Leeds University [organisation]',
    ]);
  });

  it('with two clubs described, "the club" stays unknown and keeps the description', () => {
    expect(shown('Chelsea, the London football club, played Leeds, the Yorkshire club.', '“The review is over,” the club said.')).toEqual([
      'unknown (club)',
    ]);
  });
});
