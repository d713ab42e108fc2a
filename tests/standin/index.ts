// A loopback Discord for end-to-end tests: the real discord.js Client logs in to it through
// `rest: { api: discord.apiUrl }`, receives interactions over its gateway, and everything the bot
// sends back is recorded for assertions. See README.md.
import { Gateway, GatewaySession, IdentifyRecord, PRIVILEGED_INTENT_BITS, ResumeRecord } from './gateway';
import { ApiServer, Router } from './http';
import { pingsAnyone } from './messages';
import { AutocompleteInput, CommandInput, ComponentInput, PayloadBuilder } from './payloads';
import { Flags, toBits } from './permissions';
import { registerAppRoutes } from './routes-app';
import { registerChannelRoutes } from './routes-channels';
import { elapsedMs, InteractionInternals, registerInteractionRoutes } from './routes-interactions';
import { guildIdForShard, shardOf, snowflake } from './snowflake';
import { StandInState } from './state';
import type {
  ChannelSpec,
  FailureSpec,
  GuildSpec,
  InteractionRecord,
  Json,
  OverwriteSpec,
  RecordedRequest,
  SendInteractionOptions,
  StandInOptions,
} from './types';
import { botUser, buildChannel, buildGuild, guildPayload, overwrite } from './world';
import { sleep } from './waiter';

export type {
  ChannelSpec,
  FailureSpec,
  GuildSpec,
  InteractionRecord,
  Json,
  OverwriteSpec,
  RecordedRequest,
  SendInteractionOptions,
  StandInOptions,
  CommandInput,
  AutocompleteInput,
  ComponentInput,
};
export { Flags as PermissionFlags, guildIdForShard, shardOf, pingsAnyone };

export class DiscordStandIn {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly token: string;
  apiUrl = '';
  gatewayUrl = '';
  private port = 0;
  private readonly state: StandInState;
  private readonly api: ApiServer;
  private readonly gateway: Gateway;
  private readonly internals = new Map<string, InteractionInternals>();
  private readonly builder: PayloadBuilder;
  private closed = false;
  /** Discord's permission bits, for building and checking permission values in tests. */
  readonly PermissionFlags = Flags;

  constructor(private readonly options: StandInOptions = {}) {
    this.applicationId = options.applicationId ?? (options.token ? applicationIdFromToken(options.token) : snowflake());
    this.botUserId = this.applicationId;
    this.token = options.token ?? makeToken(this.applicationId);
    const bot = { id: this.botUserId, username: options.botUsername ?? 'Briefbot' };
    this.state = new StandInState(bot, this.applicationId, this.token, options.callbackDeadlineMs ?? 3000);
    for (const spec of options.guilds ?? [{ name: 'Test Guild' }]) this.state.addGuild(buildGuild(spec, bot));

    const router = new Router();
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      signal: this.state.signal,
      readyBase: () => ({
        v: 10,
        user: botUser(bot),
        user_settings: {},
        session_type: 'normal',
        relationships: [],
        private_channels: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ['standin'],
        application: { id: this.applicationId, flags: 8_388_608 },
        auth: {},
        _trace: ['["standin-gateway",{}]'],
      }),
      guildCreates: (shard) => [...this.state.guilds.values()].filter((g) => shardOf(g.id, shard[1]) === shard[0]).map((g) => guildPayload(g, true)),
      resumeUrl: () => `ws://127.0.0.1:${this.port}/gateway-resume`,
      allowedPrivilegedIntents: (options.privilegedIntents ?? []).reduce((acc, name) => acc | PRIVILEGED_INTENT_BITS[name], 0),
      log: (line) => this.log(line),
    });
    registerAppRoutes(router, this.state, {
      gatewayUrl: () => this.gatewayUrl,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 16,
      identifyCount: () => this.gateway.identifies.length,
    });
    registerChannelRoutes(router, this.state, this.gateway);
    registerInteractionRoutes(router, this.state, this.internals);
    this.api = new ApiServer({
      router,
      token: () => this.token,
      log: (line) => this.log(line),
      onRecorded: (record, ctx, reply) => {
        const it = ctx?.interactionToken ? this.internals.get(ctx.interactionToken) : undefined;
        if (it) {
          if (reply.status >= 400) it.record.errors.push({ method: record.method, path: record.path, status: reply.status, body: reply.body });
          it.record.lastActivityMs = elapsedMs(it);
        }
        this.state.signal.notify();
      },
    });
    this.api.server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/gateway' || path === '/gateway-resume') this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    this.builder = new PayloadBuilder(this.state, () => this.knownMessages());
  }

  async listen(): Promise<this> {
    this.port = await this.api.listen();
    this.apiUrl = `http://127.0.0.1:${this.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${this.port}/gateway`;
    return this;
  }

  // ── the world ────────────────────────────────────────────────────────────────────────

  /** Guild ids in the order given. */
  get guildIds(): string[] {
    return [...this.state.guilds.keys()];
  }

  guild(guildId: string = this.guildIds[0]): Json {
    const g = this.state.guilds.get(guildId);
    if (!g) throw new Error(`Unknown guild ${guildId}`);
    return { ...guildPayload(g, true), botRoleId: g.botRoleId };
  }

  /** The first text channel of a guild (default: the first guild). */
  textChannelId(guildId: string = this.guildIds[0], name?: string): string {
    const g = this.state.guilds.get(guildId);
    const c = g?.channels.find((x) => x.type === 0 && (name === undefined || x.name === name));
    if (!c) throw new Error(`No text channel${name ? ` named ${name}` : ''} in guild ${guildId}`);
    return c.id;
  }

  channel(channelId: string): Json | undefined {
    return this.state.channels.get(channelId);
  }

  /** The bot's effective permissions in a channel, as Discord would compute them. */
  botPermissionsIn(channelId: string): bigint {
    const c = this.state.channels.get(channelId);
    if (!c) throw new Error(`Unknown channel ${channelId}`);
    return this.state.botPermissions(c);
  }

  /** The bot joins a guild: GUILD_CREATE goes to the shard that owns it. Returns the guild id. */
  addGuild(spec: GuildSpec): string {
    const g = buildGuild(spec, this.state.bot);
    this.state.addGuild(g);
    for (const s of this.gateway.liveSessions()) {
      if (shardOf(g.id, s.shard[1]) === s.shard[0] && s.intents & 1) this.gateway.dispatchTo(s, 'GUILD_CREATE', guildPayload(g, true));
    }
    return g.id;
  }

  /** The bot is removed from a guild: GUILD_DELETE, and its channels answer 404 Unknown Channel from now on. */
  removeGuild(guildId: string): void {
    const g = this.state.guilds.get(guildId);
    if (!g) throw new Error(`Unknown guild ${guildId}`);
    for (const c of g.channels) this.state.channels.delete(c.id);
    this.state.guilds.delete(guildId);
    this.gateway.broadcast('GUILD_DELETE', { id: guildId }, guildId);
  }

  /** Adds a channel to a guild and announces CHANNEL_CREATE. */
  addChannel(guildId: string, spec: ChannelSpec): Json {
    const g = this.state.guilds.get(guildId);
    if (!g) throw new Error(`Unknown guild ${guildId}`);
    const channel = buildChannel(g, spec, g.channels.length, this.state.bot);
    g.channels.push(channel);
    this.state.channels.set(channel.id, channel);
    this.gateway.broadcast('CHANNEL_CREATE', channel, guildId);
    return channel;
  }

  /** Replaces a channel's permission overwrites and announces CHANNEL_UPDATE (e.g. to take Send Messages away). */
  setChannelOverwrites(channelId: string, overwrites: OverwriteSpec[]): void {
    const c = this.state.channels.get(channelId);
    const g = c && this.state.guildOfChannel(c);
    if (!c || !g) throw new Error(`Unknown guild channel ${channelId}`);
    c.permission_overwrites = overwrites.map((o) => overwrite(o, g, this.state.bot));
    this.gateway.broadcast('CHANNEL_UPDATE', c, g.id);
  }

  /** Sets the bot role's permissions in a guild and announces GUILD_ROLE_UPDATE. */
  setBotPermissions(guildId: string, permissions: bigint | string | string[]): void {
    const g = this.state.guilds.get(guildId);
    if (!g) throw new Error(`Unknown guild ${guildId}`);
    const role = g.roles.find((r: Json) => r.id === g.botRoleId);
    role.permissions = toBits(permissions).toString();
    this.gateway.broadcast('GUILD_ROLE_UPDATE', { guild_id: g.id, role }, g.id);
  }

  /** Deletes a channel and announces CHANNEL_DELETE; later requests to it get 404 Unknown Channel. */
  deleteChannel(channelId: string): void {
    const c = this.state.channels.get(channelId);
    if (!c) throw new Error(`Unknown channel ${channelId}`);
    const g = this.state.guildOfChannel(c);
    this.state.channels.delete(channelId);
    if (g) g.channels = g.channels.filter((x) => x.id !== channelId);
    this.gateway.broadcast('CHANNEL_DELETE', c, g?.id ?? null);
  }

  /** Puts a message from someone else into a channel (for history the bot may read). */
  addChannelMessage(channelId: string, message: { content: string; author?: Json; embeds?: Json[] }): Json {
    const c = this.state.channels.get(channelId);
    if (!c) throw new Error(`Unknown channel ${channelId}`);
    const m = {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      guild_id: c.guild_id,
      author: message.author ?? { id: '100000000000000002', username: 'someone', discriminator: '0', global_name: null, avatar: null },
      content: message.content,
      embeds: message.embeds ?? [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
    this.state.channelMessages(channelId).push(m);
    return m;
  }

  // ── what the bot did ─────────────────────────────────────────────────────────────────

  /** Messages in a channel, oldest first: the bot's posts and non-ephemeral interaction responses. */
  channelMessages(channelId: string): Json[] {
    return [...this.state.channelMessages(channelId)];
  }

  /** Every message the bot posted anywhere, oldest first (ephemeral responses included). */
  allBotMessages(): Json[] {
    return this.knownMessages()
      .filter((m) => m.author?.id === this.botUserId)
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  get requests(): RecordedRequest[] {
    return this.api.requests;
  }

  /** Requests no route answered (they got 404 {message, code: 0}). */
  get unhandled(): RecordedRequest[] {
    return this.api.unhandled;
  }

  requestsTo(method: string, path: RegExp | string): RecordedRequest[] {
    return this.api.requests.filter((r) => r.method === method.toUpperCase() && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  /** Commands the bot registered: global ones, or a guild's. */
  commands(guildId?: string): Json[] {
    return guildId ? [...(this.state.guildCommands.get(guildId) ?? [])] : [...this.state.globalCommands];
  }

  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }

  get heartbeats() {
    return this.gateway.heartbeats;
  }

  /** Everything the bot sent over the gateway (op and d). */
  get gatewayReceived(): Json[] {
    return this.gateway.received;
  }

  get sessions(): GatewaySession[] {
    return [...this.gateway.sessions.values()];
  }

  openGatewayConnections(): number {
    return this.gateway.openConnections();
  }

  // ── injecting trouble ────────────────────────────────────────────────────────────────

  /** The next matching request(s) fail with the given status (429 comes with Discord's rate-limit headers). */
  failNext(spec: FailureSpec): void {
    this.api.failNext(spec);
  }

  clearFailures(): void {
    this.api.clearFailures();
  }

  /** Closes gateway sockets. resume: true → close code 4000, discord.js resumes and gets missed events replayed;
   *  resume: false → the session ends (close 1000) and discord.js identifies again. */
  dropGateway(opts: { resume: boolean; shardId?: number; code?: number } = { resume: true }): number {
    return this.gateway.drop(opts);
  }

  /** op 7 RECONNECT. */
  requestReconnect(shardId?: number): void {
    this.gateway.requestReconnect(shardId);
  }

  /** op 9 INVALID_SESSION. */
  invalidateSession(resumable: boolean, shardId?: number): void {
    this.gateway.invalidateSession(resumable, shardId);
  }

  /** Stop answering heartbeats: discord.js then sees a zombie connection and resumes. */
  setHeartbeatAcks(on: boolean): void {
    this.gateway.setHeartbeatAcks(on);
  }

  /** Dispatch any gateway event to the shard(s) owning the guild (all live sessions when guildId is null). */
  dispatch(t: string, d: Json, guildId: string | null = null): void {
    this.gateway.broadcast(t, d, guildId);
  }

  // ── waiting ──────────────────────────────────────────────────────────────────────────

  /** Waits until the condition returns something truthy; re-checked whenever the stand-in sees a request or frame. */
  waitFor<T>(condition: () => T | undefined | null | false, opts: { timeoutMs?: number; what?: string } = {}): Promise<T> {
    return this.state.signal.waitFor(condition, opts.timeoutMs ?? 5000, () => opts.what ?? 'a condition');
  }

  /** Resolves once `count` identifies happened (default 1), with the last one. */
  waitForIdentify(opts: { count?: number; timeoutMs?: number } = {}): Promise<IdentifyRecord> {
    const count = opts.count ?? 1;
    return this.waitFor(() => this.gateway.identifies.length >= count && this.gateway.identifies[count - 1], {
      timeoutMs: opts.timeoutMs ?? 10_000,
      what: `${count} IDENTIFY`,
    });
  }

  /** Resolves once a session (of the shard, if given) is connected and has been sent READY and its guilds. */
  waitForReady(opts: { shardId?: number; timeoutMs?: number } = {}): Promise<GatewaySession> {
    return this.waitFor(() => this.gateway.liveSessions().find((s) => s.connection && (opts.shardId === undefined || s.shard[0] === opts.shardId)), {
      timeoutMs: opts.timeoutMs ?? 10_000,
      what: `a ready session${opts.shardId === undefined ? '' : ` on shard ${opts.shardId}`}`,
    });
  }

  /** Resolves once `count` successful RESUMEs happened in all (default: one more than had happened when called). */
  waitForResume(opts: { count?: number; timeoutMs?: number } = {}): Promise<ResumeRecord> {
    const count = opts.count ?? this.gateway.resumes.filter((r) => r.ok).length + 1;
    return this.waitFor(() => this.gateway.resumes.filter((r) => r.ok)[count - 1], { timeoutMs: opts.timeoutMs ?? 10_000, what: `RESUME #${count}` });
  }

  /** Waits until a channel holds at least `count` messages (or the predicate holds for them) and returns them. */
  waitForMessages(channelId: string, count = 1, opts: { timeoutMs?: number; where?: (m: Json) => boolean } = {}): Promise<Json[]> {
    return this.waitFor(
      () => {
        const list = this.state.channelMessages(channelId).filter(opts.where ?? (() => true));
        return list.length >= count && list;
      },
      { timeoutMs: opts.timeoutMs, what: `${count} message(s) in channel ${channelId}` },
    );
  }

  /** Waits for the bot to register commands (globally, or in a guild) and returns them. */
  waitForCommands(opts: { guildId?: string; timeoutMs?: number } = {}): Promise<Json[]> {
    return this.waitFor(
      () => {
        const list = this.commands(opts.guildId);
        return list.length > 0 && list;
      },
      { timeoutMs: opts.timeoutMs, what: 'registered commands' },
    );
  }

  waitForRequest(method: string, path: RegExp | string, opts: { count?: number; timeoutMs?: number } = {}): Promise<RecordedRequest> {
    const count = opts.count ?? 1;
    return this.waitFor(() => this.requestsTo(method, path)[count - 1], { timeoutMs: opts.timeoutMs, what: `${method} ${String(path)} #${count}` });
  }

  // ── interactions ─────────────────────────────────────────────────────────────────────

  /** A slash command invocation (INTERACTION_CREATE type 2). Option types come from the registered command. */
  commandInteraction(input: CommandInput): Json {
    return this.builder.command(input);
  }

  /** An autocomplete request (type 4) with `focused` holding the partial text. */
  autocompleteInteraction(input: AutocompleteInput): Json {
    return this.builder.autocomplete(input);
  }

  /** A button press (type 3) on `opts.message`, or on the newest known message carrying that custom id. */
  buttonInteraction(customId: string, opts: ComponentInput = {}): Json {
    return this.builder.button(customId, opts);
  }

  /** A select-menu choice (type 3). */
  selectInteraction(customId: string, values: string[], opts: ComponentInput = {}): Json {
    return this.builder.select(customId, values, opts);
  }

  /** A modal submission (type 5): `fields` maps each text input's custom id to its value. */
  modalSubmitInteraction(customId: string, fields: Record<string, string>, opts: ComponentInput = {}): Json {
    return this.builder.modalSubmit(customId, fields, opts);
  }

  /** Dispatches INTERACTION_CREATE on the owning shard and waits for the bot's answer (see SendInteractionOptions). */
  async sendInteraction(payload: Json, opts: SendInteractionOptions = {}): Promise<InteractionRecord> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt: 0,
      callbacks: [],
      original: null,
      edits: [],
      followups: [],
      followupEdits: [],
      originalDeleted: false,
      errors: [],
    };
    const channel = this.state.channels.get(payload.channel_id) ?? payload.channel;
    const internals: InteractionInternals = {
      record,
      startedMono: performance.now(),
      type: payload.type,
      channel,
      guildId: payload.guild_id ?? null,
      user: payload.member?.user ?? payload.user,
      commandName: payload.data?.name,
      sourceMessage: payload.message
        ? (this.state.findMessage(payload.message.id) ?? this.findEphemeral(payload.message.id) ?? payload.message)
        : undefined,
    };
    this.internals.set(payload.token, internals);
    const guildId: string | null = payload.guild_id ?? null;
    const session = await this.waitFor(() => this.gateway.sessionFor(guildId, opts.shardId), {
      timeoutMs,
      what: `a gateway session for ${guildId ? `guild ${guildId}` : 'DMs'}`,
    });
    record.dispatchedAt = Date.now();
    internals.startedMono = performance.now();
    this.gateway.dispatchTo(session, 'INTERACTION_CREATE', payload);
    const wait = opts.wait ?? 'final';
    if (wait === 'none' && !opts.until) return record;
    const done = opts.until ?? (wait === 'callback' ? (r: InteractionRecord) => Boolean(r.callback) : isFinal);
    try {
      await this.waitFor(() => done(record), { timeoutMs, what: `the bot's answer to interaction ${describeInteraction(payload)}` });
    } catch (error) {
      throw new Error(
        `${(error as Error).message}. Recorded so far: ${summarise(record)}. Unhandled requests: ${this.unhandled.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`,
        { cause: error },
      );
    }
    const settleMs = opts.settleMs ?? 100;
    // Collect trailing edits and follow-ups: wait until the interaction has been quiet for settleMs.
    for (;;) {
      const quietFor = elapsedMs(internals) - (record.lastActivityMs ?? 0);
      if (quietFor >= settleMs || this.closed) break;
      await sleep(settleMs - quietFor);
    }
    return record;
  }

  /** Waits until the live record satisfies the predicate (e.g. two follow-ups arrived). */
  waitForInteraction(record: InteractionRecord, until: (r: InteractionRecord) => boolean, timeoutMs = 5000): Promise<InteractionRecord> {
    return this.waitFor(() => until(record) && record, { timeoutMs, what: `interaction ${record.id} to satisfy a condition` });
  }

  interaction(id: string): InteractionRecord | undefined {
    return [...this.internals.values()].find((i) => i.record.id === id)?.record;
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────

  /** Stops the gateway and the HTTP server, cutting open connections; pending waits reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.state.signal.close();
    await this.gateway.close();
    await this.api.close();
  }

  private knownMessages(): Json[] {
    const inChannels = [...this.state.messages.values()].flat();
    const fromInteractions = [...this.internals.values()].flatMap((i) => [i.record.original, ...i.record.followups]).filter(Boolean);
    return [...new Set([...inChannels, ...fromInteractions])];
  }

  private findEphemeral(messageId: string): Json | undefined {
    return this.knownMessages().find((m) => m.id === messageId);
  }

  private log(line: string): void {
    if (this.options.debug) process.stderr.write(`[standin] ${line}\n`);
  }
}

function isFinal(r: InteractionRecord): boolean {
  if (!r.callback) return false;
  const deferred = r.callback.type === 5 || r.callback.type === 6;
  return !deferred || r.edits.length > 0 || r.followups.length > 0 || r.originalDeleted;
}

function describeInteraction(p: Json): string {
  const what = p.type === 2 ? `/${p.data?.name}` : p.type === 4 ? `autocomplete /${p.data?.name}` : `component ${p.data?.custom_id}`;
  return `${p.id} (${what})`;
}

function summarise(r: InteractionRecord): string {
  return JSON.stringify({ callback: r.callback?.type ?? null, edits: r.edits.length, followups: r.followups.length, errors: r.errors });
}

/** A token shaped like Discord's: base64(application id) . timestamp part . HMAC part. */
export function makeToken(applicationId: string): string {
  const first = Buffer.from(applicationId).toString('base64').replace(/=+$/, '');
  const rand = (n: number) => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let s = '';
    for (let i = 0; i < n; i++) s += chars[Math.floor(Math.random() * chars.length)];
    return s;
  };
  return `${first}.${rand(6)}.${rand(38)}`;
}

export function applicationIdFromToken(token: string): string {
  const id = Buffer.from(token.split('.')[0], 'base64').toString('utf8');
  if (!/^\d{15,21}$/.test(id)) throw new Error("The token's first part must be base64 of the application id");
  return id;
}

/** For Client options `ws: { buildIdentifyThrottler: noIdentifyThrottle }`: discord.js otherwise keeps
 *  identifies of one shard 5 s apart, which makes every re-identify in a test take 5 s. */
export const noIdentifyThrottle = async () => ({ waitForIdentify: async () => undefined });

/** Starts a stand-in on 127.0.0.1 with a random port. */
export async function startStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  return new DiscordStandIn(options).listen();
}
