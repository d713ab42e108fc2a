// Speakers named by a description, an organisation or a pronoun, each pattern in a small article
// written for the purpose: who is shown, and the role shown with them.
import { findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
/** Each quote's speaker as shown: "Name (role)", the kind in brackets for organisations. */
const shown = (...paragraphs: string[]): string[] =>
  findQuotations(article(...paragraphs)).map(
    (q) => `${q.speaker ?? 'unknown'}${q.role ? ` (${q.role})` : ''}${q.speakerKind === 'organisation' ? ' [organisation]' : ''}`,
  );

describe('a spokesperson speaks for the organisation', () => {
  it('"a spokesman for Globex said" → Globex, role spokesman', () => {
    expect(shown('“Nobody told us the water was unsafe to drink,” a spokesman for Globex said.')).toEqual(['Globex (spokesman) [organisation]']);
  });

  it('"said a spokeswoman for the Health Ministry" → the ministry, role spokeswoman', () => {
    expect(shown('“Every clinic will reopen by Monday morning,” said a spokeswoman for the Health Ministry.')).toEqual([
      'Health Ministry (spokeswoman) [organisation]',
    ]);
  });

  it('"said a spokesperson for Tata Motors" → Tata Motors (two capitalised words, but nothing shows a person)', () => {
    expect(shown('“We are reviewing the report,” said a spokesperson for Tata Motors.')).toEqual(['Tata Motors (spokesperson) [organisation]']);
  });

  it('a spokesman for a person is not that person', () => {
    expect(shown('Ann Walsh is running for mayor.', '“The mayor has not replied to us,” a spokesman for Ann Walsh said.')).toEqual([
      'unknown (spokesman for Ann Walsh)',
    ]);
  });
});

describe('the role written before a name is kept', () => {
  it('"her campaign manager, Robby Mook, said" → Robby Mook (campaign manager)', () => {
    expect(shown('“We will win the state by a wide margin,” her campaign manager, Robby Mook, said.')).toEqual(['Robby Mook (campaign manager)']);
  });

  it('"Trump\'s attorney, Alan Garten, said" keeps the owner in the role', () => {
    expect(shown('“The lease was signed in good faith by both sides,” Trump’s attorney, Alan Garten, said.')).toEqual([
      "Alan Garten (Trump's attorney)",
    ]);
  });

  it('"his friend X said" → X (friend)', () => {
    expect(shown('“He never came home that night after the game,” his friend Omar Saleh said.')).toEqual(['Omar Saleh (friend)']);
  });
});

describe('a description points back to the person introduced with it', () => {
  it('"the researcher" is the one introduced as a researcher, not the person named last', () => {
    expect(
      shown(
        'Dr Priya Nair, a researcher at the Oxford lab, studied the virus for ten years.',
        'Her colleague Tom Bell joined the lab later.',
        '“The virus mutates faster than anyone expected,” the researcher said.',
      ),
    ).toEqual(['Priya Nair (researcher at the Oxford lab)']);
  });

  it('shows the description the sentence uses as the role ("the Vermont senator")', () => {
    expect(shown('Sen. Ann Walsh of Vermont spoke on Monday.', '“We will not back down on this bill,” the Vermont senator said.')).toEqual([
      'Ann Walsh (Vermont senator)',
    ]);
  });
});

describe('a place is never a person', () => {
  it('"she" skips a state the previous sentence was about', () => {
    expect(
      shown(
        'Hillary Clinton spoke in Tampa, Florida, on Monday.',
        'Florida is one of the swing states, and Clinton aimed her speech at the general election.',
        '“We know we have work to do,” she told the crowd.',
      ),
    ).toEqual(['Hillary Clinton']);
  });

  it('a country that speaks is shown as an organisation, not a person', () => {
    expect(shown('“The test was a grave provocation against the whole region,” Japan said.')).toEqual(['Japan [organisation]']);
  });

  it('"Councillor Ann Lee from Springfield said" → Ann Lee, the title as her role, never the town', () => {
    expect(shown('“We will rebuild the school before winter,” said Councillor Ann Lee from Springfield.')).toEqual(['Ann Lee (Councillor)']);
  });
});

describe('he and she agree in gender', () => {
  it('an earlier "he" for a person tells their gender: a later "she" skips them', () => {
    expect(
      shown(
        'Dana Price, a teacher, spoke first.',
        'Robin Hale chairs the board. He said the vote would be close.',
        '“We were never told about the budget,” she said.',
      ),
    ).toEqual(['Dana Price (teacher)']);
  });

  it('"she" after a man and a woman were introduced is the woman', () => {
    expect(shown('Tom Ward, a fisherman, met Ann Lee, a teacher, on the pier.', '“The water has never been this warm,” she said.')).toEqual([
      'Ann Lee (teacher)',
    ]);
  });

  it('an honorific tells the gender ("Mrs Carter")', () => {
    expect(shown('Mrs Robin Carter met Sam Baker on Monday. Baker spoke first.', '“We have waited far too long for this bridge,” she said.')).toEqual(
      ['Robin Carter'],
    );
  });
});

describe('organisations and outlets as sources', () => {
  it('"<outlet> reported that … “…”" → the outlet', () => {
    expect(shown('The Daily Ledger reported that the deal was “all but dead after the vote on Friday.”')).toEqual(['Daily Ledger [organisation]']);
  });

  it('"The New Yorker reported" → an outlet, not a person (and never "he" later)', () => {
    expect(
      shown('Tom Reed spoke on Monday.', 'The New Yorker reported that the deal was “a fraud from the start.”', '“It was not,” he said.'),
    ).toEqual(['New Yorker [organisation]', 'Tom Reed']);
  });

  it('"according to <outlet>" → the outlet', () => {
    expect(shown('The minister was “deeply unhappy with the outcome,” according to Reuters.')).toEqual(['Reuters [organisation]']);
  });

  it('"In a statement, X said:" before a quote paragraph → X', () => {
    expect(shown('In a statement, Maria Olsen said:', '“We will appeal the ruling as soon as the court allows it.”')).toEqual(['Maria Olsen']);
  });

  it('"<company> said in a statement" → the company', () => {
    expect(shown('Acme Corp said in a statement on Monday: “We are reviewing the findings carefully.”')).toEqual(['Acme Corp [organisation]']);
  });
});

describe('a quote signed in the paragraph under it', () => {
  it('"- Name." under a quote paragraph names its speaker', () => {
    expect(
      shown(
        'Governor Tom Reed and Senator Ann Walsh debated on Tuesday.',
        '“Almost all new income is going to the top one percent of earners.”',
        '- Ann Walsh.',
        'The senator is relying on an outdated figure.',
      ),
    ).toEqual(['Ann Walsh (Senator)']);
  });

  it('a signature overrides the speaker a quote with no cue would inherit', () => {
    expect(
      shown(
        '“The deal will cost the state nothing at all,” Governor Tom Reed said.',
        '“I never voted for the tax increase that the governor describes.”',
        '—Ann Walsh, in the second debate',
      ),
    ).toEqual(['Tom Reed (Governor)', 'Ann Walsh']);
  });

  it('a paragraph of prose that opens with a dash is not a signature', () => {
    expect(
      shown(
        '“The deal will cost the state nothing at all,” Governor Tom Reed said.',
        '“We will balance the budget by the end of the year.”',
        '- Ann Walsh disputed that figure in a long letter to the editor of the local paper on Friday, saying the state would pay.',
      ),
    ).toEqual(['Tom Reed (Governor)', 'Tom Reed (Governor)']);
  });
});

describe('a quoted phrase in a sentence about a description', () => {
  it('an institution that is the subject speaks the phrase', () => {
    expect(
      shown('In its ruling, the election commission recognized that a court should settle the matter “so that all voters can trust the result.”'),
    ).toEqual(['the election commission [organisation]']);
  });
});

describe('who "he" is after a sentence about someone', () => {
  it('the subject after ", but" is who the sentence is about', () => {
    expect(
      shown(
        '“Turnout decides everything in this state,” said Simon Ross, a strategist.',
        'The primary is in June, but Bernie Sanders was in San Diego on Tuesday night.',
        '“If turnout is high, we will win here,” he said.',
      ),
    ).toEqual(['Simon Ross (strategist)', 'Bernie Sanders']);
  });

  it('"Nobody" is not a person', () => {
    expect(
      shown(
        'Barack Obama spoke last on Friday.',
        'Nobody asked about the refugees at the press conference.',
        '“It is shameful to turn them away,” he said.',
      ),
    ).toEqual(['Barack Obama']);
  });
});

describe('a pronoun inside a sentence about someone', () => {
  it('"X condemned what he called “…”" → X, not the person in play before', () => {
    expect(
      shown('Tom Reed spoke first at the meeting.', 'Secretary General Ban Ki-moon condemned what he called a “brazen breach of the rules.”'),
    ).toEqual(['Ban Ki-moon (Secretary General)']);
  });

  it('"…, noted X." makes X the speaker in play for the next "he wrote"', () => {
    expect(
      shown(
        '“Turnout decides everything,” said Sean Spicer, a strategist.',
        'Debates rarely change the race, noted pollster Dante Chin.',
        '“By then most voters have made up their minds,” he wrote.',
      ),
    ).toEqual(['Sean Spicer (strategist)', 'Dante Chin (pollster)']);
  });
});

describe('roles and gender the cue itself gives', () => {
  it('"she said" right after "Sen. X scolded him:" in the same sentence is X', () => {
    expect(
      shown('Dr. Mehmet Oz testified on Tuesday.', 'Sen. Claire McCaskill scolded him: “The scientific community is against you,” she said.'),
    ).toEqual(['Claire McCaskill (Sen.)']);
  });

  it('an age or date before the role does not hide the speaker ("said 43-year-old teacher Ann Lee")', () => {
    expect(shown('“We were never told about the closure,” said 43-year-old teacher Ann Lee.')).toEqual(['Ann Lee (teacher)']);
  });

  it('a gendered role outweighs a given name read as the other gender ("widow Terry Strada" … "She continued")', () => {
    expect(
      shown(
        'Hillary Clinton spoke on Monday.',
        '“The rationales do not hold weight,” said 9/11 widow Terry Strada.',
        'She continued, “All we ask is a day in court.”',
      ),
    ).toEqual(['Terry Strada (widow)', 'Terry Strada (widow)']);
  });
});

describe('the subject of a reported clause is not the speaker', () => {
  it('"X used to back Paul, but now said Trump had “…”" → X, and the next quote paragraph too', () => {
    expect(
      shown(
        'Donald Trump spoke for an hour.',
        'Ann Lee used to back Rand Paul, but now said Trump had “the opportunity and the obligation to bring us together.”',
        '“I think he can do that.”',
      ),
    ).toEqual(['Ann Lee', 'Ann Lee']);
  });

  it('a convention is an organisation, so "he" after a sentence about it is the person named in it', () => {
    expect(
      shown(
        'One claim of President Barack Obama’s speech to the Democratic National Convention does not stand up.',
        'He told his audience, to rowdy applause:',
        '“Nobody is more qualified than Hillary Clinton to serve as president.”',
      ),
    ).toEqual(['Barack Obama (President)']);
  });
});

describe('the person who agreed is who "he" is next', () => {
  it('"X at the National Review agreed with Matthews" → the next "he wrote" is X, not the outlet or Matthews', () => {
    expect(
      shown(
        '“He looked like he had his head screwed on,” Chris Matthews concluded.',
        'Dan McLaughlin at the National Review agreed with Matthews about the winner.',
        '“If the goal was to win the night, he succeeded with flying colors,” he wrote.',
      ),
    ).toEqual(['Chris Matthews', 'Dan McLaughlin']);
  });
});

describe('a description that points back to the right person', () => {
  it('"the Republican presidential nominee" is not the one introduced as the Libertarian candidate', () => {
    expect(
      shown(
        'Libertarian presidential candidate Gary Johnson spoke in Ohio.',
        '“We will win this state,” Donald Trump said on Friday.',
        'The Republican presidential nominee noted Friday that his campaign has not spent much yet.',
        'He said, “We have some big plans for the final month.”',
      ),
    ).toEqual(['Donald Trump', 'Donald Trump']);
  });

  it('"the former secretary of state" is a person, not the state', () => {
    expect(shown('Hillary Clinton spoke on Monday.', 'The former secretary of state said she was “very concerned about the vote.”')).toEqual([
      'Hillary Clinton (former secretary of state)',
    ]);
  });
});

describe('who a sentence is about, for the next "he"', () => {
  it('"But Reed, the first Republican mayor …, stopped short" is about Reed', () => {
    expect(
      shown(
        '“The Taj is having some difficult times now,” Mayor Tom Reed said.',
        '“We are ready for the vote,” Jake Sullivan said.',
        'But Reed, the first Republican mayor elected in the city in two decades, stopped short of fully endorsing the plan.',
        'He said the casinos were “a failure from the start.”',
      ),
    ).toEqual(['Tom Reed (Mayor)', 'Jake Sullivan', 'Tom Reed (Mayor)']);
  });

  it('"Kagan — who was … — supports" is about Kagan', () => {
    expect(
      shown(
        '“We need more troops,” Robert Kagan said in May.',
        '“We are ready for the vote,” Jake Sullivan said.',
        'Kagan — who was a leading architect of the surge in 2007 — supports a larger military role in Iraq.',
        'But he insists that it must be part of a “global strategy.”',
      ),
    ).toEqual(['Robert Kagan', 'Jake Sullivan', 'Robert Kagan']);
  });

  it('a sentence whose subject is "he" keeps the person in play ("Though he …, he made it clear")', () => {
    expect(
      shown(
        '“We are ready for the vote,” Jake Sullivan said.',
        'Ted Cruz, who won Oklahoma and his home state of Texas, is calling for his rivals to drop out.',
        'Though he did not mention Marco Rubio by name, he made it clear that they should go.',
        'He asked them to “prayerfully consider” it.',
      ),
    ).toEqual(['Jake Sullivan', 'Ted Cruz']);
  });
});

describe('a pronoun subject the cue does not name', () => {
  it('"A few days ago in an interview he blasted … “…”": a time is no subject, "he" is', () => {
    expect(
      shown(
        '“We will win,” Donald Trump said on Monday.',
        'A few days ago in an interview with RT he blasted the media for being “unbelievably dishonest.”',
      ),
    ).toEqual(['Donald Trump', 'Donald Trump']);
  });

  it('"But he wanted to know, “…”", "And he’s predicting … “…”": a conjunction before "he"', () => {
    expect(
      shown(
        '“We will win,” Marco Rubio said on Monday.',
        'But he wanted to know, “How surprised are you?”',
        'And he’s predicting that the competition will be “a lot tougher.”',
      ),
    ).toEqual(['Marco Rubio', 'Marco Rubio', 'Marco Rubio']);
  });

  it('"When he returned he began by saying, “…”" → the person "he" is', () => {
    expect(shown('“We will win,” Donald Trump said on Monday.', 'When he returned he began by saying, “I don’t know what happened.”')).toEqual([
      'Donald Trump',
      'Donald Trump',
    ]);
  });
});

describe('someone introduced at the end of a sentence with no subject of its own', () => {
  it('"…, which concerns Henry Crespo, president of the caucus." → the next "he said" is Crespo', () => {
    expect(
      shown(
        '“We will win the county,” Bryan Anderson said.',
        'While Obama had many artists writing songs about him, that has not happened for Clinton, which is something that concerns Henry Crespo, president of the Florida Democratic Black Caucus.',
        '“No one is writing songs for Hillary,” he said.',
      ),
    ).toEqual(['Bryan Anderson', 'Henry Crespo (president of the Florida Democratic Black Caucus)']);
  });

  it('an appositive with a clause is said of someone already known: the speaker in play stays', () => {
    expect(
      shown(
        '“We will win the county,” Bryan Anderson said.',
        'Among those who did not come was Sen. Bernie Sanders, the only candidate who skipped the meeting.',
        '“It was a good day,” he said.',
      ),
    ).toEqual(['Bryan Anderson', 'Bryan Anderson']);
  });
});

describe('a writing quoted as a source', () => {
  it('"the letter says" → the letter, not unknown', () => {
    expect(shown('The council sent a letter to the mayor on Monday.', '“The budget cannot be balanced this year,” the letter says.')).toEqual([
      'the letter [organisation]',
    ]);
  });

  it('"a letter says" introduces a new writing: still unknown, with the role', () => {
    expect(shown('“The budget cannot be balanced this year,” a letter says.')).toEqual(['unknown (letter)']);
  });
});
