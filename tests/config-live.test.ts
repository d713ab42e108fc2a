import { ConfigError, loadConfig } from '../src/config';

const TOKEN = `${Buffer.from('123456789012345678').toString('base64').replace(/=+$/, '')}.GhIjKl.${'a'.repeat(38)}`;

describe('LIVE_MAX_AGE', () => {
  it('is 24 hours unless set', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }).liveMaxAgeMs).toBe(24 * 3_600_000);
  });

  it('reads hours, with or without an "h"', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, LIVE_MAX_AGE: '6' }).liveMaxAgeMs).toBe(6 * 3_600_000);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, LIVE_MAX_AGE: '1.5h' }).liveMaxAgeMs).toBe(5_400_000);
  });

  it.each(['0', '-3', 'a day', '721'])('refuses %s with a message saying what it wants', (value) => {
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, LIVE_MAX_AGE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, LIVE_MAX_AGE: value })).toThrow(/LIVE_MAX_AGE must be a number of hours/);
  });
});
