// Who "he" and "she" can mean: only a person. A group written as a capitalised plural and a
// sentence-opening word in front of a name are never that person. Each pattern in a small article
// written for the purpose.
import { findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
/** Each quote's speaker as shown: "Name (role)", the kind in brackets for organisations. */
const shown = (...paragraphs: string[]): string[] =>
  findQuotations(article(...paragraphs)).map(
    (q) => `${q.speaker ?? 'unknown'}${q.role ? ` (${q.role})` : ''}${q.speakerKind === 'organisation' ? ' [organisation]' : ''}`,
  );

describe('a group is never "he" or "she"', () => {
  it('"Young Latinos make up a third of the town." then "he said" → the man written about before', () => {
    expect(
      shown(
        'Okafor Ndu grew up in the valley and now runs the food bank.',
        'Young Latinos make up a third of the town.',
        '“We used to know every family here,” he said.',
      ),
    ).toEqual(['Okafor Ndu']);
  });

  it('a people named as a speaker is shown as a group, not as a person', () => {
    expect(shown('“We were never asked,” Rohingya Muslims said on Tuesday.')).toEqual(['Rohingya Muslims [organisation]']);
  });
});

describe('a word opening a sentence is no part of the name after it', () => {
  it('"Soon Clarkston became his home." does not put "Soon Clarkston" in play for "he"', () => {
    expect(shown('Okafor Ndu moved to the city in 2012.', 'Soon Clarkston became his home.', '“The people here are kind,” he said.')).not.toContain(
      'Soon Clarkston',
    );
  });

  it('"Following Ndu on the stage, Adaeze Obi spoke" → she is Adaeze Obi', () => {
    expect(
      shown('Okafor Ndu opened the meeting.', 'Following Ndu on the stage, Adaeze Obi spoke about schools.', '“We need more teachers,” she said.'),
    ).toEqual(['Adaeze Obi']);
  });

  it('"Regarding Lee’s remarks, Obi said" → Obi, not "Regarding Lee"', () => {
    expect(
      shown(
        'Daniel Lee and Adaeze Obi debated on Monday.',
        'Regarding Lee’s remarks on taxes, Obi shared her view that none of it was fair.',
        '“The way I see it,” she said, “nobody checked the numbers.”',
      ),
    ).toEqual(['Adaeze Obi', 'Adaeze Obi']);
  });
});

describe('an institution whose name holds "for"', () => {
  it('"Ada Brook of the Harlow Center for Water Studies wrote" → Ada Brook, and the "she" after it', () => {
    expect(
      shown(
        '“The river will not recover for a decade,” Ada Brook of the Harlow Center for Water Studies wrote in May.',
        'But, she noted, “the fish came back faster than anyone expected.”',
      ),
    ).toEqual(['Ada Brook', 'Ada Brook']);
  });

  it('"said a spokesman for the Center for Fair Elections" → the whole centre, role spokesman', () => {
    expect(shown('“We counted every ballot twice,” said a spokesman for the Center for Fair Elections.')).toEqual([
      'Center for Fair Elections (spokesman) [organisation]',
    ]);
  });
});

describe('a quoted phrase in a sentence whose subject is "he" or "she"', () => {
  it('"Then he turned to “little” Ann Lee" → the man the sentence before was about', () => {
    expect(shown('Omar Haddad attacked the council on Monday.', 'Then he turned to “little” Ann Lee.')).toEqual(['Omar Haddad']);
  });

  it('"Next he went after the “so-called” experts" → the man in play', () => {
    expect(shown('Omar Haddad spoke at the town hall.', 'Next he went after the “so-called” experts.')).toEqual(['Omar Haddad']);
  });
});

describe('an adverbial between a subject and its verb', () => {
  it('"Haddad, who has in the past described the plan as “…”" → Haddad, not "the past"', () => {
    expect(shown('Omar Haddad spoke in Leeds.', 'Haddad, who has in the past described the plan as “a land grab,” said little this time.')).toEqual([
      'Omar Haddad',
    ]);
  });

  it('"“…?” a Labour staffer in the room wondered" → unknown, role Labour staffer', () => {
    expect(shown('“Will she be the next mayor?” a Labour staffer in the room wondered.')).toEqual(['unknown (Labour staffer)']);
  });

  it('(guard) "after the man had posted that …" keeps "the man" as the subject: "after" also opens a clause', () => {
    expect(shown('A judge fined a 26-year-old man after the man had posted that his neighbours should “go back home.”')).toEqual(['unknown (man)']);
  });
});

describe('gender from more given names, and not from a generic "spokesman"', () => {
  it('"Campaign spokesman Hope Adeyemi confirmed …" then "she said" → Hope Adeyemi (a spokesman can be a woman)', () => {
    expect(
      shown(
        'Dahlys Okonkwo founded the group last spring.',
        'Campaign spokesman Hope Adeyemi confirmed that the group was formed without the campaign. “They are not affiliated with us,” she said.',
      ),
    ).toEqual(['Hope Adeyemi (Campaign spokesman)']);
  });

  it('"Sen. Dianne Marsh … Gov. Novak Petrov" then "she said" → Dianne Marsh', () => {
    expect(
      shown(
        'Sen. Dianne Marsh backed the bill on Friday.',
        'Gov. Novak Petrov, who opposed it, was not at the vote.',
        '“It has never made sense to me to wait,” she said.',
      ),
    ).toEqual(['Dianne Marsh (Sen.)']);
  });
});

describe('a sentence with no person as its subject', () => {
  it('leaves the person the text is about in play for "he" (not the one quoted last)', () => {
    expect(
      shown(
        'Pat Okafor, a spokesman for the union, said the mine “will close by spring.”',
        'Mr. Clarke hopes to keep his own mine open. But right now, he is losing money every month. That worries his neighbours. “It is all I can afford,” he said.',
      ),
    ).toEqual(['Pat Okafor (spokesman for the union)', 'Clarke']);
  });
});

describe('the role shown is a role, not the words of the clause before the name', () => {
  it('"The movie shows Omar Haddad telling the crowd, “…”" → Omar Haddad, no role "movie shows"', () => {
    expect(shown('The movie shows Omar Haddad telling the crowd, “We will win this.”')).toEqual(['Omar Haddad']);
  });

  it('"The pontiff met Omar Haddad on Monday." gives him no role "pontiff met"', () => {
    expect(shown('The pontiff met Omar Haddad on Monday. “It was a blessing,” Haddad said.')).toEqual(['Omar Haddad']);
  });

  it('(guard) a role written in lower case before the name is still kept ("veteran comedian Omar Haddad")', () => {
    expect(shown('“It was a blessing,” said veteran comedian Omar Haddad.')).toEqual(['Omar Haddad (veteran comedian)']);
  });
});

describe('"she" after a man and a woman named by South Asian given names', () => {
  it('"Rahul Verma met Priya Nair …" then "she said" → Priya Nair', () => {
    expect(shown('Rahul Verma met Priya Nair in Kochi on Monday.', '“The talks went well,” she said.')).toEqual(['Priya Nair']);
  });

  it('"Amit Shah and Mamata Banerjee traded barbs" then "she said" → Mamata Banerjee, and "he said" → Amit Shah', () => {
    expect(shown('Amit Shah and Mamata Banerjee traded barbs on Sunday.', '“The people have decided,” she said.')).toEqual(['Mamata Banerjee']);
    expect(shown('Mamata Banerjee and Amit Shah traded barbs on Sunday.', '“The people have decided,” he said.')).toEqual(['Amit Shah']);
  });
});

describe('a person acting in a "with X doing" clause', () => {
  it('"It has become an issue, with Ann Lee — who … — lambasting the plan." then "she said" → Ann Lee, not the woman quoted before', () => {
    expect(
      shown(
        'For some, the losses would outstrip the gains, said Mary Okoro, an economist.',
        'It has become a major issue in the campaign, with Ann Lee — who has called for higher taxes on the rich — lambasting the plan.',
        '“It would be trickle-down economics all over again,” she said.',
      ),
    ).toEqual(['Ann Lee']);
  });
});

describe('a sentence that opens with a participle', () => {
  it('"Flying home one night, she vented that it would be “…”" → she, the woman in play (not "Flying")', () => {
    expect(shown('Carly Fiorina ran the company for six years.', 'Flying home one night, she vented that it would be “incredibly ugly.”')).toEqual([
      'Carly Fiorina',
    ]);
  });

  it('a surname in -ing before a speech verb stays the subject ("Fleming told reporters, …")', () => {
    expect(shown('Fleming told reporters, after the vote, that the bill was “dead on arrival.”')).toEqual(['Fleming']);
  });
});
