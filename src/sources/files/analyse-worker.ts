// The body of an analysis worker thread: jobs in, analysed files out, and a note before each article so
// the pool can stop one that runs past its time budget.
import { parentPort } from 'node:worker_threads';
import { analyseFile, analysePage, type AnalyseJob, type AnalysedPage, type PageJob } from '../../briefings';

export interface JobMessage {
  jobId: number;
  /** A file's bytes, or a feed item's page (see analysePage). */
  job: AnalyseJob | PageJob;
  skipReason: string;
}

export type WorkerReply =
  | { jobId: number; type: 'article'; position: number; title: string }
  | { jobId: number; type: 'done'; result: ReturnType<typeof analyseFile> | AnalysedPage }
  | { jobId: number; type: 'failed'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (msg: JobMessage) => {
    try {
      const job = msg.job;
      if ('kind' in job) {
        // A page is one article: its time budget starts now (the worker's start-up has its own allowance).
        port.postMessage({ jobId: msg.jobId, type: 'article', position: 0, title: job.item.title ?? job.url ?? '' } satisfies WorkerReply);
        port.postMessage({ jobId: msg.jobId, type: 'done', result: analysePage(job) } satisfies WorkerReply);
        return;
      }
      const result = analyseFile(
        job,
        (position, title) => port.postMessage({ jobId: msg.jobId, type: 'article', position, title } satisfies WorkerReply),
        msg.skipReason,
      );
      port.postMessage({ jobId: msg.jobId, type: 'done', result } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ jobId: msg.jobId, type: 'failed', message: (err as Error).message } satisfies WorkerReply);
    }
  });
}
