import type { APIEmbed } from 'discord.js';
import { renderBriefingPost } from '../../src/discord/render';
import { limitViolations } from '../../src/discord/render/limits';
import { message } from '../../src/discord/render/message';
import { markerText, stampMarker } from '../../src/discord/render/stamp';
import { classifyError } from '../../src/discord/schedule/classify-error';
import { dayMarker, nonceFor, partMarker, readPart } from '../../src/schedule/marker';
import { FakeLibrary } from './helpers/fakes';

describe('the marker', () => {
  it('names channel, date and part, and is read back from any text around it', () => {
    const m = partMarker('123', '2026-05-04', 2, 3);
    expect(m).toBe('briefbot:123:2026-05-04#2/3');
    expect(readPart(`Daily briefing · ${m}`, '123', '2026-05-04')).toEqual({ part: 2, parts: 3 });
    expect(readPart(`-# ${dayMarker('123', '2026-05-04')}`, '123', '2026-05-04')).toEqual({ part: 1, parts: 1 });
    expect(readPart(m, '123', '2026-05-05')).toBeNull();
    expect(readPart(m, '12', '2026-05-04')).toBeNull();
  });

  it('gives each message its own nonce of at most 25 characters, the same on every retry', () => {
    const channel = '1500738731638919237';
    const a = nonceFor(channel, '2026-05-04', 1);
    expect(a.length).toBeLessThanOrEqual(25);
    expect(nonceFor(channel, '2026-05-04', 1)).toBe(a);
    expect(nonceFor(channel, '2026-05-04', 2)).not.toBe(a);
    expect(nonceFor(channel, '2026-05-05', 1)).not.toBe(a);
  });
});

describe('stamping a rendered message', () => {
  const marker = partMarker('1500738731638919237', '2026-05-04', 1, 2);

  it("appends to the last embed's footer and keeps the rest", () => {
    const stamped = stampMarker(message({ content: 'head', embeds: [{ title: 'a' }, { title: 'b', footer: { text: 'Example Wire' } }] }), marker);
    const embeds = stamped.embeds as APIEmbed[];
    expect(embeds[1].footer?.text).toBe(`Example Wire · ${marker}`);
    expect(embeds[0]).toEqual({ title: 'a' });
    expect(stamped.content).toBe('head');
    expect(markerText(stamped)).toContain(marker);
  });

  it('falls back to a small content line when the embeds have no room', () => {
    const full: APIEmbed = {
      description: 'x'.repeat(4096),
      fields: [
        { name: 'n', value: 'y'.repeat(1024) },
        { name: 'm', value: 'z'.repeat(879) },
      ],
    };
    const stamped = stampMarker(message({ embeds: [full] }), marker);
    expect((stamped.embeds as APIEmbed[])[0].footer).toBeUndefined();
    expect(stamped.content).toBe(`-# ${marker}`);
  });

  it("keeps every real rendered post within Discord's limits", async () => {
    const library = new FakeLibrary(40);
    for (const limit of [1, 5, 10]) {
      const messages = renderBriefingPost(await library.brief({ limit }), { dateLabel: 'Monday 4 May 2026', late: true });
      messages.forEach((m, i) => {
        const stamped = stampMarker(m, partMarker('1500738731638919237', '2026-05-04', i + 1, messages.length));
        expect(limitViolations(stamped)).toEqual([]);
        expect(stamped.allowedMentions).toEqual(expect.objectContaining({ parse: [] }));
      });
    }
  });
});

describe('what a Discord error means for a scheduled post', () => {
  it.each([
    [{ status: 403, code: 50001, message: 'Missing Access' }, 'permissions'],
    [{ status: 403, code: 50013, message: 'Missing Permissions' }, 'permissions'],
    [{ status: 404, code: 10003, message: 'Unknown Channel' }, 'gone'],
    [{ status: 403, code: 0, message: 'Forbidden' }, 'permissions'],
    [{ status: 500, message: 'Internal Server Error' }, 'transient'],
    [{ status: 503, message: 'Service Unavailable' }, 'transient'],
    [{ name: 'AbortError', message: 'The operation was aborted' }, 'transient'],
    [{ code: 'ECONNRESET', message: 'socket hang up' }, 'transient'],
    [{ status: 400, code: 50035, message: 'Invalid Form Body' }, 'unknown'],
    [new Error('boom'), 'unknown'],
  ])('%o → %s', (error, kind) => {
    expect(classifyError(error).kind).toBe(kind);
  });

  it('explains permanent failures in words an admin can act on', () => {
    expect(classifyError({ status: 403, code: 50013 }).reason).toMatch(/View Channel, Send Messages and Embed Links/);
    expect(classifyError({ status: 404, code: 10003 }).reason).toMatch(/deleted/);
  });
});
