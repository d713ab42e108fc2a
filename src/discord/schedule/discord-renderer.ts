// The scheduled post through the bot's one renderer (src/discord/render): limits and no-mentions live there.
import type { Briefing } from '../../briefings';
import type { PostOptions, PostRenderer } from '../../schedule/post-renderer';
import { renderBriefingPost } from '../render';
import { stampMarker } from '../render/stamp';

export const discordPostRenderer: PostRenderer = {
  briefing: (briefing: Briefing, opts: PostOptions) => renderBriefingPost(briefing, opts),
  nothingNew: (opts: PostOptions) => renderBriefingPost({ topic: null, generatedAt: new Date().toISOString(), items: [], speakers: [] }, opts),
  stamp: stampMarker,
};
