// Interaction callbacks and the interaction webhook (edits of the original response, follow-ups),
// with Discord's rules: one callback, within the deadline; edits only after it.
import type { Reply, RequestContext, Router } from './http';
import { applyEdit, createMessage } from './messages';
import type { StandInState } from './state';
import type { InteractionRecord, Json } from './types';
import { validateChoices, validateMessageBody } from './validate';

const EPHEMERAL = 64;
const LOADING = 128;

/** What the stand-in knows about a dispatched interaction beyond the public record. */
export interface InteractionInternals {
  record: InteractionRecord;
  type: number;
  channel: Json;
  guildId: string | null;
  user: Json;
  commandName?: string;
  /** For components: the message the component sits on. */
  sourceMessage?: Json;
  /** performance.now() at dispatch: durations must not follow a faked Date. */
  startedMono: number;
}

export const elapsedMs = (it: InteractionInternals) => Math.round(performance.now() - it.startedMono);

const unknownInteraction = (): Reply => ({ status: 404, body: { message: 'Unknown interaction', code: 10062 } });
const alreadyAcknowledged = (): Reply => ({ status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } });
const unknownWebhook = (): Reply => ({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
const unknownMessage = (): Reply => ({ status: 404, body: { message: 'Unknown Message', code: 10008 } });
const invalidCallback = (why: string): Reply => ({
  status: 400,
  body: { message: 'Invalid Form Body', code: 50035, errors: { type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: why }] } } },
});

export function registerInteractionRoutes(router: Router, state: StandInState, internals: Map<string, InteractionInternals>): void {
  const byId = (id: string, token: string) => {
    const it = internals.get(token);
    return it && it.record.id === id ? it : undefined;
  };
  const touch = (it: InteractionInternals) => {
    it.record.lastActivityMs = elapsedMs(it);
    state.signal.notify();
  };
  const messageContext = (it: InteractionInternals, files: string[]) => ({
    channelId: it.channel.id,
    guildId: it.guildId,
    author: state.botUser(),
    permissions: state.botPermissions(it.channel),
    files,
    webhookId: state.applicationId,
    applicationId: state.applicationId,
    interaction: { id: it.record.id, type: it.type, user: it.user, name: it.commandName },
  });
  const post = (it: InteractionInternals, message: Json) => {
    if (!(message.flags & EPHEMERAL)) state.channelMessages(it.channel.id).push(message);
  };

  router.add(
    'POST',
    '/interactions/:id/:token/callback',
    (ctx: RequestContext) => {
      const { params, body, files, query } = ctx;
      const it = byId(params.id, params.token);
      if (!it) return unknownInteraction();
      ctx.interactionToken = params.token;
      const r = it.record;
      if (r.callback) return alreadyAcknowledged();
      if (elapsedMs(it) > state.callbackDeadlineMs) return unknownInteraction();
      const type = Number(body?.type);
      const data = body?.data ?? {};
      const isComponent = it.type === 3 || it.type === 5;
      let resource: Json = null;
      switch (type) {
        case 4: {
          if (it.type === 4) return invalidCallback('Autocomplete interactions only take type 8');
          const problem = validateMessageBody(data, { requireSomething: true, hasFiles: files.length > 0 });
          if (problem) return { status: 400, body: problem };
          r.original = createMessage(data, messageContext(it, files));
          post(it, r.original);
          resource = { type, message: r.original };
          break;
        }
        case 5: {
          if (it.type === 4) return invalidCallback('Autocomplete interactions only take type 8');
          r.original = createMessage({ content: '', flags: data.flags ?? 0 }, messageContext(it, []));
          r.original.flags = (Number(data.flags ?? 0) & EPHEMERAL) | LOADING;
          post(it, r.original);
          resource = { type, message: r.original };
          break;
        }
        case 6:
        case 7: {
          if (!isComponent || !it.sourceMessage) return invalidCallback('Only component and modal interactions can update a message');
          r.original = it.sourceMessage;
          if (type === 7) {
            const problem = validateMessageBody(data, { requireSomething: false, hasFiles: files.length > 0 });
            if (problem) return { status: 400, body: problem };
            applyEdit(it.sourceMessage, data, messageContext(it, files));
            resource = { type, message: it.sourceMessage };
          }
          break;
        }
        case 8: {
          if (it.type !== 4) return invalidCallback('Only autocomplete interactions take type 8');
          const problem = validateChoices(data.choices);
          if (problem) return { status: 400, body: problem };
          r.choices = data.choices;
          break;
        }
        case 9:
          if (it.type === 4 || it.type === 5) return invalidCallback('This interaction cannot open a modal');
          break;
        case 1:
          return invalidCallback('PONG answers HTTP pings only');
        default:
          return invalidCallback(`Unknown callback type ${String(body?.type)}`);
      }
      r.callback = body;
      r.callbacks.push(body);
      r.callbackMs = elapsedMs(it);
      touch(it);
      if (query.with_response !== 'true') return { status: 204 };
      return {
        status: 200,
        body: {
          interaction: {
            id: r.id,
            type: it.type,
            activity_instance_id: null,
            response_message_id: r.original?.id ?? null,
            response_message_loading: Boolean((r.original?.flags ?? 0) & LOADING),
            response_message_ephemeral: Boolean((r.original?.flags ?? 0) & EPHEMERAL),
          },
          resource,
        },
      };
    },
    { auth: false },
  );

  const hook = (ctx: RequestContext): InteractionInternals | Reply => {
    const it = internals.get(ctx.params.token);
    if (!it || ctx.params.app !== state.applicationId) return unknownWebhook();
    ctx.interactionToken = ctx.params.token;
    return it;
  };
  const isReply = (x: unknown): x is Reply => typeof (x as Reply).status === 'number';

  router.add(
    'GET',
    '/webhooks/:app/:token/messages/@original',
    (ctx) => {
      const it = hook(ctx);
      if (isReply(it)) return it;
      touch(it);
      return it.record.original && !it.record.originalDeleted ? { status: 200, body: it.record.original } : unknownMessage();
    },
    { auth: false },
  );

  router.add(
    'PATCH',
    '/webhooks/:app/:token/messages/@original',
    (ctx) => {
      const it = hook(ctx);
      if (isReply(it)) return it;
      const r = it.record;
      if (!r.original || r.originalDeleted) return unknownMessage();
      const problem = validateMessageBody(ctx.body, { requireSomething: false, hasFiles: ctx.files.length > 0 });
      if (problem) return { status: 400, body: problem };
      applyEdit(r.original, ctx.body, messageContext(it, ctx.files));
      r.original.flags &= ~LOADING;
      const stillEmpty = !r.original.content && !r.original.embeds.length && !r.original.components.length && !r.original.attachments.length;
      if (stillEmpty) return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
      r.edits.push(ctx.body);
      touch(it);
      return { status: 200, body: r.original };
    },
    { auth: false },
  );

  router.add(
    'DELETE',
    '/webhooks/:app/:token/messages/@original',
    (ctx) => {
      const it = hook(ctx);
      if (isReply(it)) return it;
      const r = it.record;
      if (!r.original || r.originalDeleted) return unknownMessage();
      removeFromChannel(state, r.original);
      r.originalDeleted = true;
      touch(it);
      return { status: 204 };
    },
    { auth: false },
  );

  router.add(
    'POST',
    '/webhooks/:app/:token',
    (ctx) => {
      const it = hook(ctx);
      if (isReply(it)) return it;
      // Follow-ups are refused until the interaction has been acknowledged.
      if (!it.record.callback) return unknownWebhook();
      const problem = validateMessageBody(ctx.body, { requireSomething: true, hasFiles: ctx.files.length > 0 });
      if (problem) return { status: 400, body: problem };
      const message = createMessage(ctx.body, messageContext(it, ctx.files));
      it.record.followups.push(message);
      post(it, message);
      touch(it);
      return ctx.query.wait === 'false' ? { status: 204 } : { status: 200, body: message };
    },
    { auth: false },
  );

  const followup = (ctx: RequestContext) => {
    const it = hook(ctx);
    if (isReply(it)) return it;
    const r = it.record;
    const message = r.followups.find((m) => m.id === ctx.params.message) ?? (r.original?.id === ctx.params.message ? r.original : undefined);
    return message ? { it, message } : unknownMessage();
  };
  router.add(
    'GET',
    '/webhooks/:app/:token/messages/:message',
    (ctx) => {
      const f = followup(ctx);
      return isReply(f) ? f : { status: 200, body: f.message };
    },
    { auth: false },
  );
  router.add(
    'PATCH',
    '/webhooks/:app/:token/messages/:message',
    (ctx) => {
      const f = followup(ctx);
      if (isReply(f)) return f;
      const problem = validateMessageBody(ctx.body, { requireSomething: false, hasFiles: ctx.files.length > 0 });
      if (problem) return { status: 400, body: problem };
      applyEdit(f.message, ctx.body, messageContext(f.it, ctx.files));
      if (f.message === f.it.record.original) f.it.record.edits.push(ctx.body);
      else f.it.record.followupEdits.push(ctx.body);
      touch(f.it);
      return { status: 200, body: f.message };
    },
    { auth: false },
  );
  router.add(
    'DELETE',
    '/webhooks/:app/:token/messages/:message',
    (ctx) => {
      const f = followup(ctx);
      if (isReply(f)) return f;
      removeFromChannel(state, f.message);
      f.it.record.followups = f.it.record.followups.filter((m) => m !== f.message);
      touch(f.it);
      return { status: 204 };
    },
    { auth: false },
  );
}

function removeFromChannel(state: StandInState, message: Json): void {
  const list = state.channelMessages(message.channel_id);
  const i = list.indexOf(message);
  if (i >= 0) list.splice(i, 1);
}
