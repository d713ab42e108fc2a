// Which story a new article belongs to, under a key that does not move. The core's story index names a story
// by its smallest member id, which changes when a member with a smaller id joins; the ledger remembers the
// key a post was made under, so here a story keeps the key of the first of its articles seen live.
import { buildStories, type StoryArticle, type StoryIndex } from '../../briefings';

export class StoryKeys {
  private readonly keys = new Map<string, string>();

  constructor(private readonly index: StoryIndex) {}

  /** Groups the library as it is (the model's word weights are fitted on it). */
  static over(articles: StoryArticle[]): StoryKeys {
    return new StoryKeys(buildStories(articles));
  }

  /** Adds (or updates) an article and gives it its story's key: an earlier member's, else its own id. */
  add(article: StoryArticle): string {
    this.index.add(article);
    const members = this.index.storyOf(article.id)?.members ?? [];
    const key = members.map((m) => this.keys.get(m.id)).find((k): k is string => k !== undefined) ?? article.id;
    this.keys.set(article.id, key);
    return key;
  }

  /** The key of an article added before, or null. */
  keyOf(articleId: string): string | null {
    return this.keys.get(articleId) ?? null;
  }
}
