import { asSentence } from '../../src/briefings/text/as-sentence';

describe('a summary sentence shown in running text', () => {
  it('gets a full stop when it has no closing punctuation', () => {
    expect(asSentence('Myanmar has been in turmoil since 2021')).toBe('Myanmar has been in turmoil since 2021.');
  });

  it('keeps the punctuation it has, including closing quotes and brackets', () => {
    for (const s of ['Done.', 'Really?', 'Stop!', 'He said “no.”', 'It rose (again)', 'Wait…']) expect(asSentence(s)).toBe(s);
  });

  it('leaves an empty string empty', () => {
    expect(asSentence('  ')).toBe('');
  });
});
