import { dueSlot, LATE_AFTER_MS, nextPostAt } from '../../src/schedule/planner';
import { ScheduleInputError, validateSettings } from '../../src/schedule/service';

const berlin8 = { time: '08:00', timezone: 'Europe/Berlin', paused: false, effectiveFrom: '2026-01-01T00:00:00.000Z' };

describe('dueSlot: is a post owed right now?', () => {
  it("owes nothing before the time, today's slot from the time on", () => {
    expect(dueSlot(berlin8, new Date('2026-05-04T05:59:59Z'))).toBeNull();
    expect(dueSlot(berlin8, new Date('2026-05-04T06:00:00Z'))).toEqual({
      localDate: '2026-05-04',
      dueAt: new Date('2026-05-04T06:00:00Z'),
      late: false,
    });
  });

  it('marks a slot late once it is more than a few minutes overdue', () => {
    expect(dueSlot(berlin8, new Date(Date.parse('2026-05-04T06:00:00Z') + LATE_AFTER_MS))?.late).toBe(false);
    expect(dueSlot(berlin8, new Date(Date.parse('2026-05-04T06:00:00Z') + LATE_AFTER_MS + 1000))?.late).toBe(true);
  });

  it("only ever owes today's slot in the schedule's zone", () => {
    const lateNight = { ...berlin8, time: '23:59' };
    expect(dueSlot(lateNight, new Date('2026-05-04T22:01:00Z'))).toBeNull(); // 00:01 on the 5th in Berlin
    expect(dueSlot(lateNight, new Date('2026-05-04T21:59:30Z'))?.localDate).toBe('2026-05-04');
  });

  it('owes nothing while paused or before the schedule took effect', () => {
    expect(dueSlot({ ...berlin8, paused: true }, new Date('2026-05-04T07:00:00Z'))).toBeNull();
    expect(dueSlot({ ...berlin8, effectiveFrom: '2026-05-04T06:30:00.000Z' }, new Date('2026-05-04T07:00:00Z'))).toBeNull();
  });
});

describe('nextPostAt: what /briefing show says', () => {
  it("is today's time while it is ahead, tomorrow's once today is done", () => {
    expect(nextPostAt(berlin8, new Date('2026-05-04T05:00:00Z'), false)?.toISOString()).toBe('2026-05-04T06:00:00.000Z');
    expect(nextPostAt(berlin8, new Date('2026-05-04T07:00:00Z'), true)?.toISOString()).toBe('2026-05-05T06:00:00.000Z');
  });

  it('is the shifted time on a spring-forward day and nothing while paused', () => {
    const gap = { ...berlin8, time: '02:30' };
    expect(nextPostAt(gap, new Date('2026-03-28T12:00:00Z'), true)?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(nextPostAt({ ...berlin8, paused: true }, new Date('2026-05-04T05:00:00Z'), false)).toBeNull();
  });
});

describe('validating /briefing set', () => {
  const base = { guildId: 'g', channelId: 'c', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 5, announceEmpty: false };

  it('normalises time, zone and topic', () => {
    expect(validateSettings({ ...base, time: '8:05', timezone: 'europe/berlin', topic: '  energy  ' })).toMatchObject({
      time: '08:05',
      timezone: 'Europe/Berlin',
      topic: 'energy',
    });
    expect(validateSettings({ ...base, topic: '   ' }).topic).toBeNull();
  });

  it.each([
    [{ time: '24:00' }, /not a time of day.*HH:MM/],
    [{ time: 'noon' }, /not a time of day/],
    [{ timezone: 'Berlin' }, /not a time zone I know.*Europe\/Berlin/],
    [{ articles: 0 }, /whole number from 1 to 10/],
    [{ articles: 11 }, /whole number from 1 to 10/],
  ])('refuses %o with a clear message', (change, message) => {
    expect(() => validateSettings({ ...base, ...change })).toThrow(ScheduleInputError);
    expect(() => validateSettings({ ...base, ...change })).toThrow(message);
  });
});
