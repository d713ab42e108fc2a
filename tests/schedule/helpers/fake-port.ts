// An in-memory channel for the ledger and scheduler tests: records what was sent, fails on request.
import type { RenderedMessage } from '../../../src/discord/render/message';
import { markerText } from '../../../src/discord/render/stamp';
import { classifyError } from '../../../src/discord/schedule/classify-error';
import type { ChannelCheck, ChannelPlace, ChannelPort, FoundMessage } from '../../../src/schedule/channel-port';

export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number = 0,
  ) {
    super(`fake ${status}${code ? ` (${code})` : ''}`);
    this.name = 'DiscordAPIError';
  }
}

export interface SentMessage {
  id: string;
  channelId: string;
  at: Date;
  /** What would go to channel.send: the rendered message with its nonce. */
  body: Partial<RenderedMessage> & { nonce?: string; enforceNonce?: boolean };
  text: string;
}

type Failure = { error: Error; landed?: boolean };

export class FakePort implements ChannelPort {
  readonly sent: SentMessage[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly checks = new Map<string, ChannelCheck>();
  private nextId = 1000;
  sendCalls = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The next send to `channelId` throws `error`; with landed, the message is stored anyway (lost response). */
  failNext(channelId: string, error: Error, opts: { times?: number; landed?: boolean } = {}): void {
    const list = this.failures.get(channelId) ?? [];
    for (let i = 0; i < (opts.times ?? 1); i++) list.push({ error, landed: opts.landed });
    this.failures.set(channelId, list);
  }

  private readonly places = new Map<string, ChannelPlace | null>();

  /** Where a channel is; unplaced channels are text channels of `defaultGuild`. */
  place(channelId: string, place: ChannelPlace | null): void {
    this.places.set(channelId, place);
  }

  defaultGuild = 'g1';

  async locate(channelId: string): Promise<ChannelPlace | null> {
    return this.places.has(channelId) ? this.places.get(channelId)! : { guildId: this.defaultGuild, holdsMessages: true };
  }

  setCheck(channelId: string, check: ChannelCheck): void {
    this.checks.set(channelId, check);
  }

  /** A message in the channel as if posted by an earlier life of the bot. */
  plant(channelId: string, text: string): string {
    const id = String(this.nextId++);
    this.sent.push({ id, channelId, at: this.now(), body: { content: text }, text });
    return id;
  }

  in(channelId: string): SentMessage[] {
    return this.sent.filter((m) => m.channelId === channelId);
  }

  async check(channelId: string): Promise<ChannelCheck> {
    return this.checks.get(channelId) ?? { ok: true };
  }

  async send(channelId: string, rendered: RenderedMessage, nonce: string): Promise<{ id: string }> {
    const message = { ...rendered, nonce, enforceNonce: true };
    this.sendCalls++;
    const failure = this.failures.get(channelId)?.shift();
    const stored = (): SentMessage => {
      const m = { id: String(this.nextId++), channelId, at: this.now(), body: message, text: markerText(message) };
      this.sent.push(m);
      return m;
    };
    if (failure) {
      if (failure.landed) stored();
      throw failure.error;
    }
    return { id: stored().id };
  }

  readonly deleted: string[] = [];

  async deleteOwn(channelId: string, messageId: string): Promise<void> {
    const at = this.sent.findIndex((m) => m.channelId === channelId && m.id === messageId);
    if (at >= 0) this.sent.splice(at, 1);
    this.deleted.push(messageId);
  }

  /** Planted messages count as the bot's own. */
  async ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]> {
    return this.in(channelId)
      .filter((m) => m.at.getTime() >= since.getTime())
      .slice(-max)
      .reverse()
      .map((m) => ({ id: m.id, text: m.text }));
  }

  classify(error: unknown) {
    return classifyError(error);
  }
}
