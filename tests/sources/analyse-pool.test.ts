// The analysis pool keeps each worker's next file with it: a worker that finishes a file starts the next at
// once, even while this thread is busy (storing a batch, in a first load) and cannot hand it another.
import * as path from 'node:path';
import { WorkerPool } from '../../src/sources/files/analyse-pool';

const TIMED_WORKER = path.join(__dirname, '..', 'fixtures', 'workers', 'timed-worker.ts');

const job = (name: string, ms: number) => ({ path: name, bytes: new Uint8Array(0), mtimeMs: ms, now: 0 });
const timesOf = (r: { warnings: { reason: string }[] }) => JSON.parse(r.warnings[0].reason) as { began: number; ended: number; threadId: number };

function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) Math.sqrt(Math.random());
}

describe('the analysis pool', () => {
  it('starts a worker on its next file the moment it ends one, while this thread is busy', async () => {
    const pool = new WorkerPool({ size: 1, workerEntry: TIMED_WORKER });
    try {
      await pool.analyse(job('warm-up', 0)); // the worker's start-up is not what is measured
      const first = pool.analyse(job('first', 300));
      const second = pool.analyse(job('second', 300));
      busy(900); // this thread hears of the first file's end only after this
      const [a, b] = (await Promise.all([first, second])).map(timesOf);
      expect(b.began - a.ended).toBeLessThan(150);
    } finally {
      await pool.close();
    }
  });

  it('hands a busy worker’s waiting file to the other worker rather than queueing two on one', async () => {
    const pool = new WorkerPool({ size: 2, workerEntry: TIMED_WORKER });
    try {
      const done = await Promise.all([pool.analyse(job('one', 300)), pool.analyse(job('two', 300))]);
      const [one, two] = done.map(timesOf);
      expect(one.threadId).not.toBe(two.threadId);
    } finally {
      await pool.close();
    }
  });
});
