import { canonicalTimeZone, suggestTimeZones } from '../../src/schedule/timezones';

describe('time zone names', () => {
  it('accepts IANA names in any case and returns the canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses what is not a zone', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('GMT+25')).toBeNull();
  });
});

describe('time zone autocomplete', () => {
  it('offers at most 25 choices, each a real zone of at most 100 characters', () => {
    for (const typed of ['', 'a', 'e', 'America', 'x']) {
      const choices = suggestTimeZones(typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.length).toBeLessThanOrEqual(100);
        expect(canonicalTimeZone(c)).not.toBeNull();
      }
    }
  });

  it('puts prefix matches first, then city matches, then infix matches', () => {
    expect(suggestTimeZones('europe/ber')[0]).toBe('Europe/Berlin');
    expect(suggestTimeZones('berlin')).toContain('Europe/Berlin');
    expect(suggestTimeZones('new york')).toContain('America/New_York');
    const infix = suggestTimeZones('angeles');
    expect(infix).toContain('America/Los_Angeles');
  });

  it('finds nothing for nonsense', () => {
    expect(suggestTimeZones('qqqq')).toEqual([]);
  });
});
