// Autocomplete answered from the library's suggestions: one option of a command, one kind of suggestion.
import type { AutocompleteInteraction } from 'discord.js';
import type { Library, SuggestionKind } from '../../briefings';
import { renderChoices } from '../render/choices';
import { LIMITS } from '../render/limits';

/** Suggests for `option` only; any other focused option gets no choices (it has none to offer). */
export async function respondWithSuggestions(
  interaction: AutocompleteInteraction,
  library: Pick<Library, 'suggest'>,
  option: string,
  kind: SuggestionKind,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== option) {
    await interaction.respond([]);
    return;
  }
  const suggestions = library.suggest(kind, String(focused.value), LIMITS.autocompleteChoices);
  await interaction.respond(renderChoices(suggestions.map((s) => ({ name: s.label, value: s.value }))));
}
