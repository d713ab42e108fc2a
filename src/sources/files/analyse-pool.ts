// Analysis off the thread that answers Discord: a small pool of worker threads, each article on a time
// budget. An article that runs past it is skipped with a warning (the worker is replaced and the file read
// again without it), so one hostile file can neither freeze the bot nor keep the rest from loading.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyseFile, analysePage, type AnalyseJob, type AnalysedFile, type AnalysedPage, type PageJob } from '../../briefings';
import type { JobMessage, WorkerReply } from './analyse-worker';

export interface FileAnalyser {
  analyse(job: AnalyseJob): Promise<AnalysedFile>;
  close(): Promise<void>;
}

/** A feed item's page (or the feed's text) to an article, off the thread that answers Discord. */
export interface PageAnalyser {
  analysePage(job: PageJob): Promise<AnalysedPage>;
}

export const DEFAULT_BUDGET_MS = 10_000;
/** Time for a worker to start and read a file before its first article begins. */
const START_ALLOWANCE_MS = 30_000;

/** Same thread, no budget: for small tools and tests where a worker's start-up costs more than it saves. */
export function inlineAnalyser(): FileAnalyser & PageAnalyser {
  return {
    analyse: async (job) => analyseFile(job),
    analysePage: async (job) => analysePage(job),
    close: async () => undefined,
  };
}

/** Source for a worker that runs `entry` (default: this folder's analyse-worker), compiled (.js) or through tsx (.ts). */
function workerSource(entry?: string): string {
  const ts = __filename.endsWith('.ts');
  const file = entry ?? path.join(__dirname, `analyse-worker.${ts ? 'ts' : 'js'}`);
  const register = file.endsWith('.ts') ? `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();` : '';
  return `${register} require(${JSON.stringify(file)});`;
}

interface Task {
  job: AnalyseJob | PageJob;
  resolve: (r: AnalysedFile | AnalysedPage) => void;
  reject: (e: Error) => void;
}

/** A task handed to a worker: its id in the worker's messages. */
interface Sent {
  task: Task;
  jobId: number;
}

/**
 * Tasks each worker holds at once: the one it works on and the next, so that when it finishes a file it starts
 * the next at once instead of waiting for this thread (busy storing a batch) to hear of it and send another
 * (issue 13: the workers idled a quarter of a first load that way).
 */
const IN_FLIGHT = 2;

class Slot {
  worker: Worker | null = null;
  /** In the order the worker runs them: the first is the one it works on. */
  sent: Sent[] = [];
  timer: NodeJS.Timeout | null = null;
  /** Position of the first task's article in progress (-1: its file is still being read). */
  position = -1;
}

export interface PoolOptions {
  size?: number;
  /** Longest one article may take to analyse (and the file to be read). */
  budgetMs?: number;
  /** Another worker module speaking the same messages (tests use one with a deliberately endless article). */
  workerEntry?: string;
}

export class WorkerPool implements FileAnalyser, PageAnalyser {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private readonly budgetMs: number;
  private readonly source: string;
  private nextJob = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    this.source = workerSource(opts.workerEntry);
    this.slots = Array.from({ length: Math.max(1, opts.size ?? 2) }, () => new Slot());
  }

  analyse(job: AnalyseJob): Promise<AnalysedFile> {
    return this.enqueue(job) as Promise<AnalysedFile>;
  }

  analysePage(job: PageJob): Promise<AnalysedPage> {
    return this.enqueue(job) as Promise<AnalysedPage>;
  }

  private enqueue(job: AnalyseJob | PageJob): Promise<AnalysedFile | AnalysedPage> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Fills every worker up to IN_FLIGHT tasks, the idlest first, so work spreads over both before any queues. */
  private pump(): void {
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.sent.length < depth) this.send(slot, this.queue.shift()!);
      }
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.source, { eval: true });
    worker.on('message', (m: WorkerReply) => this.onReply(slot, m));
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', () => {
      if (slot.worker === worker) {
        slot.worker = null;
        this.fail(slot, new Error('analysis worker stopped unexpectedly'));
      }
    });
    return worker;
  }

  private send(slot: Slot, task: Task): void {
    slot.worker ??= this.spawn(slot);
    // Held while it works (a process waiting for an analysis must not exit), let go while idle.
    slot.worker.ref();
    const jobId = this.nextJob++;
    slot.sent.push({ task, jobId });
    if (slot.sent.length === 1) this.started(slot);
    const msg: JobMessage = { jobId, job: task.job, skipReason: `took longer than ${this.budgetMs / 1000} s to analyse` };
    slot.worker.postMessage(msg);
  }

  /**
   * The slot's first task has begun. Until its first article starts, the clock covers a worker's start-up and the
   * file's reading, which a busy machine can stretch past one article's budget; the budget itself starts with each article.
   */
  private started(slot: Slot): void {
    slot.position = -1;
    this.arm(slot, Math.max(this.budgetMs, START_ALLOWANCE_MS));
  }

  private arm(slot: Slot, ms = this.budgetMs): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.overBudget(slot), ms);
  }

  private onReply(slot: Slot, m: WorkerReply): void {
    const head = slot.sent[0];
    // A reply from a worker replaced after running over budget belongs to no one.
    if (!head || m.jobId !== head.jobId) return;
    if (m.type === 'article') {
      slot.position = m.position;
      this.arm(slot);
      return;
    }
    this.finishHead(slot);
    if (m.type === 'done') head.task.resolve(m.result);
    else head.task.reject(new Error(m.message));
  }

  /** The first task is over: the next one the worker holds (if any) is the one it works on now. */
  private finishHead(slot: Slot): void {
    slot.sent.shift();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.sent.length) this.started(slot);
    else slot.worker?.unref();
    queueMicrotask(() => this.pump());
  }

  /** The worker is gone: its tasks after the first go back to the front of the queue, for another worker. */
  private dropWorker(slot: Slot): Sent | undefined {
    const worker = slot.worker;
    slot.worker = null;
    void worker?.terminate();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [head, ...rest] = slot.sent;
    slot.sent = [];
    this.queue.unshift(...rest.map((s) => s.task));
    queueMicrotask(() => this.pump());
    return head;
  }

  /** The worker is stuck on one article: replace it, and read the file again without that article. */
  private overBudget(slot: Slot): void {
    const position = slot.position;
    const head = this.dropWorker(slot);
    if (!head) return;
    const { task } = head;
    const job = task.job;
    if ('kind' in job) {
      const reason = `took longer than ${this.budgetMs / 1000} s to read: skipped`;
      task.resolve({ article: null, teaser: true, warnings: [{ file: job.url ?? job.feedName, reason }] });
      return;
    }
    if (position < 0) {
      task.resolve({ articles: [], warnings: [{ file: job.path, reason: `took longer than ${this.budgetMs / 1000} s to read: skipped` }] });
      return;
    }
    this.queue.unshift({ ...task, job: { ...job, skip: [...(job.skip ?? []), position] } });
  }

  private fail(slot: Slot, err: Error): void {
    this.dropWorker(slot)?.task.reject(err);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('analysis pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        const w = slot.worker;
        slot.worker = null;
        for (const s of slot.sent.splice(0)) s.task.reject(new Error('analysis pool closed'));
        if (w) await w.terminate();
      }),
    );
  }
}

/** Re-exported so callers can analyse inline with the same function the workers run. */
export { analyseFile };
