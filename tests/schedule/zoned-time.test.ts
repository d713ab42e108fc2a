import {
  addDays,
  instantOf,
  isInGap,
  localDateOf,
  localTimeOf,
  nextDueInstant,
  offsetMinutesAt,
  parseLocalTime,
} from '../../src/schedule/zoned-time';

const at = (iso: string) => new Date(iso);

describe('localDateOf: the local date of an instant in a zone', () => {
  it('reads the same instant as different dates either side of the date line', () => {
    const instant = at('2026-06-01T23:30:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-06-01');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-06-02');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-06-01');
    expect(localDateOf(instant, 'Pacific/Kiritimati')).toBe('2026-06-02');
    expect(localDateOf(at('2026-06-01T09:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-05-31');
  });

  it('changes at local midnight, not UTC midnight', () => {
    expect(localDateOf(at('2026-01-14T22:59:59Z'), 'Europe/Berlin')).toBe('2026-01-14');
    expect(localDateOf(at('2026-01-14T23:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15');
  });

  it('handles half- and quarter-hour zones', () => {
    expect(localTimeOf(at('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe('05:30');
    expect(localTimeOf(at('2026-06-01T00:00:00Z'), 'Asia/Kathmandu')).toBe('05:45');
    expect(offsetMinutesAt(at('2026-06-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});

describe('instantOf: the instant of a local HH:MM on a date in a zone', () => {
  it('gives the plain answer on ordinary days', () => {
    expect(instantOf('2026-01-15', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(instantOf('2026-07-15', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(instantOf('2026-07-15', '08:00', 'America/New_York').toISOString()).toBe('2026-07-15T12:00:00.000Z');
    expect(instantOf('2026-07-15', '00:00', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
    expect(instantOf('2026-07-15', '23:59', 'Asia/Tokyo').toISOString()).toBe('2026-07-15T14:59:00.000Z');
  });

  it('shifts a time inside the spring-forward gap forward by the gap (Berlin 2026-03-29 02:30 → 03:30 CEST)', () => {
    const instant = instantOf('2026-03-29', '02:30', 'Europe/Berlin');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf(instant, 'Europe/Berlin')).toBe('03:30');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-03-29');
    expect(isInGap('2026-03-29', '02:30', 'Europe/Berlin')).toBe(true);
    expect(isInGap('2026-03-29', '02:00', 'Europe/Berlin')).toBe(true);
    expect(isInGap('2026-03-29', '03:00', 'Europe/Berlin')).toBe(false);
    expect(isInGap('2026-03-28', '02:30', 'Europe/Berlin')).toBe(false);
  });

  it("shifts a time inside New York's gap (2026-03-08 02:15 → 03:15 EDT)", () => {
    const instant = instantOf('2026-03-08', '02:15', 'America/New_York');
    expect(instant.toISOString()).toBe('2026-03-08T07:15:00.000Z');
    expect(localTimeOf(instant, 'America/New_York')).toBe('03:15');
  });

  it('takes the first of the two instants in the fall-back overlap (Berlin 2026-10-25 02:30 CEST)', () => {
    const instant = instantOf('2026-10-25', '02:30', 'Europe/Berlin');
    expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(offsetMinutesAt(instant, 'Europe/Berlin')).toBe(120);
    // The second 02:30 (CET) is an hour later and is not chosen.
    expect(localTimeOf(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('02:30');
  });

  it('keeps times just outside the transitions exact', () => {
    expect(instantOf('2026-03-29', '01:59', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(instantOf('2026-03-29', '03:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantOf('2026-10-25', '01:59', 'Europe/Berlin').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(instantOf('2026-10-25', '03:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles the southern hemisphere (Sydney springs forward in October)', () => {
    const instant = instantOf('2026-10-04', '02:30', 'Australia/Sydney');
    expect(localTimeOf(instant, 'Australia/Sydney')).toBe('03:30');
    expect(localDateOf(instant, 'Australia/Sydney')).toBe('2026-10-04');
  });

  it('round-trips every quarter hour on transition days, and every half hour through 2026, in several zones', () => {
    const transitionDays = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      const days = [...transitionDays, ...Array.from({ length: 53 }, (_, i) => addDays('2026-01-01', i * 7))];
      for (const date of days) {
        const step = transitionDays.includes(date) ? 15 : 30;
        for (let minutes = 0; minutes < 24 * 60; minutes += step) {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const instant = instantOf(date, time, zone);
          expect(localDateOf(instant, zone)).toBe(date);
          if (!isInGap(date, time, zone)) expect(localTimeOf(instant, zone)).toBe(time);
          else expect(localTimeOf(instant, zone) > time).toBe(true);
        }
      }
    }
  });

  it('rejects malformed dates and times', () => {
    expect(() => instantOf('2026-3-1', '08:00', 'UTC')).toThrow(RangeError);
    expect(() => instantOf('2026-03-01', '25:00', 'UTC')).toThrow(RangeError);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    ['23:59', '23:59'],
    [' 7.30 ', '07:30'],
    ['00:00', '00:00'],
  ])('reads %p as %p', (input, expected) => expect(parseLocalTime(input)).toBe(expected));

  it.each(['24:00', '8', '08:60', 'eight', '08:00pm', ''])('refuses %p', (input) => expect(parseLocalTime(input)).toBeNull());
});

describe('addDays and nextDueInstant', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it("gives today's time when it is still ahead, else tomorrow's", () => {
    const now = at('2026-01-15T06:00:00Z'); // 07:00 in Berlin
    expect(nextDueInstant('08:00', 'Europe/Berlin', now).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(nextDueInstant('06:00', 'Europe/Berlin', now).toISOString()).toBe('2026-01-16T05:00:00.000Z');
  });

  it("skips today when today's slot is used", () => {
    const now = at('2026-01-15T06:00:00Z');
    expect(nextDueInstant('08:00', 'Europe/Berlin', now, '2026-01-15').toISOString()).toBe('2026-01-16T07:00:00.000Z');
  });
});
