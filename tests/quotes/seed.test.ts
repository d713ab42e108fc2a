// The bundled seed: every quotation of a clause or more, with the right speaker.
import { extractQuotes } from '../../src/briefings/quotes';
import seed = require('../fixtures/quotes/seed-articles.json');

type Input = { title: string; standfirst: string | null; paragraphs: string[] };
const [ukraine, myanmar] = seed as Input[];
const ukraineQuotes = extractQuotes(ukraine).quotes;
const myanmarQuotes = extractQuotes(myanmar).quotes;

function quoteStarting(quotes: typeof ukraineQuotes, start: string) {
  const q = quotes.find((x) => x.text.startsWith(start));
  if (!q) throw new Error(`no quote starting "${start}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

describe('the seed article on the US-Russia talks', () => {
  it.each([
    ['some progress', 'Marco Rubio', true],
    ['And so what we have tried to do', 'Marco Rubio', false],
    ['allows them not just to rebuild', 'Marco Rubio', true],
    ['no compromise', 'the Kremlin', true],
    ['so far we haven’t found a compromise', 'Yuri Ushakov', true],
    ['Some proposed formulations do not fit us', 'Yuri Ushakov', false],
    ['Our people are over in Russia', 'Donald Trump', false],
    ['Not an easy situation, let me tell you. What a mess.', 'Donald Trump', false],
    ['there will be no simple solutions', 'Volodymyr Zelensky', true],
    ['What matters is that everything is fair', 'Volodymyr Zelensky', false],
    ['There were some points we could agree on', 'Yuri Ushakov', false],
    ['the president did not hide our critical', 'Yuri Ushakov', true],
    ['the most difficult questions are about territories', 'Volodymyr Zelensky', true],
    ['useful', 'Yuri Ushakov', true],
    ['good foothold for solving all the tasks', 'Vladimir Putin', true],
    ['We are not planning to go to war with Europe', 'Vladimir Putin', false],
  ])('attributes “%s…” to %s', (start, speaker, partial) => {
    const q = quoteStarting(ukraineQuotes, start);
    expect(q.speaker).toBe(speaker);
    expect(q.partial).toBe(partial);
  });

  it('finds exactly the sixteen statements and leaves the scare quote “break” out', () => {
    expect(ukraineQuotes).toHaveLength(16);
    expect(ukraineQuotes.map((q) => q.text)).not.toContain('break');
  });

  it('names Rubio in full with his office, not the Fox News host he spoke to', () => {
    const q = quoteStarting(ukraineQuotes, 'And so what we have tried to do');
    expect(q.speaker).toBe('Marco Rubio');
    expect(q.role).toBe('US Secretary of State');
    expect(q.paragraph).toBe(1);
  });

  it('keeps roles from title prefixes', () => {
    expect(quoteStarting(ukraineQuotes, 'useful').role).toBe('top Russian presidential aide');
    expect(quoteStarting(ukraineQuotes, 'We are not planning').role).toBe('Russian President');
  });

  it('lists the people and organisations quoted, each once', () => {
    const { people } = extractQuotes(ukraine);
    expect(people.map((p) => p.name).sort()).toEqual(
      ['Donald Trump', 'Marco Rubio', 'Volodymyr Zelensky', 'Vladimir Putin', 'Yuri Ushakov', 'the Kremlin'].sort(),
    );
    expect(people.find((p) => p.name === 'the Kremlin')?.kind).toBe('organisation');
    expect(people.find((p) => p.name === 'Marco Rubio')).toEqual({ name: 'Marco Rubio', role: 'US Secretary of State', kind: 'person' });
  });
});

describe('the seed article on Myanmar and East Timor', () => {
  it('attributes both quotes to the foreign ministry in its fullest form', () => {
    expect(myanmarQuotes).toHaveLength(2);
    for (const q of myanmarQuotes) expect(q.speaker).toBe("Myanmar's foreign ministry");
    expect(myanmarQuotes[0].text.startsWith('Such unconstructive engagement')).toBe(true);
    expect(myanmarQuotes[1].text.startsWith('setting an unprecedented practice')).toBe(true);
  });
});
