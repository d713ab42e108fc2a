// One place where "something changed" is announced, so tests can wait for a condition without polling.

export class ChangeSignal {
  private listeners = new Set<() => void>();
  private closed = false;

  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves with the condition's value once it is truthy; rejects after timeoutMs with describe()'s text. */
  waitFor<T>(condition: () => T | undefined | null | false, timeoutMs: number, describe: () => string): Promise<T> {
    const now = condition();
    if (now) return Promise.resolve(now);
    if (this.closed) return Promise.reject(new Error(`Stand-in closed while waiting: ${describe()}`));
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let value: T | undefined | null | false;
        try {
          value = condition();
        } catch (e) {
          finish();
          reject(e);
          return;
        }
        if (value) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      // Conditions may also depend on the bot's own state, which announces nothing here: re-check now and then too.
      const poll = setInterval(check, 20);
      const onClose = () => {
        finish();
        reject(new Error(`Stand-in closed while waiting for ${describe()}`));
      };
      const finish = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(check);
        this.closers.delete(onClose);
      };
      this.listeners.add(check);
      this.closers.add(onClose);
    });
  }

  private closers = new Set<() => void>();

  close(): void {
    this.closed = true;
    for (const c of [...this.closers]) c();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
