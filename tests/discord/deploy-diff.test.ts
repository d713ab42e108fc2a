import { sameDefinition, describeDeploy } from '../../src/discord/deploy';
import { applicationIdFromToken } from '../../src/discord/application-id';

describe('telling whether a registered command changed', () => {
  const ours = { name: 'help', description: 'What it does', type: 1, options: [], default_member_permissions: undefined };
  const stored = {
    id: '1',
    application_id: '2',
    version: '3',
    type: 1,
    name: 'help',
    name_localizations: null,
    description: 'What it does',
    options: [],
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    integration_types: [0],
  };

  it('ignores what Discord adds and fills in', () => {
    expect(sameDefinition(ours, stored)).toBe(true);
  });

  it('notices a changed description or option', () => {
    expect(sameDefinition({ ...ours, description: 'New' }, stored)).toBe(false);
    expect(sameDefinition({ ...ours, options: [{ name: 'x', description: 'y', type: 3 }] }, stored)).toBe(false);
  });

  it('counts absent, null, false and empty as the same', () => {
    expect(sameDefinition({ options: [{ name: 'a', required: false }] }, { options: [{ name: 'a' }] })).toBe(true);
  });

  it('prints each kind of change on its own line', () => {
    const text = describeDeploy({ applicationId: '9', scope: 'global', guildId: null, added: ['a'], updated: [], removed: ['z'], unchanged: ['b'] });
    expect(text).toContain('all servers (global');
    expect(text).toContain('added:     /a');
    expect(text).toContain('updated:   —');
    expect(text).toContain('removed:   /z');
  });
});

describe('the application id from a token', () => {
  it('reads the base64 id in the token’s first part', () => {
    const token = `${Buffer.from('123456789012345678').toString('base64url')}.abcdef.${'x'.repeat(30)}`;
    expect(applicationIdFromToken(token)).toBe('123456789012345678');
  });

  it('gives null for anything else', () => {
    expect(applicationIdFromToken('garbage.abc.def')).toBeNull();
    expect(applicationIdFromToken('')).toBeNull();
  });
});
