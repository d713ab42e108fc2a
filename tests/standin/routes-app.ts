// REST routes about the bot itself: gateway discovery, the bot user, the application and its commands.
import type { Router } from './http';
import { snowflake } from './snowflake';
import type { StandInState, StoredCommand } from './state';
import type { Json } from './types';

export interface AppRouteOptions {
  gatewayUrl: () => string;
  recommendedShards: number;
  maxConcurrency: number;
  identifyCount: () => number;
}

export function registerAppRoutes(router: Router, state: StandInState, opts: AppRouteOptions): void {
  router.add('GET', '/gateway', () => ({ status: 200, body: { url: opts.gatewayUrl() } }), { auth: false });
  router.add('GET', '/gateway/bot', () => ({
    status: 200,
    body: {
      url: opts.gatewayUrl(),
      shards: opts.recommendedShards,
      session_start_limit: {
        total: 1000,
        remaining: Math.max(0, 1000 - opts.identifyCount()),
        reset_after: 14_400_000,
        max_concurrency: opts.maxConcurrency,
      },
    },
  }));
  router.add('GET', '/users/@me', () => ({ status: 200, body: state.botUser() }));
  router.add('GET', '/users/:user', ({ params }) =>
    params.user === state.bot.id
      ? { status: 200, body: state.botUser() }
      : { status: 200, body: { id: params.user, username: `user${params.user.slice(-4)}`, discriminator: '0', global_name: null, avatar: null } },
  );
  const application = () => ({ status: 200, body: applicationPayload(state) });
  router.add('GET', '/applications/@me', application);
  router.add('GET', '/oauth2/applications/@me', application);

  const appCheck = (app: string) => (app === state.applicationId ? null : { status: 403, body: { message: 'Missing Access', code: 50001 } });

  const globalList = () => state.globalCommands;
  const guildList = (guildId: string) => {
    let list = state.guildCommands.get(guildId);
    if (!list) state.guildCommands.set(guildId, (list = []));
    return list;
  };
  const guildCheck = (guildId: string) => (state.guilds.has(guildId) ? null : { status: 403, body: { message: 'Missing Access', code: 50001 } });

  router.add('GET', '/applications/:app/commands', ({ params }) => appCheck(params.app) ?? { status: 200, body: globalList() });
  router.add('PUT', '/applications/:app/commands', ({ params, body }) => appCheck(params.app) ?? bulkOverwrite(state, globalList(), body, null));
  router.add('POST', '/applications/:app/commands', ({ params, body }) => appCheck(params.app) ?? upsert(state, globalList(), body, null));
  router.add(
    'GET',
    '/applications/:app/guilds/:guild/commands',
    ({ params }) => appCheck(params.app) ?? guildCheck(params.guild) ?? { status: 200, body: guildList(params.guild) },
  );
  router.add(
    'PUT',
    '/applications/:app/guilds/:guild/commands',
    ({ params, body }) => appCheck(params.app) ?? guildCheck(params.guild) ?? bulkOverwrite(state, guildList(params.guild), body, params.guild),
  );
  router.add(
    'POST',
    '/applications/:app/guilds/:guild/commands',
    ({ params, body }) => appCheck(params.app) ?? guildCheck(params.guild) ?? upsert(state, guildList(params.guild), body, params.guild),
  );
  for (const [prefix, list] of [
    ['/applications/:app/commands/:cmd', (_p: Record<string, string>) => globalList()],
    ['/applications/:app/guilds/:guild/commands/:cmd', (p: Record<string, string>) => guildList(p.guild)],
  ] as const) {
    router.add('GET', prefix, ({ params }) => {
      const cmd = list(params).find((c) => c.id === params.cmd);
      return cmd ? { status: 200, body: cmd } : unknownCommand();
    });
    router.add('DELETE', prefix, ({ params }) => {
      const l = list(params);
      const i = l.findIndex((c) => c.id === params.cmd);
      if (i < 0) return unknownCommand();
      l.splice(i, 1);
      state.signal.notify();
      return { status: 204 };
    });
    router.add('PATCH', prefix, ({ params, body }) => {
      const cmd = list(params).find((c) => c.id === params.cmd);
      if (!cmd) return unknownCommand();
      const merged = { ...cmd, ...body, id: cmd.id };
      const problem = validateCommand(merged);
      if (problem) return { status: 400, body: problem };
      Object.assign(cmd, normaliseCommand(state, merged, cmd.guild_id ?? null, cmd.id));
      state.signal.notify();
      return { status: 200, body: cmd };
    });
  }
}

const unknownCommand = () => ({ status: 404, body: { message: 'Unknown application command', code: 10063 } });

export function applicationPayload(state: StandInState): Json {
  return {
    id: state.applicationId,
    name: state.bot.username,
    icon: null,
    description: 'A stand-in application',
    summary: '',
    type: null,
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 8_388_608,
    owner: { id: snowflake(), username: 'owner', discriminator: '0', global_name: 'Owner', avatar: null, flags: 0 },
    team: null,
    bot: state.botUser(),
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
    approximate_guild_count: state.guilds.size,
    approximate_user_install_count: 0,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    integration_types_config: { '0': {} },
  };
}

function bulkOverwrite(state: StandInState, list: StoredCommand[], body: Json, guildId: string | null) {
  if (!Array.isArray(body))
    return {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: [{ code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' }] } },
    };
  if (body.length > 100)
    return {
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] },
      },
    };
  const seen = new Set<string>();
  for (const [i, c] of body.entries()) {
    const problem = validateCommand(c);
    if (problem) return { status: 400, body: { ...problem, errors: { [i]: problem.errors } } };
    const key = `${c.type ?? 1}:${c.name}`;
    if (seen.has(key))
      return {
        status: 400,
        body: {
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            [i]: { name: { _errors: [{ code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' }] } },
          },
        },
      };
    seen.add(key);
  }
  // Discord keeps a command's id when one with the same name and type existed before.
  const next = body.map((c: Json) => {
    const old = list.find((o) => o.name === c.name && o.type === (c.type ?? 1));
    return normaliseCommand(state, c, guildId, old?.id);
  });
  list.splice(0, list.length, ...next);
  state.signal.notify();
  return { status: 200, body: next };
}

function upsert(state: StandInState, list: StoredCommand[], body: Json, guildId: string | null) {
  const problem = validateCommand(body);
  if (problem) return { status: 400, body: problem };
  const i = list.findIndex((o) => o.name === body.name && o.type === (body.type ?? 1));
  const cmd = normaliseCommand(state, body, guildId, i >= 0 ? list[i].id : undefined);
  if (i >= 0) list[i] = cmd;
  else list.push(cmd);
  state.signal.notify();
  return { status: i >= 0 ? 200 : 201, body: cmd };
}

function normaliseCommand(state: StandInState, c: Json, guildId: string | null, id?: string): StoredCommand {
  return {
    id: id ?? snowflake(),
    application_id: state.applicationId,
    version: snowflake(),
    type: c.type ?? 1,
    name: c.name,
    name_localizations: c.name_localizations ?? null,
    description: c.description ?? '',
    description_localizations: c.description_localizations ?? null,
    options: c.options ?? [],
    default_member_permissions: c.default_member_permissions ?? null,
    dm_permission: c.dm_permission ?? true,
    nsfw: c.nsfw ?? false,
    contexts: c.contexts ?? null,
    integration_types: c.integration_types ?? [0],
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Discord's checks on a command definition; returns an Invalid Form Body error or null. */
export function validateCommand(c: Json): Json | null {
  const errs: string[] = [];
  const type = c?.type ?? 1;
  const checkName = (name: unknown, where: string) => {
    if (typeof name !== 'string' || !NAME.test(name) || name !== name.toLowerCase()) {
      errs.push(`${where}: name "${String(name)}" must be 1-32 lowercase letters, digits, - or _`);
    }
  };
  const checkDescription = (d: unknown, where: string) => {
    if (typeof d !== 'string' || d.length < 1 || d.length > 100) errs.push(`${where}: description must be 1-100 characters`);
  };
  if (type === 1) {
    checkName(c.name, 'command');
    checkDescription(c.description, `command ${c.name}`);
  } else if (typeof c?.name !== 'string' || c.name.length < 1 || c.name.length > 32) {
    errs.push('command: name must be 1-32 characters');
  }
  const checkOptions = (options: Json[] | undefined, where: string, depth: number) => {
    if (!options) return;
    if (options.length > 25) errs.push(`${where}: at most 25 options`);
    const names = new Set<string>();
    let sawOptional = false;
    for (const o of options) {
      const at = `${where} option ${o.name}`;
      checkName(o.name, at);
      checkDescription(o.description, at);
      if (names.has(o.name)) errs.push(`${at}: duplicate option name`);
      names.add(o.name);
      if (o.type === 1 || o.type === 2) {
        if (depth >= (o.type === 2 ? 1 : 2)) errs.push(`${at}: subcommands nest too deep`);
        checkOptions(o.options, at, depth + 1);
        continue;
      }
      if (o.required && sawOptional) errs.push(`${at}: required options must come before optional ones`);
      if (!o.required) sawOptional = true;
      if (o.choices && o.autocomplete) errs.push(`${at}: autocomplete cannot be used with choices`);
      if (o.choices && o.choices.length > 25) errs.push(`${at}: at most 25 choices`);
      if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) errs.push(`${at}: max_length must be 1-6000`);
    }
  };
  checkOptions(c?.options, `command ${c?.name}`, 0);
  if (!errs.length) return null;
  return { message: 'Invalid Form Body', code: 50035, errors: { _errors: errs.map((message) => ({ code: 'STANDIN_INVALID_COMMAND', message })) } };
}
