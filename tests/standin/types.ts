// Shapes the stand-in exchanges with tests. Discord payloads stay loosely typed (Json) on purpose:
// tests assert on what the bot really sent, so the stand-in must not reshape it.

export type Json = any;

/** A permission value: a bitfield, its decimal string, or flag names from PermissionFlagsBits (e.g. 'SendMessages'). */
export type PermissionsInput = bigint | string | readonly string[];

export interface OverwriteSpec {
  /** A role or user id, or the shorthands 'everyone' (the @everyone role) and 'bot' (the bot user). */
  id: string;
  /** Needed only for raw ids: 'role' (0) or 'member' (1). */
  type?: 'role' | 'member';
  allow?: PermissionsInput;
  deny?: PermissionsInput;
}

export interface ChannelSpec {
  id?: string;
  name: string;
  /** Discord ChannelType; default 0 (GuildText). */
  type?: number;
  overwrites?: OverwriteSpec[];
  parentId?: string;
  topic?: string;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  preferredLocale?: string;
  /** Permissions of @everyone; default: view, send, read history, embed links, attach, reactions, use commands. */
  everyonePermissions?: PermissionsInput;
  /** Permissions of the bot's managed role; default: view, send, embed links, attach, read history. */
  botPermissions?: PermissionsInput;
  /** Default: one text channel named "general". */
  channels?: ChannelSpec[];
}

export interface StandInOptions {
  guilds?: GuildSpec[];
  /** A full token; its first part must be base64(applicationId). Default: generated. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** HELLO's heartbeat_interval. Default 41250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** Shard count /gateway/bot recommends. Default 1. */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency. Default 16 so several shards identify at once. */
  maxConcurrency?: number;
  /** Discord rejects interaction callbacks later than 3 s with 10062 Unknown interaction. Default 3000. */
  callbackDeadlineMs?: number;
  /** Privileged intents enabled for the application. A fresh application has none, and IDENTIFY asking for one
   *  that isn't enabled is closed with 4014 (Disallowed intents). Default: none. */
  privilegedIntents?: ('GuildMembers' | 'GuildPresences' | 'MessageContent')[];
  /** Print every REST request and gateway frame to stderr. */
  debug?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, without the query, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (for multipart: payload_json) or null. */
  body: Json;
  /** Names of uploaded files in a multipart body. */
  files: string[];
  authorized: boolean;
  status: number;
  /** Set when the response came from failNext. */
  injected: boolean;
  at: number;
}

export interface FailureSpec {
  method?: string;
  /** Matched against the path after /api/v10 (e.g. /channels/1/messages); a string must match exactly. */
  path: RegExp | string;
  /** Omit to answer normally (useful with delayMs). */
  status?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Extra or overriding response headers. */
  headers?: Record<string, string>;
  /** Response body; defaults to Discord's body for the status. */
  body?: Json;
  /** For 429: seconds to wait (also the Retry-After header). Default 0.25. */
  retryAfter?: number;
  /** For 429: a global rate limit (x-ratelimit-global, scope global). */
  global?: boolean;
  /** For 429: x-ratelimit-scope; default 'user'. */
  scope?: 'user' | 'global' | 'shared';
  /** Wait this long before answering. */
  delayMs?: number;
  /** 'apply' performs the request's effect (e.g. the message is created) and still answers with the failure:
   *  the ambiguous "did it land?" case. Default 'skip'. */
  effect?: 'skip' | 'apply';
}

/** Everything the bot did in answer to one interaction. The object stays live: later requests update it. */
export interface InteractionRecord {
  id: string;
  token: string;
  payload: Json;
  /** Wall-clock time of the dispatch (Date.now(), which a test may fake). Durations below use a monotonic clock. */
  dispatchedAt: number;
  /** First callback body ({type, data}); undefined until the bot answers. */
  callback?: Json;
  callbacks: Json[];
  /** Milliseconds from dispatch to the first callback. */
  callbackMs?: number;
  /** The response message as it stands now (after callback 4/5/7 and edits), or null. */
  original: Json | null;
  /** Bodies of PATCH .../messages/@original, in order. */
  edits: Json[];
  /** Messages created with POST /webhooks/:app/:token, in order (as stored, with ids). */
  followups: Json[];
  /** Bodies of PATCH on follow-up messages. */
  followupEdits: Json[];
  originalDeleted: boolean;
  /** Autocomplete choices (callback type 8), if any. */
  choices?: Json[];
  /** Requests the stand-in rejected for this interaction (e.g. a second callback, or a late one). */
  errors: { method: string; path: string; status: number; body: Json }[];
  /** Milliseconds from dispatch to the last request about this interaction. */
  lastActivityMs?: number;
}

export interface SendInteractionOptions {
  /** 'final' (default): the callback, and when it was a deferral, an edit or follow-up; then quiet for settleMs.
   *  'callback': just the callback. 'none': return right after dispatch. */
  wait?: 'final' | 'callback' | 'none';
  /** Or a custom condition on the live record. */
  until?: (r: InteractionRecord) => boolean;
  timeoutMs?: number;
  /** Quiet time after the condition holds, to collect trailing edits and follow-ups. Default 100. */
  settleMs?: number;
  /** Shard to dispatch on; default: the shard owning the guild. */
  shardId?: number;
}
