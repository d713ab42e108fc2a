// Discord's message limits, checked the way Discord checks them: a violating body gets
// 400 "Invalid Form Body" (code 50035) with an errors tree, so bots meet the same refusal they would in production.
import type { Json } from './types';

type Problem = { path: (string | number)[]; code: string; message: string };

export function validateMessageBody(body: Json, opts: { requireSomething: boolean; hasFiles: boolean }): Json | null {
  const problems: Problem[] = [];
  const max = (path: (string | number)[], value: unknown, limit: number) => {
    if (typeof value === 'string' && [...value].length > limit) {
      problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit} or fewer in length.` });
    }
  };
  if (body == null || typeof body !== 'object')
    return formError([{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }]);
  max(['content'], body.content, 2000);
  const embeds: Json[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) problems.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  const count = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);
  embeds.forEach((e, i) => {
    max(['embeds', i, 'title'], e.title, 256);
    max(['embeds', i, 'description'], e.description, 4096);
    max(['embeds', i, 'footer', 'text'], e.footer?.text, 2048);
    max(['embeds', i, 'author', 'name'], e.author?.name, 256);
    const fields: Json[] = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) problems.push({ path: ['embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    fields.forEach((f, j) => {
      max(['embeds', i, 'fields', j, 'name'], f.name, 256);
      max(['embeds', i, 'fields', j, 'value'], f.value, 1024);
      if (!f.name) problems.push({ path: ['embeds', i, 'fields', j, 'name'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      if (!f.value) problems.push({ path: ['embeds', i, 'fields', j, 'value'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      total += count(f.name) + count(f.value);
    });
    total += count(e.title) + count(e.description) + count(e.footer?.text) + count(e.author?.name);
  });
  if (total > 6000) problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  const rows: Json[] = Array.isArray(body.components) ? body.components : [];
  if (rows.length > 5) problems.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  rows.forEach((row, i) => {
    const parts: Json[] = Array.isArray(row.components) ? row.components : [];
    if (row.type === 1 && (parts.length < 1 || parts.length > 5)) {
      problems.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
    }
    parts.forEach((c, j) => {
      max(['components', i, 'components', j, 'custom_id'], c.custom_id, 100);
      max(['components', i, 'components', j, 'label'], c.label, 80);
      max(['components', i, 'components', j, 'placeholder'], c.placeholder, 150);
      if (Array.isArray(c.options)) {
        if (c.options.length > 25)
          problems.push({
            path: ['components', i, 'components', j, 'options'],
            code: 'BASE_TYPE_MAX_LENGTH',
            message: 'Must be 25 or fewer in length.',
          });
        c.options.forEach((o: Json, k: number) => {
          max(['components', i, 'components', j, 'options', k, 'label'], o.label, 100);
          max(['components', i, 'components', j, 'options', k, 'value'], o.value, 100);
          max(['components', i, 'components', j, 'options', k, 'description'], o.description, 100);
        });
      }
    });
  });
  if (problems.length) return formError(problems);
  const empty = !body.content && embeds.length === 0 && rows.length === 0 && !opts.hasFiles && !body.sticker_ids?.length && !body.poll;
  if (opts.requireSomething && empty) return { message: 'Cannot send an empty message', code: 50006 };
  return null;
}

export function validateChoices(choices: unknown): Json | null {
  if (!Array.isArray(choices)) return formError([{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
  const problems: Problem[] = [];
  if (choices.length > 25) problems.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((c: Json, i) => {
    const name = String(c?.name ?? '');
    if ([...name].length < 1 || [...name].length > 100)
      problems.push({ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    if (typeof c?.value === 'string' && [...c.value].length > 100)
      problems.push({ path: ['data', 'choices', i, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  });
  return problems.length ? formError(problems) : null;
}

function formError(problems: Problem[]): Json {
  const errors: Json = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.path) node = node[key] ??= {};
    (node._errors ??= []).push({ code: p.code, message: p.message });
  }
  return { message: 'Invalid Form Body', code: 50035, errors };
}
