// The sources /search may be narrowed to, for one server: the library's sources in its scope, named by the
// feed titles the sources service knows (else their hosts).
import { sourceChoices, type SourceChoice } from '../briefings';
import { shortHash } from '../discord/render/search-state';
import type { CommandContext } from './types';

export async function sourcesFor(ctx: CommandContext, guildId: string | null): Promise<SourceChoice[]> {
  const counts = ctx.library.sources(ctx.scopeFor?.(guildId));
  const titles = new Map<string, string | null>();
  if (ctx.sources && guildId) {
    try {
      for (const s of await ctx.sources.list(guildId)) titles.set(s.url, s.title);
    } catch (err) {
      // Names are a nicety: hosts stand in for titles.
      ctx.logger.warn({ err, guildId }, 'could not read feed titles for /search sources');
    }
  }
  return sourceChoices(counts, titles);
}

/** What a paging button keeps of the source: a short hash of its id. */
export function sourceKey(source: SourceChoice | null): string | null {
  return source ? shortHash(source.id) : null;
}

/** The source a button's key stands for, among those the server sees now (undefined: gone). */
export function sourceByKey(choices: readonly SourceChoice[], key: string): SourceChoice | undefined {
  return choices.find((c) => shortHash(c.id) === key);
}
