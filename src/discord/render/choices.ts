// Autocomplete choices: at most 25, names and values 1–100 characters, no duplicates.
import { LIMITS } from './limits';
import { stripBidiControls, truncateWords } from './text';

export interface Choice {
  name: string;
  value: string;
}

/**
 * Keeps choices Discord will accept. Names are shortened at a word; values cannot be shortened without
 * changing their meaning, so an over-long value falls back to its (shortened) name, which the commands
 * resolve by words.
 */
export function renderChoices(choices: Choice[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const c of choices) {
    const name = truncateWords(stripBidiControls(c.name).replace(/\s+/g, ' ').trim(), LIMITS.choiceText);
    let value = c.value.trim();
    if (value.length > LIMITS.choiceText) value = truncateWords(value, LIMITS.choiceText);
    if (!name || !value || seen.has(value)) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length >= LIMITS.autocompleteChoices) break;
  }
  return out;
}
