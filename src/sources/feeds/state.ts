// What the poller remembers per feed URL, and the port it is kept behind (SQL comes later; memory for tests).

export interface SeenItem {
  /** contentHash of the item when last seen. */
  hash: string;
  /** Its cleaned link, to recognise an item whose guid changed. */
  link: string | null;
}

export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO times. */
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  nextDueAt: string | null;
  /** Failed polls in a row, and when the run of failures began. */
  failures: number;
  firstFailureAt: string | null;
  /** The latest problem in words (shown by `/sources list`); null after a good poll. */
  lastError: string | null;
  /** Set when the poller gave up; the feed is skipped until enabled again. */
  disabledReason: string | null;
  /** Problems that did not stop the poll (duplicate guids, wrong charset…). */
  warnings: string[];
  /** Items seen in recent polls, by id: what decides new / updated / unchanged. */
  seen: Record<string, SeenItem>;
}

export function freshState(url: string): FeedState {
  return {
    url,
    title: null,
    etag: null,
    lastModified: null,
    lastCheckedAt: null,
    lastSuccessAt: null,
    nextDueAt: null,
    failures: 0,
    firstFailureAt: null,
    lastError: null,
    disabledReason: null,
    warnings: [],
    seen: {},
  };
}

/** The port: get and save one feed's state. Async so a networked database can stand behind it later. */
export interface FeedStateStore {
  get(url: string): Promise<FeedState | null>;
  save(state: FeedState): Promise<void>;
  list(): Promise<FeedState[]>;
  /**
   * A fetch lease on the feed until now + ms (free, run out, or already the holder's): where several processes
   * share the store, one of them fetches a due feed. Absent: this process is the only poller.
   */
  lease?(url: string, holder: string, now: Date, ms: number): Promise<boolean>;
  release?(url: string, holder: string): Promise<void>;
}

export class InMemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();

  async get(url: string): Promise<FeedState | null> {
    const s = this.states.get(url);
    return s ? structuredClone(s) : null;
  }

  async save(state: FeedState): Promise<void> {
    this.states.set(state.url, structuredClone(state));
  }

  async list(): Promise<FeedState[]> {
    return [...this.states.values()].map((s) => structuredClone(s));
  }
}
