// Discord's message limits, and a checker that lists every way a payload breaks them.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceText: 100,
} as const;

/** Characters Discord counts towards the 6,000 shared by a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export interface MessageLike {
  content?: string | null;
  embeds?: readonly APIEmbed[] | null;
  components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[] | null;
}

function checkEmbed(e: APIEmbed, at: string, out: string[]): void {
  const over = (what: string, len: number, max: number): void => {
    if (len > max) out.push(`${at} ${what} has ${len} characters (max ${max})`);
  };
  over('title', e.title?.length ?? 0, LIMITS.embedTitle);
  over('description', e.description?.length ?? 0, LIMITS.embedDescription);
  over('footer', e.footer?.text.length ?? 0, LIMITS.footer);
  over('author', e.author?.name.length ?? 0, LIMITS.author);
  const fields = e.fields ?? [];
  if (fields.length > LIMITS.embedFields) out.push(`${at} has ${fields.length} fields (max ${LIMITS.embedFields})`);
  fields.forEach((f, i) => {
    over(`field ${i} name`, f.name.length, LIMITS.fieldName);
    over(`field ${i} value`, f.value.length, LIMITS.fieldValue);
    if (!f.name.trim() || !f.value.trim()) out.push(`${at} field ${i} is blank`);
  });
  if (!e.title && !e.description && !fields.length && !e.author && !e.footer) out.push(`${at} is empty`);
}

function checkComponents(rows: MessageLike['components'], out: string[]): void {
  if (!rows) return;
  if (rows.length > LIMITS.actionRows) out.push(`${rows.length} action rows (max ${LIMITS.actionRows})`);
  rows.forEach((row, r) => {
    const items = row.components;
    const selects = items.filter((c) => c.type !== 2);
    if (items.length > LIMITS.buttonsPerRow) out.push(`row ${r} has ${items.length} components (max ${LIMITS.buttonsPerRow})`);
    if (selects.length && items.length > 1) out.push(`row ${r} mixes a select menu with other components`);
    items.forEach((c, i) => {
      const at = `row ${r} component ${i}`;
      const id = 'custom_id' in c ? c.custom_id : undefined;
      if (id !== undefined && (id.length === 0 || id.length > LIMITS.customId)) {
        out.push(`${at} custom id has ${id.length} characters (1–${LIMITS.customId})`);
      }
      if ('label' in c && c.label && c.label.length > LIMITS.buttonLabel) out.push(`${at} label too long`);
      if ('placeholder' in c && c.placeholder && c.placeholder.length > LIMITS.selectPlaceholder) {
        out.push(`${at} placeholder too long`);
      }
      if ('options' in c && c.options) {
        if (c.options.length > LIMITS.selectOptions || c.options.length === 0) {
          out.push(`${at} has ${c.options.length} options (1–${LIMITS.selectOptions})`);
        }
        const values = new Set<string>();
        for (const o of c.options) {
          for (const [k, v] of [
            ['label', o.label],
            ['value', o.value],
            ['description', o.description ?? ''],
          ] as const) {
            if (v.length > LIMITS.selectOptionText) out.push(`${at} option ${k} has ${v.length} characters`);
          }
          if (!o.label || !o.value) out.push(`${at} option is blank`);
          if (values.has(o.value)) out.push(`${at} repeats option value ${o.value}`);
          values.add(o.value);
        }
      }
    });
  });
  const ids = rows.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : undefined))).filter(Boolean);
  if (new Set(ids).size !== ids.length) out.push('custom ids repeat within the message');
}

/** Every limit the message breaks; empty when Discord would accept it. */
export function limitViolations(msg: MessageLike): string[] {
  const out: string[] = [];
  const content = msg.content ?? '';
  if (content.length > LIMITS.content) out.push(`content has ${content.length} characters (max ${LIMITS.content})`);
  const embeds = msg.embeds ?? [];
  if (embeds.length > LIMITS.embeds) out.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  embeds.forEach((e, i) => checkEmbed(e, `embed ${i}`, out));
  const total = embeds.reduce((n, e) => n + embedLength(e), 0);
  if (total > LIMITS.embedTotal) out.push(`embeds total ${total} characters (max ${LIMITS.embedTotal})`);
  if (!content.trim() && !embeds.length) out.push('message has neither content nor embeds');
  checkComponents(msg.components, out);
  return out;
}
