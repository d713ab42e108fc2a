import { dateFromFileName, parseAbsoluteDate, parseDateLine, parseDateValue, parseRelativeDate } from '../../src/briefings/articles/dates';

const ref = new Date('2026-01-10T12:00:00.000Z');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

describe('dates', () => {
  it.each([
    ['03 December 2025', '2025-12-03T00:00:00.000Z'],
    ['3 Dec 2025', '2025-12-03T00:00:00.000Z'],
    ['December 3, 2025', '2025-12-03T00:00:00.000Z'],
    ['Dec. 3, 2025 5:04 PM', '2025-12-03T17:04:00.000Z'],
    ['Wednesday, 3 December 2025 14:05 GMT', '2025-12-03T14:05:00.000Z'],
    ['2025-12-03', '2025-12-03T00:00:00.000Z'],
    ['2025-12-03T08:30:00+02:00', '2025-12-03T06:30:00.000Z'],
  ])('parses the absolute date %s', (text, expected) => {
    expect(iso(parseAbsoluteDate(text))).toBe(expected);
  });

  it('rejects impossible dates and prose', () => {
    expect(parseAbsoluteDate('31 February 2025')).toBeNull();
    expect(parseAbsoluteDate('Updated yesterday and today')).toBeNull();
    expect(parseAbsoluteDate('2025-13-01')).toBeNull();
  });

  it.each([
    ['2 sec ago', 2_000],
    ['5 mins ago', 300_000],
    ['an hour ago', 3_600_000],
    ['3 hours ago', 10_800_000],
    ['2 days ago', 172_800_000],
    ['1 week ago', 604_800_000],
    ['yesterday', 86_400_000],
    ['just now', 0],
  ])('resolves the relative date %s against the reference time', (text, ms) => {
    expect(iso(parseRelativeDate(text, ref))).toBe(new Date(ref.getTime() - ms).toISOString());
  });

  it('reads furniture date lines and says whether they are approximate', () => {
    expect(parseDateLine('Updated 03 December 2025', ref)).toEqual({ date: new Date('2025-12-03T00:00:00Z'), approximate: false });
    expect(parseDateLine('Updated 2 sec ago', ref)).toEqual({ date: new Date(ref.getTime() - 2000), approximate: true });
    expect(parseDateLine('Published: 2 hours ago', ref)?.approximate).toBe(true);
    expect(parseDateLine('Last updated December 3, 2025 | 5 min read', ref)?.date.toISOString()).toBe('2025-12-03T00:00:00.000Z');
  });

  it('does not take a sentence or a bare date for a furniture line unless asked', () => {
    expect(parseDateLine('Updated figures show the economy grew.', ref)).toBeNull();
    expect(parseDateLine('3 December 2025', ref)).toBeNull();
    expect(parseDateLine('3 December 2025', ref, false)?.approximate).toBe(false);
  });

  it('reads a date from a PolNeAR-style file name', () => {
    expect(iso(dateFromFileName('nyt_2016-04-01_paid-notice.txt'))).toBe('2016-04-01T00:00:00.000Z');
    expect(dateFromFileName('000_f1e2f2f734faebd8.txt')).toBeNull();
  });

  it('reads front matter and JSON values: strings, Date objects, epoch numbers', () => {
    expect(parseDateValue('2026-02-10T15:52:06.000Z', ref)?.date.toISOString()).toBe('2026-02-10T15:52:06.000Z');
    expect(parseDateValue(new Date('2025-01-01T00:00:00Z'), ref)?.approximate).toBe(false);
    expect(parseDateValue(1764720000, ref)?.date.toISOString()).toBe('2025-12-03T00:00:00.000Z');
    expect(parseDateValue('Tue, 03 Dec 2025 10:00:00 GMT', ref)?.date.toISOString()).toBe('2025-12-03T10:00:00.000Z');
    expect(parseDateValue('not a date', ref)).toBeNull();
    expect(parseDateValue({}, ref)).toBeNull();
  });
});
