// A small world for live-post tests: one ledger and one channel stand-in shared by any number of
// poster processes (a restart is a new LivePoster over the same ledger and channel).
import { classifyError } from '../../../src/discord/schedule/classify-error';
import { claimIsStale } from '../../../src/schedule/owner';
import { LivePoster, type LiveArticle, type LivePosterDeps } from '../../../src/delivery/live';
import { FakeChannels, FakeClock, MemoryLedger, MemorySubscriptions } from './fakes';

export class World {
  readonly clock = new FakeClock();
  readonly ledger = new MemoryLedger();
  readonly subscriptions = new MemorySubscriptions();
  readonly channels = new FakeChannels(this.clock);
  readonly library = new Map<string, LiveArticle>();
  readonly stories = new Map<string, string>();
  readonly logs: { level: string; msg: string; o: object }[] = [];
  private processes = 0;

  poster(over: Partial<LivePosterDeps> = {}): LivePoster {
    this.processes++;
    const log = (level: string) => (o: object, msg: string) => void this.logs.push({ level, msg, o });
    return new LivePoster({
      ledger: this.ledger,
      subscriptions: this.subscriptions,
      port: this.channels,
      classify: classifyError,
      articles: async (id) => this.library.get(id) ?? null,
      storyOf: (id) => this.stories.get(id) ?? null,
      // Same host and pid, another start: each new poster is a restart of the one before (see owner.ts).
      owner: `testhost/4242/start-${this.processes}`,
      claimIsStale,
      now: this.clock.now,
      sleep: this.clock.sleep,
      logger: { info: log('info'), warn: log('warn'), error: log('error') },
      spacingMs: 1_500,
      ...over,
    });
  }

  /** Articles as the poller hands them over: also in the library, so a restart can find them again. */
  arrive(...articles: LiveArticle[]): LiveArticle[] {
    for (const a of articles) this.library.set(a.id, a);
    return articles;
  }
}
