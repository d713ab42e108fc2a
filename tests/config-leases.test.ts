// FEED_LEASE_SECONDS and CLAIM_LEASE_SECONDS: how long a host that died mid-fetch or mid-post keeps others off
// its feed or its claimed post. Ten minutes each unless set; a value that cannot be a lease is refused at start.
import { ConfigError, loadConfig } from '../src/config';

const TOKEN = `${Buffer.from('123456789012345678').toString('base64').replace(/=+$/, '')}.GhIjKl.${'a'.repeat(38)}`;

describe('the feed and claim leases', () => {
  it('are ten minutes each unless set', () => {
    const c = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect([c.feedLeaseMs, c.claimLeaseMs]).toEqual([600_000, 600_000]);
  });

  it('read seconds, each on its own', () => {
    const c = loadConfig({ DISCORD_TOKEN: TOKEN, FEED_LEASE_SECONDS: '90', CLAIM_LEASE_SECONDS: '2.5' });
    expect([c.feedLeaseMs, c.claimLeaseMs]).toEqual([90_000, 2_500]);
  });

  it.each(['0', '-5', 'ten minutes', '86401'])('refuses %s for either, naming the setting and what it wants', (value) => {
    for (const name of ['FEED_LEASE_SECONDS', 'CLAIM_LEASE_SECONDS']) {
      let error: unknown = null;
      try {
        loadConfig({ DISCORD_TOKEN: TOKEN, [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${name} must be a number of seconds from 1 to 86400`))]);
    }
  });
});
