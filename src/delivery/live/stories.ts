// The stories ports live posts need, over anything that can list a story's members (the library's
// storyMembers). The story key is recorded in the ledger as a hint; the members are what the planner
// compares, because a story's key (its smallest member id) changes when another version joins it.
import type { StoryMembers, StoryOf } from './types';

export interface LiveStoryPorts {
  storyOf: StoryOf;
  storyMembers: StoryMembers;
}

export function liveStoryPorts(source: { storyMembers(articleId: string): string[] }): LiveStoryPorts {
  const storyMembers: StoryMembers = (articleId) => source.storyMembers(articleId);
  const storyOf: StoryOf = (articleId) => {
    const members = source.storyMembers(articleId);
    if (members.length < 2) return null;
    let key = members[0];
    for (const m of members) if (m < key) key = m;
    return key;
  };
  return { storyOf, storyMembers };
}
