import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { loginClient } from './client-helper';
import { DiscordStandIn, startStandIn } from './index';

const commands = [
  new SlashCommandBuilder()
    .setName('brief')
    .setDescription('A briefing')
    .addStringOption((o) => o.setName('topic').setDescription('Topic').setAutocomplete(true))
    .addIntegerOption((o) => o.setName('articles').setDescription('How many').setMinValue(1).setMaxValue(10)),
  new SlashCommandBuilder()
    .setName('briefing')
    .setDescription('Daily briefings')
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Set it')
        .addChannelOption((o) => o.setName('channel').setDescription('Where').setRequired(true).addChannelTypes(ChannelType.GuildText))
        .addStringOption((o) => o.setName('time').setDescription('HH:MM').setRequired(true)),
    ),
].map((c) => c.toJSON());

describe('interactions dispatched by the stand-in and answered by a real discord.js Client', () => {
  let discord: DiscordStandIn;
  let client: Client;

  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'news' }] }] });
    client = await loginClient(discord);
    await client.application!.commands.set(commands);
  });

  afterEach(async () => {
    await client.destroy();
    await discord.close();
  });

  it('stores bulk-overwritten commands with ids, and keeps the ids on the next overwrite', async () => {
    const first = discord.commands();
    expect(first.map((c) => c.name)).toEqual(['brief', 'briefing']);
    expect(first.every((c) => /^\d+$/.test(c.id) && c.application_id === discord.applicationId)).toBe(true);
    await client.application!.commands.set(commands);
    expect(discord.commands().map((c) => c.id)).toEqual(first.map((c) => c.id));
    const guildId = discord.guildIds[0];
    await client.application!.commands.set([commands[0]], guildId);
    expect(discord.commands(guildId)).toEqual([expect.objectContaining({ name: 'brief', guild_id: guildId })]);
  });

  it('rejects a command definition Discord would reject (upper-case name) with 400 Invalid Form Body', async () => {
    await expect(client.application!.commands.set([{ name: 'Brief', description: 'x' }])).rejects.toThrow(/Invalid Form Body/);
  });

  it('types options from the registered command, nests subcommands and resolves channels', async () => {
    const seen: string[] = [];
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push(
        [
          i.commandName,
          i.options.getSubcommand(false),
          i.options.getChannel('channel')?.name,
          i.options.getString('time'),
          i.options.getInteger('articles'),
        ]
          .filter((x) => x != null)
          .join(' '),
      );
      await i.reply({ content: 'ok' });
    });
    await discord.sendInteraction(discord.commandInteraction({ name: 'brief', options: { articles: 3 } }));
    const news = discord.textChannelId(discord.guildIds[0], 'news');
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'briefing set', options: { channel: news, time: '08:00' } }));
    expect(seen).toEqual(['brief 3', 'briefing set news 08:00']);
    expect(res.payload.data.options).toEqual([
      {
        name: 'set',
        type: 1,
        options: [
          { name: 'channel', type: 7, value: news },
          { name: 'time', type: 3, value: '08:00' },
        ],
      },
    ]);
    expect(() => discord.commandInteraction({ name: 'briefing set', options: { time: '08:00' } })).toThrow(/required option "channel"/);
    expect(() => discord.commandInteraction({ name: 'brief', options: { nope: 1 } })).toThrow(/no option "nope"/);
  });

  it("passes member permissions and the bot's app permissions the way Discord does", async () => {
    let can: boolean | undefined;
    let appCanSend: boolean | undefined;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      can = i.memberPermissions?.has('ManageGuild');
      appCanSend = i.appPermissions.has('SendMessages');
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await discord.sendInteraction(discord.commandInteraction({ name: 'brief', memberPermissions: ['ManageGuild', 'ViewChannel'] }));
    expect(can).toBe(true);
    expect(appCanSend).toBe(true);
    await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    expect(can).toBe(false);
  });

  it('records a deferred reply and the edit that completes it', async () => {
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await new Promise((r) => setTimeout(r, 50));
      await i.editReply({ content: 'Here is your briefing', allowedMentions: { parse: [] } });
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    expect(res.callback).toEqual({ type: 5, data: { flags: 0 } });
    expect(res.edits).toEqual([expect.objectContaining({ content: 'Here is your briefing', allowed_mentions: { parse: [] } })]);
    expect(res.original).toMatchObject({ content: 'Here is your briefing', flags: 0, type: 20, interaction_metadata: { id: res.id } });
    expect(discord.channelMessages(discord.textChannelId())).toEqual([res.original]);
  });

  it('records follow-ups after the first answer', async () => {
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('part 1');
      await i.followUp('part 2');
      await i.followUp({ content: 'just for you', flags: MessageFlags.Ephemeral });
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    expect(res.followups.map((m) => m.content)).toEqual(['part 2', 'just for you']);
    expect(discord.channelMessages(discord.textChannelId()).map((m) => m.content)).toEqual(['part 1', 'part 2']);
  });

  it('answers autocomplete and records the choices', async () => {
    client.on('interactionCreate', async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond(['climate', 'cities', 'courts'].filter((t) => t.startsWith(typed)).map((t) => ({ name: t, value: t })));
    });
    const res = await discord.sendInteraction(
      discord.autocompleteInteraction({ name: 'brief', focused: 'topic', options: { topic: 'c', articles: 2 } }),
    );
    expect(res.callback.type).toBe(8);
    expect(res.choices).toEqual([
      { name: 'climate', value: 'climate' },
      { name: 'cities', value: 'cities' },
      { name: 'courts', value: 'courts' },
    ]);
  });

  it("refuses autocomplete answers beyond Discord's limits (26 choices)", async () => {
    let failure: unknown;
    client.on('interactionCreate', async (i) => {
      if (!i.isAutocomplete()) return;
      await i.respond(Array.from({ length: 26 }, (_, n) => ({ name: `t${n}`, value: `t${n}` }))).catch((e) => (failure = e));
    });
    const res = await discord.sendInteraction(discord.autocompleteInteraction({ name: 'brief', focused: 'topic' }), { wait: 'none' });
    await discord.waitFor(() => res.errors.length > 0);
    expect(res.errors[0]).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(res.callback).toBeUndefined();
    await discord.waitFor(() => failure);
    expect(String(failure)).toMatch(/Invalid Form Body/);
  });

  it('sends a button press on the message that carries it, and records the update', async () => {
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
        );
        await i.reply({ content: 'page 1', components: [row] });
      } else if (i.isButton()) {
        await i.update({ content: `page ${i.customId.split(':')[1]}`, components: [] });
      }
    });
    const first = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    const res = await discord.sendInteraction(discord.buttonInteraction('page:2'));
    expect(res.payload.message.id).toBe(first.original.id);
    expect(res.callback.type).toBe(7);
    expect(res.original).toMatchObject({ id: first.original.id, content: 'page 2', components: [] });
    expect(discord.channelMessages(discord.textChannelId()).map((m) => m.content)).toEqual(['page 2']);
  });

  it('sends a select-menu choice and records a deferred update followed by an edit', async () => {
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder().setCustomId('open').addOptions({ label: 'A', value: 'a' }, { label: 'B', value: 'b' });
        await i.reply({
          content: 'pick',
          components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
          flags: MessageFlags.Ephemeral,
        });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `opened ${i.values.join(',')}` });
      }
    });
    await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    const res = await discord.sendInteraction(discord.selectInteraction('open', ['b']));
    expect(res.callback.type).toBe(6);
    expect(res.original.content).toBe('opened b');
  });

  it('rejects a second callback with 40060 and a reply over 2,000 characters with 400', async () => {
    const errors: string[] = [];
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'x'.repeat(2001) }).catch((e) => errors.push(String(e.code)));
      await i.reply('short');
      await client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
        .catch((e) => errors.push(String(e.code)));
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    await discord.waitFor(() => errors.length === 2);
    expect(errors).toEqual(['50035', '40060']);
    expect(res.callbacks).toHaveLength(1);
    expect(res.original.content).toBe('short');
  });

  it('refuses a callback that comes after the deadline with 10062 Unknown interaction', async () => {
    await client.destroy();
    await discord.close();
    discord = await startStandIn({ callbackDeadlineMs: 100 });
    client = await loginClient(discord);
    let code: unknown;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await new Promise((r) => setTimeout(r, 200));
      await i.reply('too late').catch((e) => (code = e.code));
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'anything' }), { wait: 'none' });
    await discord.waitFor(() => code);
    expect(code).toBe(10062);
    expect(res.callback).toBeUndefined();
  });

  it('explains a missing answer when the wait times out', async () => {
    await expect(discord.sendInteraction(discord.commandInteraction({ name: 'brief' }), { timeoutMs: 300 })).rejects.toThrow(
      /Timed out after 300 ms waiting for the bot's answer to interaction \d+ \(\/brief\)/,
    );
  });

  it('answers withResponse with the callback resource, and serves fetchReply and deleteReply', async () => {
    let resourceContent: string | undefined;
    let fetched: string | undefined;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'kept briefly', withResponse: true });
      resourceContent = response.resource?.message?.content;
      fetched = (await i.fetchReply()).content;
      await i.deleteReply();
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    expect([resourceContent, fetched]).toEqual(['kept briefly', 'kept briefly']);
    expect(res.originalDeleted).toBe(true);
    expect(discord.channelMessages(discord.textChannelId())).toEqual([]);
  });

  it('measures the callback deadline on a monotonic clock, so a faked Date jumping ahead does not expire it', async () => {
    jest.useFakeTimers({
      now: new Date('2026-03-29T00:59:00Z'),
      advanceTimers: true,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'performance',
        'hrtime',
      ],
    });
    try {
      client.on('interactionCreate', async (i) => {
        if (!i.isChatInputCommand()) return;
        jest.setSystemTime(new Date('2026-03-29T03:00:00Z'));
        await i.reply('still in time');
      });
      const before = discord.allBotMessages().at(-1)?.id ?? '0';
      const res = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
      expect(res.original.content).toBe('still in time');
      expect(res.callbackMs).toBeLessThan(3000);
      expect(BigInt(res.original.id) > BigInt(before)).toBe(true);
      expect(res.original.timestamp).toMatch(/^2026-03-29T03:00/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends a modal submission after the bot opened the modal', async () => {
    let value: string | undefined;
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) {
        const modal = new ModalBuilder()
          .setCustomId('feedback')
          .setTitle('Feedback')
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder().setCustomId('text').setLabel('Text').setStyle(TextInputStyle.Short),
            ),
          );
        await i.showModal(modal);
      } else if (i.isModalSubmit()) {
        value = i.fields.getTextInputValue('text');
        await i.reply({ content: 'thanks', flags: MessageFlags.Ephemeral });
      }
    });
    const opened = await discord.sendInteraction(discord.commandInteraction({ name: 'brief' }));
    expect(opened.callback).toMatchObject({ type: 9, data: { custom_id: 'feedback' } });
    const res = await discord.sendInteraction(discord.modalSubmitInteraction('feedback', { text: 'more climate news' }));
    expect(value).toBe('more climate news');
    expect(res.original.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('dispatches interactions from DMs', async () => {
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply(`dm from ${i.user.username}, in guild: ${i.inGuild()}`);
    });
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'help', guildId: null, user: { username: 'ana' } }));
    expect(res.original.content).toBe('dm from ana, in guild: false');
  });
});
