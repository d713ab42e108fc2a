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

class Slot {
  worker: Worker | null = null;
  task: Task | null = null;
  timer: NodeJS.Timeout | null = null;
  position = -1;
  jobId = 0;
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

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      this.run(slot, this.queue.shift()!);
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

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    slot.position = -1;
    slot.worker ??= this.spawn(slot);
    // Held while it works (a process waiting for an analysis must not exit), let go while idle.
    slot.worker.ref();
    slot.jobId = this.nextJob++;
    const msg: JobMessage = { jobId: slot.jobId, job: task.job, skipReason: `took longer than ${this.budgetMs / 1000} s to analyse` };
    // Until the first article starts, the clock covers a worker's start-up and the file's reading, which a
    // busy machine can stretch past one article's budget; the budget itself starts with each article.
    this.arm(slot, Math.max(this.budgetMs, START_ALLOWANCE_MS));
    slot.worker.postMessage(msg);
  }

  private arm(slot: Slot, ms = this.budgetMs): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.overBudget(slot), ms);
  }

  private onReply(slot: Slot, m: WorkerReply): void {
    const task = slot.task;
    // A reply from a worker replaced after running over budget belongs to no one.
    if (!task || m.jobId !== slot.jobId) return;
    if (m.type === 'article') {
      slot.position = m.position;
      this.arm(slot);
      return;
    }
    this.finish(slot);
    if (m.type === 'done') task.resolve(m.result);
    else task.reject(new Error(m.message));
  }

  private finish(slot: Slot): void {
    slot.worker?.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    queueMicrotask(() => this.pump());
  }

  /** The worker is stuck on one article: replace it, and read the file again without that article. */
  private overBudget(slot: Slot): void {
    const task = slot.task;
    if (!task) return;
    const worker = slot.worker;
    slot.worker = null;
    void worker?.terminate();
    this.finish(slot);
    const job = task.job;
    if ('kind' in job) {
      const reason = `took longer than ${this.budgetMs / 1000} s to read: skipped`;
      task.resolve({ article: null, teaser: true, warnings: [{ file: job.url ?? job.feedName, reason }] });
      return;
    }
    if (slot.position < 0) {
      task.resolve({ articles: [], warnings: [{ file: job.path, reason: `took longer than ${this.budgetMs / 1000} s to read: skipped` }] });
      return;
    }
    const retry: Task = { ...task, job: { ...job, skip: [...(job.skip ?? []), slot.position] } };
    this.queue.unshift(retry);
  }

  private fail(slot: Slot, err: Error): void {
    const task = slot.task;
    if (!task) return;
    slot.worker = null;
    this.finish(slot);
    task.reject(err);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('analysis pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        const w = slot.worker;
        slot.worker = null;
        if (slot.task) {
          slot.task.reject(new Error('analysis pool closed'));
          slot.task = null;
        }
        if (w) await w.terminate();
      }),
    );
  }
}

/** Re-exported so callers can analyse inline with the same function the workers run. */
export { analyseFile };
