// The WebSocket gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay,
// and dispatches routed to the shard that owns a guild.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { shardOf } from './snowflake';
import type { Json } from './types';
import { ChangeSignal } from './waiter';

export interface GatewaySession {
  id: string;
  shard: [number, number];
  intents: number;
  /** Last sequence number used. */
  seq: number;
  /** Every dispatch of the session, kept so a RESUME can replay what the client missed. */
  events: { op: 0; s: number; t: string; d: Json }[];
  connection: Connection | null;
  invalid: boolean;
}

export interface IdentifyRecord {
  shard: [number, number];
  intents: number;
  sessionId: string;
  at: number;
  properties: Json;
}
export interface ResumeRecord {
  sessionId: string;
  seq: number;
  replayed: number;
  ok: boolean;
  at: number;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
  path: string;
}

export interface GatewayDeps {
  token: string;
  heartbeatIntervalMs: number;
  signal: ChangeSignal;
  /** READY's d, without session-specific fields. */
  readyBase(shard: [number, number]): Json;
  /** GUILD_CREATE payloads for the shard. */
  guildCreates(shard: [number, number]): Json[];
  resumeUrl(): string;
  /** Bits of the privileged intents the application may use. */
  allowedPrivilegedIntents: number;
  log(line: string): void;
}

let sessionCounter = 0;
// GuildMembers, GuildPresences, MessageContent.
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
export const PRIVILEGED_INTENT_BITS = { GuildMembers: 1 << 1, GuildPresences: 1 << 8, MessageContent: 1 << 15 } as const;

export class Gateway {
  readonly sessions = new Map<string, GatewaySession>();
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly heartbeats: { sessionId: string | null; seq: number | null; at: number }[] = [];
  /** Every op the client sent, for tests that look at presence updates and the like. */
  readonly received: Json[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private ackHeartbeats = true;

  constructor(private readonly deps: GatewayDeps) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(socket: WebSocket, url: URL): void {
    const conn: Connection = { socket, session: null, path: url.pathname };
    this.connections.add(conn);
    socket.on('message', (raw) => this.onMessage(conn, raw.toString()));
    socket.on('close', (code) => this.onClose(conn, code));
    socket.on('error', () => undefined);
    if (url.searchParams.get('v') !== '10') return void socket.close(4012, 'Invalid API version');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return void socket.close(4002, 'Only json encoding is served');
    // discord.js asks for zlib-stream only when the optional zlib-sync package is installed; it is not here.
    if (url.searchParams.has('compress')) return void socket.close(4002, 'The stand-in serves uncompressed json only');
    this.send(conn, { op: 10, s: null, t: null, d: { heartbeat_interval: this.deps.heartbeatIntervalMs, _trace: ['["standin-gateway",{}]'] } });
    this.deps.signal.notify();
  }

  private send(conn: Connection, payload: Json): void {
    if (conn.socket.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(payload);
    this.deps.log(`gateway → ${payload.t ?? `op ${payload.op}`}${payload.s ? ` s=${payload.s}` : ''}`);
    conn.socket.send(text);
  }

  private onMessage(conn: Connection, raw: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(raw);
    } catch {
      return void conn.socket.close(4002, 'Error while decoding payload');
    }
    this.received.push(payload);
    this.deps.log(`gateway ← op ${payload.op}`);
    switch (payload.op) {
      case 1:
        this.heartbeats.push({ sessionId: conn.session?.id ?? null, seq: payload.d ?? null, at: Date.now() });
        if (this.ackHeartbeats) this.send(conn, { op: 11, s: null, t: null, d: null });
        break;
      case 2:
        this.identify(conn, payload.d ?? {});
        break;
      case 6:
        this.resume(conn, payload.d ?? {});
        break;
      case 3:
      case 4:
      case 8:
      case 31:
        if (!conn.session) conn.socket.close(4003, 'Not authenticated');
        break;
      default:
        conn.socket.close(4001, 'Unknown opcode');
    }
    this.deps.signal.notify();
  }

  private identify(conn: Connection, d: Json): void {
    if (conn.session) return void conn.socket.close(4005, 'Already authenticated');
    if (d.token !== this.deps.token) return void conn.socket.close(4004, 'Authentication failed');
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return void conn.socket.close(4010, 'Invalid shard');
    if (typeof d.intents !== 'number' || d.intents < 0 || d.intents >= 1 << 26) return void conn.socket.close(4013, 'Invalid intent(s)');
    const privileged = d.intents & PRIVILEGED_INTENTS & ~this.deps.allowedPrivilegedIntents;
    if (privileged) return void conn.socket.close(4014, 'Disallowed intent(s)');
    const session: GatewaySession = {
      id: `standin-session-${++sessionCounter}-${Math.random().toString(36).slice(2, 10)}`,
      shard,
      intents: d.intents,
      seq: 0,
      events: [],
      connection: conn,
      invalid: false,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.identifies.push({ shard, intents: d.intents, sessionId: session.id, at: Date.now(), properties: d.properties });
    const guilds = this.deps.guildCreates(shard);
    this.dispatchTo(session, 'READY', {
      ...this.deps.readyBase(shard),
      session_id: session.id,
      resume_gateway_url: this.deps.resumeUrl(),
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      shard,
    });
    // Without the Guilds intent Discord sends no GUILD_CREATE; discord.js then waits out its guild timeout.
    if (d.intents & 1) for (const g of guilds) this.dispatchTo(session, 'GUILD_CREATE', g);
  }

  private resume(conn: Connection, d: Json): void {
    const session = this.sessions.get(d.session_id);
    const ok = Boolean(session && !session.invalid && d.token === this.deps.token && typeof d.seq === 'number' && d.seq <= session.seq);
    if (!ok || !session) {
      this.resumes.push({ sessionId: d.session_id, seq: d.seq, replayed: 0, ok: false, at: Date.now() });
      // Discord answers a failed resume with INVALID_SESSION d:false; the client then identifies anew.
      return void setTimeout(() => this.send(conn, { op: 9, s: null, t: null, d: false }), 10);
    }
    const previous = session.connection;
    if (previous && previous !== conn) {
      previous.session = null;
      previous.socket.close(4009, 'Session resumed elsewhere');
    }
    session.connection = conn;
    conn.session = session;
    const missed = session.events.filter((e) => e.s > d.seq);
    for (const e of missed) this.send(conn, e);
    this.resumes.push({ sessionId: session.id, seq: d.seq, replayed: missed.length, ok: true, at: Date.now() });
    this.dispatchTo(session, 'RESUMED', { _trace: ['["standin-gateway",{}]'] });
  }

  private onClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (session && session.connection === conn) {
      session.connection = null;
      // A client closing with 1000/1001 ends its session for good, as on Discord.
      if (code === 1000 || code === 1001) session.invalid = true;
    }
    this.deps.signal.notify();
  }

  dispatchTo(session: GatewaySession, t: string, d: Json): number {
    const event = { op: 0 as const, s: ++session.seq, t, d };
    session.events.push(event);
    if (session.connection) this.send(session.connection, event);
    this.deps.signal.notify();
    return event.s;
  }

  /** Live sessions (not invalidated), newest first. */
  liveSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => !s.invalid).reverse();
  }

  /** The session that should receive an event about this guild (or shard 0 for DMs). */
  sessionFor(guildId: string | null, shardId?: number): GatewaySession | undefined {
    const live = this.liveSessions();
    const owns = (s: GatewaySession) =>
      shardId !== undefined ? s.shard[0] === shardId : guildId ? shardOf(guildId, s.shard[1]) === s.shard[0] : s.shard[0] === 0;
    return live.find((s) => owns(s) && s.connection) ?? live.find(owns);
  }

  /** Dispatch to every live session whose shard owns the guild (all sessions when guildId is null). */
  broadcast(t: string, d: Json, guildId: string | null): void {
    for (const s of this.liveSessions()) {
      if (guildId === null || shardOf(guildId, s.shard[1]) === s.shard[0]) this.dispatchTo(s, t, d);
    }
  }

  /** Closes gateway connections. resume: true uses a code discord.js resumes after; false ends the sessions. */
  drop(opts: { resume: boolean; shardId?: number; code?: number }): number {
    let dropped = 0;
    for (const conn of [...this.connections]) {
      const session = conn.session;
      if (opts.shardId !== undefined && session?.shard[0] !== opts.shardId) continue;
      if (session && !opts.resume) session.invalid = true;
      conn.socket.close(opts.code ?? (opts.resume ? 4000 : 1000), opts.resume ? 'Unknown error' : 'Session ended');
      dropped++;
    }
    return dropped;
  }

  /** Sends op 7 RECONNECT; discord.js closes and resumes. */
  requestReconnect(shardId?: number): void {
    for (const conn of this.connections) {
      if (shardId === undefined || conn.session?.shard[0] === shardId) this.send(conn, { op: 7, s: null, t: null, d: null });
    }
  }

  /** Sends op 9 INVALID_SESSION; resumable false makes discord.js identify again. */
  invalidateSession(resumable: boolean, shardId?: number): void {
    for (const conn of this.connections) {
      if (shardId !== undefined && conn.session?.shard[0] !== shardId) continue;
      if (!resumable && conn.session) conn.session.invalid = true;
      this.send(conn, { op: 9, s: null, t: null, d: resumable });
    }
  }

  setHeartbeatAcks(on: boolean): void {
    this.ackHeartbeats = on;
  }

  openConnections(): number {
    return [...this.connections].filter((c) => c.socket.readyState === WebSocket.OPEN).length;
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.socket.terminate();
    this.connections.clear();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }
}
