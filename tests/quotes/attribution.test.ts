// Each attribution pattern on its own, in small articles written for the purpose.
import { extractQuotes, findQuotations } from '../../src/briefings/quotes';

const article = (...paragraphs: string[]) => ({ title: 'Test article', standfirst: null, paragraphs });
const speakers = (...paragraphs: string[]) => extractQuotes(article(...paragraphs)).quotes.map((q) => [q.text, q.speaker]);

describe('who said a quote', () => {
  it('reads "X said" after the quote', () => {
    expect(speakers('“We will keep talking to everyone,” Jane Doe said.')).toEqual([['We will keep talking to everyone', 'Jane Doe']]);
  });

  it('reads "said X" after the quote, with the role before the name', () => {
    const { quotes } = extractQuotes(article('“Rates will stay high for longer,” said Treasury spokesman John Smith.'));
    expect(quotes[0].speaker).toBe('John Smith');
    expect(quotes[0].role).toBe('Treasury spokesman');
  });

  it('reads "X told Y" and takes X, not the person spoken to', () => {
    expect(speakers('“We are close to a deal on the border,” Maria Lopez told CNN host Jake Tapper.')).toEqual([
      ['We are close to a deal on the border', 'Maria Lopez'],
    ]);
  });

  it('reads "X added"', () => {
    expect(speakers('“Nothing has been decided yet about the plan,” Omar Haddad added.')[0][1]).toBe('Omar Haddad');
  });

  it('reads "according to X"', () => {
    expect(speakers('The deal was “dead on arrival in its current form,” according to Senator Ann Walsh.')[0][1]).toBe('Ann Walsh');
  });

  it('reads "Y quoted X as saying" and takes X', () => {
    expect(speakers('State media quoted army chief Min Tun as saying: “Order will be restored in every district.”')[0][1]).toBe('Min Tun');
  });

  it('reads "X said" before the quote', () => {
    expect(speakers('Ellen Park said: “The vote will happen on Friday whatever the weather.”')[0][1]).toBe('Ellen Park');
  });

  it('reads "in a social media post, X said"', () => {
    expect(speakers('Kim Lee was in Seoul.', 'In a social media post, Kim Lee said “the talks have failed again and again.”')[0][1]).toBe('Kim Lee');
  });

  it('resolves "he added" to the speaker in play, not the last person mentioned', () => {
    const q = speakers(
      '“We will not give up the fight for our city,” Paul Meyer said after meeting Anna Berg.',
      '“The next month decides everything for us,” he added.',
    );
    expect(q[1][1]).toBe('Paul Meyer');
  });

  it('resolves "he said" to the person the previous sentence reported', () => {
    const q = speakers('Carl Jensen said the vote would be close.', '“We are counting every single ballot,” he said.');
    expect(q[0][1]).toBe('Carl Jensen');
  });

  it('gives a bare quote paragraph after a quote to the same speaker', () => {
    const q = speakers('“We are ready to sign the agreement today,” Lena Novak said.', '“Nobody else has made an offer this good.”');
    expect(q[1][1]).toBe('Lena Novak');
  });

  it('resolves a description to the person introduced with that role', () => {
    const q = speakers(
      'Senior Kremlin aide Ivan Petrov met Prime Minister Ola Berg in Oslo.',
      '“The meeting was long but useful for both sides,” the top Kremlin aide said.',
    );
    expect(q[0][1]).toBe('Ivan Petrov');
  });

  it('ignores names inside the description', () => {
    const q = speakers(
      'Russian President Vladimir Putin sent his adviser, Yuri Ushakov, top presidential aide, to the talks.',
      '“We found no compromise on the territory question,” the top Putin aide said.',
    );
    expect(q[0][1]).toBe('Yuri Ushakov');
  });

  it('uses the fullest form of a name in the article', () => {
    const q = speakers('Secretary of State Marco Rubio flew to Geneva.', '“Some progress has been made here,” Rubio said.');
    expect(q[0][1]).toBe('Marco Rubio');
  });

  it('names an organisation as a speaker in its fullest form', () => {
    const q = speakers(
      '“This interference is totally unacceptable to us,” the foreign ministry said.',
      'Later, Norway’s foreign ministry said it would recall its envoy.',
    );
    expect(q[0][1]).toBe("Norway's foreign ministry");
  });

  it('keeps an unnamed speaker unknown, with the description as the role', () => {
    const { quotes } = extractQuotes(
      article('White House spokesman Josh Earnest spoke first.', '“We have nothing to add to the statement,” a spokesman for the mayor said.'),
    );
    expect(quotes[0].speaker).toBeNull();
    expect(quotes[0].role).toBe('spokesman for the mayor');
  });

  it('gives "a spokesman for the junta" to the junta, not to another spokesman named earlier', () => {
    const { quotes } = extractQuotes(
      article('White House spokesman Josh Earnest spoke first.', '“We have nothing to add to the statement,” a spokesman for the junta said.'),
    );
    expect(quotes[0].speaker).toBe('the junta');
    expect(quotes[0].role).toBe('spokesman');
  });

  it('resolves "it said" to the organisation the previous sentence was about', () => {
    expect(speakers('The Kremlin rejected the plan. “It is not acceptable to us in any form,” it said.')[0][1]).toBe('the Kremlin');
  });

  it('says unknown rather than guessing when no speaker can be told', () => {
    expect(speakers('Officials in the city were unsure of the plan.', 'The sign read “Closed until further notice for repairs.”')[0][1]).toBeNull();
  });

  it('attributes a participle "saying:" to the subject of the sentence', () => {
    const q = speakers(
      'Russian President Vladimir Putin spoke in Moscow.',
      'The Russian leader also sent a message, saying: “We are ready right now if needed.”',
    );
    expect(q[0][1]).toBe('Vladimir Putin');
  });

  it('reads a name followed by a colon before the quote', () => {
    expect(speakers('Rep. Trey Gowdy (R-S.C.): “I have not heard anyone other than you cite that figure.”')[0][1]).toBe('Trey Gowdy');
  });

  it('reads an inverted cue before the quote ("But, said X, “…”")', () => {
    expect(speakers('But, said Sam Solovey, “I don’t want to drum up conflict with anyone.”')[0][1]).toBe('Sam Solovey');
  });

  it('reads a dash signature after the quote', () => {
    expect(speakers('“The most unqualified child to ever run for president.” ― Francisco Herrero')[0][1]).toBe('Francisco Herrero');
  });

  it('keeps the person, not the place or group, in "X of Y said"', () => {
    const q = extractQuotes(article('“This is a waste of everyone’s time,” said Rep. Elijah Cummings of Maryland.')).quotes;
    expect(q[0].speaker).toBe('Elijah Cummings');
  });

  it('gives a participle cue after an inverted "said X" to X', () => {
    const q = speakers('“It’s not new in Virginia,” said Rep. Bobby Scott at the time, adding that “we have been electing people for a long time.”');
    expect(q.map((x) => x[1])).toEqual(['Bobby Scott', 'Bobby Scott']);
  });

  it('reads an appositive between the name and the verb', () => {
    const { quotes } = extractQuotes(article('“We can’t wait any longer for this,” Kellyanne Conway, Trump’s campaign manager, said.'));
    expect(quotes[0].speaker).toBe('Kellyanne Conway');
    expect(quotes[0].role).toBe("Trump's campaign manager");
  });

  it('attributes the second quote of a sentence to the first one’s speaker', () => {
    const q = speakers('“There were points we agreed on,” Ann Cole said, but “the hard questions remain open.”');
    expect(q.map((x) => x[1])).toEqual(['Ann Cole', 'Ann Cole']);
  });
});

describe('what counts as a quotation', () => {
  it('keeps a partial quote inside a sentence and flags it partial', () => {
    const { quotes } = extractQuotes(article('Maria Lopez said “some progress” has been made.'));
    expect(quotes).toEqual([{ text: 'some progress', speaker: 'Maria Lopez', role: null, paragraph: 0, partial: true }]);
  });

  it('keeps a quote of several sentences whole', () => {
    expect(speakers('“It is late. We are tired. We go home now,” Tom Ray said.')).toEqual([['It is late. We are tired. We go home now', 'Tom Ray']]);
  });

  it('joins a quote that runs across paragraphs, with the closing mark left off', () => {
    const { quotes } = extractQuotes(article('“We will build the road first and the bridge later,', '“Then the school will come,” Ida Moss said.'));
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('We will build the road first and the bridge later, Then the school will come');
    expect(quotes[0].speaker).toBe('Ida Moss');
    expect(quotes[0].paragraph).toBe(0);
  });

  it('leaves out a scare-quoted single word', () => {
    expect(speakers('Moscow is trying to “break” the country, Kim Lee said.')).toEqual([]);
  });

  it('leaves out a Title-Case term in quote marks', () => {
    expect(speakers('The plan, known as “Project Blue Horizon Forward”, was shelved.')).toEqual([]);
  });

  it('keeps a single word when a speaker is attached to it', () => {
    expect(speakers('The talks were “useful,” Yuri Ushakov said.')).toEqual([['useful', 'Yuri Ushakov']]);
  });

  it('gives "she" to the woman in play, not to the man the sentence opened with', () => {
    const q = speakers('Donald Trump met Hillary Clinton on Tuesday in New York.', '“We have very different ideas about this country,” she said.');
    expect(q[0][1]).toBe('Hillary Clinton');
  });

  it('tells gender from a courtesy title when the given name says nothing', () => {
    const q = speakers('Mr. Okafor met Mrs. Adeyemi in Lagos.', 'Okafor left early.', '“The meeting was useful for both of our towns,” she said.');
    expect(q[0][1]).toBe('Adeyemi');
  });

  it('still gives "he" to the man in play', () => {
    const q = speakers('Donald Trump met Hillary Clinton on Tuesday in New York.', '“We have very different ideas about this country,” he said.');
    expect(q[0][1]).toBe('Donald Trump');
  });

  it("gives a spokesperson's words to the organisation, with the role kept", () => {
    const { quotes } = extractQuotes(article('“We are reviewing the report carefully,” a Microsoft spokesperson said.'));
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Microsoft', 'spokesperson']);
  });

  it('never takes the place a person comes from as the speaker', () => {
    const { quotes } = extractQuotes(article('Councilwoman Ann Lee from Springfield said: “We will not close the library this year.”'));
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Ann Lee', 'Councilwoman']);
  });

  it('says unknown when nobody can be told', () => {
    expect(speakers('“The library will not close this year, whatever happens next.”')).toEqual([
      ['The library will not close this year, whatever happens next.', null],
    ]);
  });
  it('gives a definite description of a person to the person in play, shown with that description', () => {
    const { quotes } = extractQuotes(
      article('Marco Rubio spoke to supporters in Miami on Tuesday.', '“We are going to win this state,” the Florida senator said.'),
    );
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Marco Rubio', 'Florida senator']);
  });

  it('skips a person of the other gender for a gendered description', () => {
    const q = speakers('Hillary Clinton met Donald Trump in New York.', '“We talked about trade for an hour,” the businessman said.');
    expect(q[0][1]).toBe('Donald Trump');
  });

  it('keeps an indefinite description unknown rather than giving it to the person in play', () => {
    const q = speakers('Marco Rubio spoke to supporters in Miami on Tuesday.', '“We are going to win this state,” a senator said.');
    expect(q[0][1]).toBeNull();
  });

  it('reads "the network said" as a subject and its verb, not as a noun like "the repeated calls"', () => {
    const { quotes } = extractQuotes(article('In a statement, the network said that the description was “false and misleading in every way.”'));
    expect([quotes[0].speaker]).toEqual(['the network']);
    expect(speakers('Trump rejected the repeated calls “to step aside now before it is too late.”')[0][1]).toBeNull();
  });

  it('does not take a month in the possessive for a person', () => {
    const q = speakers(
      'Ban Ki-moon spoke about the climate talks held in Paris in December.',
      'December’s global agreement was a defining moment for him.',
      '“I am grateful to all the parties involved,” he said.',
    );
    expect(q[0][1]).toBe('Ban Ki-moon');
  });

  it('reads past a state abbreviation in "X, 29, of Huntsville, Ala., says"', () => {
    const q = speakers('Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is the climate. “We are running out of time,” she says.');
    expect(q[0][1]).toBe('Brianne Stone');
  });
  it('reads a contracted pronoun ("He’s predicting …")', () => {
    const q = speakers('Donald Trump won the primary on Tuesday. He’s predicting he will do “very, very well” in Nevada next week.');
    expect(q[0][1]).toBe('Donald Trump');
  });

  it('gives a quote after ", who says" to the name before the relative pronoun', () => {
    const q = speakers(
      'Contrast that with Trump, who has called the pact “a disaster for our country,” and Sanders, who says it is “disastrous for workers.”',
    );
    expect(q.map(([, speaker]) => speaker)).toEqual(['Trump', 'Sanders']);
  });

  it('gives "what it calls" to the organisation the sentence is about', () => {
    const { quotes } = extractQuotes(article('The group seeks to prevent deaths through what it calls “sensible gun violence prevention laws.”'));
    expect(quotes.map((q) => q.speaker)).toEqual(['the group']);
  });

  it('gives "it said" to an organisation described, not named, in the sentence before', () => {
    const q = speakers('The commission met on Friday in Washington.', 'That, it said, “would be helpful in avoiding uncertainty for everyone.”');
    expect(q[0][1]).toBe('the commission');
  });
  it('gives "her remark that “…”" and "X’s comments: “…”" to the owner of the words', () => {
    expect(speakers('Hillary Clinton spoke on Monday. Her remark that “the system is broken beyond repair” drew criticism.')[0][1]).toBe(
      'Hillary Clinton',
    );
    expect(speakers('Sanders attacked Trump’s latest comments: “We will build a wall and Mexico will pay for it.”')[0][1]).toBe('Trump');
  });
  it('gives "X issued a statement: “…”" and "as X put it, “…”" to X', () => {
    expect(speakers('After the attacks, Donald Trump issued a statement, “Last night, our nation was attacked by a terrorist.”')[0][1]).toBe(
      'Donald Trump',
    );
    expect(speakers('As Vulture put it, “Hello, it’s the Biebs, and he is back on top.”')[0][1]).toBe('Vulture');
  });

  it('does not give a quoted title to the name in the possessive before it', () => {
    const q = findQuotations(article('In a preview clip, Mary J. Blige sings Bruce Springsteen’s “American Skin” to Hillary Clinton.'));
    expect(q[0].speaker).not.toBe('Bruce Springsteen');
  });

  it('leaves a claim to the reporter who rules on it, not its owner ("X ruled that Trump’s statement about “…”")', () => {
    const q = findQuotations(article('Politifact then ruled that Trump’s statement about “thousands of shootings” in Chicago was true.'));
    expect(q[0].speaker).not.toBe('Trump');
  });
  it('goes on with the speaker in play after a sentence opened by "Adding,"', () => {
    const q = speakers('Bill Maher said the report “wasn’t good at all.” Adding, “Now, what they actually do is never that bad.”');
    expect(q.map(([, speaker]) => speaker)).toEqual(['Bill Maher', 'Bill Maher']);
  });
  it('reads any past-tense verb before a colon that introduces a quote paragraph', () => {
    const q = speakers('17-year-old Jared Potts echoed:', '“He speaks his mind, and I think that might be what the country needs.”');
    expect(q[0][1]).toBe('Jared Potts');
  });

  it('gives the words of a writing to its author ("the Heritage Foundation website notes:")', () => {
    const { quotes } = extractQuotes(
      article(
        'It matters a lot, as the Heritage Foundation website notes:',
        '“In the fall of 1960, some 90 young conservatives met at the Sharon estate.”',
      ),
    );
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Heritage Foundation', null]);
  });
  it('gives the answer after "X asked Y whether …" to the one asked', () => {
    const q = speakers(
      'Last month, reporter Scott Conroy asked Bernie Sanders whether questions about his health were fair game.',
      '“Sure it is. I would not have run if I was not blessed,” he said.',
    );
    expect(q[0][1]).toBe('Bernie Sanders');
  });
  it('keeps a party before a full name as the role ("Democrat Hillary Clinton said")', () => {
    const { quotes } = extractQuotes(article('Democrat Hillary Clinton said: “We will not go back on any of this.”'));
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Hillary Clinton', 'Democrat']);
    expect(extractQuotes(article('The Republican National Committee said: “We will not go back on any of this.”')).quotes[0].speaker).toBe(
      'Republican National Committee',
    );
  });

  it('never makes a speaker of words with a contraction ("Don’t Republicans …")', () => {
    const q = speakers('Ted Cruz spoke in Iowa. Don’t Republicans run the risk? “Hillary should just do whatever she wants,” he said.');
    expect(q[0][1]).toBe('Ted Cruz');
  });

  it('gives "the Republican" to the person in play', () => {
    const q = speakers('Donald Trump spoke in Michigan on Friday.', 'The Republican said: “I wonder why it was bad. Think of that.”');
    expect(q[0][1]).toBe('Donald Trump');
  });
  it('reads the subject after a wire dateline ("Washington (AFP) – X has …, saying “…”")', () => {
    const q = speakers(
      'Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that “bombastic comments” do more harm than good.',
    );
    expect(q[0][1]).toBe('Hillary Clinton');
  });

  it('skips a participle opening the sentence when looking for its subject', () => {
    const q = findQuotations(article('Horrified at the prospect of a Trump presidency, Jorge Ramos believes in journalism that “takes sides.”'));
    expect(q[0].speaker).toBe('Jorge Ramos');
  });

  it('reads an inverted cue with any past-tense verb ("“…!” beamed X")', () => {
    expect(speakers('“This is fantastic!” beamed Donald Hartley of Madison, Alabama, who snuck onto the floor.')[0][1]).toBe('Donald Hartley');
  });

  it('reads the name before a dashed appositive ("X — a teacher — says")', () => {
    const { quotes } = extractQuotes(article('Jason Sims — a teacher from Mount Pleasant — says the endorsement was “a big deal for all of us.”'));
    expect([quotes[0].speaker, quotes[0].role]).toEqual(['Jason Sims', 'teacher from Mount Pleasant']);
  });

  it('keeps a surname that is also an office when a given name comes before it ("Billie Jean King")', () => {
    const q = speakers('“He was the greatest,” Billie Jean King said.', '“He talked the talk and walked the walk,” King said.');
    expect(q.map(([, speaker]) => speaker)).toEqual(['Billie Jean King', 'Billie Jean King']);
  });
  it('reads "“…,” X went on" as a cue', () => {
    const q = speakers('Megyn Kelly spoke first.', '“You know, it happens to everyone,” Donald Trump went on, as if he did not hear her.');
    expect(q[0][1]).toBe('Donald Trump');
  });

  it('keeps the person in "X of the <Body> of <Place> told"', () => {
    const q = speakers('As Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told reporters, “We have suffered the same fate.”');
    expect(q[0][1]).toContain('Aris Shirvanian');
  });
  it('reads "“… .” X said." as one sentence, but not "“… .” He said that “…”"', () => {
    expect(speakers('Donald Trump spoke first.', '“I hope you are able to find the emails.” Hillary Clinton said.')[0][1]).toBe('Hillary Clinton');
    const q = speakers(
      'Jon Husted said the ruling “will force us to put voters back on the rolls.” He said that “the final resolution is still to come.”',
    );
    expect(q.map(([, speaker]) => speaker)).toEqual(['Jon Husted', 'Jon Husted']);
  });
});
