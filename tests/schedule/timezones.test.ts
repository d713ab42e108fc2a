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
  it('offers at most the choices asked for, each a real zone of at most 100 characters', () => {
    for (const typed of ['', 'a', 'e', 'America', 'x']) {
      const choices = suggestTimeZones(typed, 25);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.length).toBeLessThanOrEqual(100);
        expect(canonicalTimeZone(c)).not.toBeNull();
      }
    }
  });

  it('puts prefix matches first, then city matches, then infix matches', () => {
    expect(suggestTimeZones('europe/ber', 25)[0]).toBe('Europe/Berlin');
    expect(suggestTimeZones('berlin', 25)).toContain('Europe/Berlin');
    expect(suggestTimeZones('new york', 25)).toContain('America/New_York');
    const infix = suggestTimeZones('angeles', 25);
    expect(infix).toContain('America/Los_Angeles');
  });

  it('finds nothing for nonsense', () => {
    expect(suggestTimeZones('qqqq', 25)).toEqual([]);
  });
});
