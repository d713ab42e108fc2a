// The stand-in's copies of Discord's rules, checked at their boundaries.
import { computeChannelPermissions, Flags, toBits } from './permissions';
import { validateCommand } from './routes-app';
import { guildIdForShard, shardOf, snowflake } from './snowflake';
import { validateChoices, validateMessageBody } from './validate';

const body = (b: object) => validateMessageBody(b, { requireSomething: true, hasFiles: false });

describe('message limits', () => {
  it('accepts 2,000 characters of content and refuses 2,001', () => {
    expect(body({ content: 'x'.repeat(2000) })).toBeNull();
    expect(body({ content: 'x'.repeat(2001) })).toMatchObject({ code: 50035, errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(body({ content: '😀'.repeat(2000) })).toBeNull();
  });

  it('holds embeds to their field limits and 6,000 characters in total', () => {
    const field = { name: 'n', value: 'v'.repeat(1024) };
    expect(body({ embeds: [{ fields: Array(25).fill(field) }] })).toMatchObject({
      errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    });
    expect(body({ embeds: [{ fields: Array(5).fill(field) }] })).toBeNull();
    expect(body({ embeds: [{ fields: Array(26).fill({ name: 'n', value: 'v' }) }] })).toMatchObject({
      errors: { embeds: { 0: { fields: expect.anything() } } },
    });
    expect(body({ embeds: [{ title: 't'.repeat(257) }] })).toMatchObject({ errors: { embeds: { 0: { title: expect.anything() } } } });
    expect(body({ embeds: Array(11).fill({ title: 't' }) })).toMatchObject({ code: 50035 });
  });

  it('allows 5 rows of 5 buttons with custom ids up to 100 characters', () => {
    const row = (n: number, id = 'b') => ({
      type: 1,
      components: Array.from({ length: n }, (_, i) => ({ type: 2, style: 1, label: 'x', custom_id: `${id}${i}` })),
    });
    expect(body({ components: Array(5).fill(row(5)) })).toBeNull();
    expect(body({ components: Array(6).fill(row(1)) })).toMatchObject({ code: 50035 });
    expect(body({ components: [row(6)] })).toMatchObject({ code: 50035 });
    expect(body({ components: [row(1, 'x'.repeat(100))] })).toMatchObject({ code: 50035 });
  });

  it('refuses an empty message with 50006', () => {
    expect(body({ content: '' })).toEqual({ message: 'Cannot send an empty message', code: 50006 });
  });

  it('allows at most 25 autocomplete choices with names of 1 to 100 characters', () => {
    expect(validateChoices(Array(25).fill({ name: 'a', value: 'a' }))).toBeNull();
    expect(validateChoices(Array(26).fill({ name: 'a', value: 'a' }))).toMatchObject({ code: 50035 });
    expect(validateChoices([{ name: '', value: 'a' }])).toMatchObject({ code: 50035 });
    expect(validateChoices([{ name: 'a', value: 'v'.repeat(101) }])).toMatchObject({ code: 50035 });
  });
});

describe('command definitions', () => {
  it('accepts a well-formed command', () => {
    expect(
      validateCommand({
        name: 'brief',
        description: 'A briefing',
        options: [
          { type: 3, name: 'topic', description: 'Topic', required: true },
          { type: 4, name: 'n', description: 'N' },
        ],
      }),
    ).toBeNull();
  });

  it('refuses upper-case names, missing descriptions and required options after optional ones', () => {
    expect(validateCommand({ name: 'Brief', description: 'x' })).not.toBeNull();
    expect(validateCommand({ name: 'brief' })).not.toBeNull();
    expect(
      validateCommand({
        name: 'brief',
        description: 'x',
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      }),
    ).not.toBeNull();
  });
});

describe('channel permissions', () => {
  const guildId = '1';
  const base = (
    overwrites: { id: string; type: 0 | 1; allow: string; deny: string }[],
    everyone = Flags.ViewChannel | Flags.SendMessages,
    role = 0n,
  ) =>
    computeChannelPermissions({
      guildId,
      ownerId: '9',
      userId: '5',
      memberRoleIds: ['2'],
      rolePermissions: new Map([
        [guildId, everyone],
        ['2', role],
      ]),
      overwrites,
    });

  it('applies @everyone, then role, then member overwrites', () => {
    const denyEveryone = { id: guildId, type: 0 as const, allow: '0', deny: Flags.SendMessages.toString() };
    const allowRole = { id: '2', type: 0 as const, allow: Flags.SendMessages.toString(), deny: '0' };
    const denyMember = { id: '5', type: 1 as const, allow: '0', deny: Flags.SendMessages.toString() };
    expect(base([denyEveryone]) & Flags.SendMessages).toBe(0n);
    expect(base([denyEveryone, allowRole]) & Flags.SendMessages).toBe(Flags.SendMessages);
    expect(base([denyEveryone, allowRole, denyMember]) & Flags.SendMessages).toBe(0n);
  });

  it('gives Administrator everything and takes everything when View Channel is denied', () => {
    expect(base([{ id: guildId, type: 0, allow: '0', deny: Flags.SendMessages.toString() }], 0n, Flags.Administrator) & Flags.SendMessages).toBe(
      Flags.SendMessages,
    );
    expect(base([{ id: guildId, type: 0, allow: '0', deny: Flags.ViewChannel.toString() }])).toBe(0n);
  });

  it('reads permission flag names', () => {
    expect(toBits(['ViewChannel', 'SendMessages'])).toBe(Flags.ViewChannel | Flags.SendMessages);
    expect(() => toBits(['SendMesages'])).toThrow(/Unknown permission flag/);
  });
});

describe('snowflakes and shards', () => {
  it('makes ids that only grow', () => {
    const ids = Array.from({ length: 5000 }, () => BigInt(snowflake()));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  });

  it('finds guild ids for a given shard', () => {
    for (const [shard, count] of [
      [0, 1],
      [0, 3],
      [1, 3],
      [2, 3],
    ])
      expect(shardOf(guildIdForShard(shard, count), count)).toBe(shard);
  });
});
