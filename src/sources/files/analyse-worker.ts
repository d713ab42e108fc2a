// The body of an analysis worker thread: jobs in, analysed files out, and a note before each article so
// the pool can stop one that runs past its time budget.
import { parentPort } from 'node:worker_threads';
import { analyseFile, type AnalyseJob } from '../../briefings';

export interface JobMessage {
  jobId: number;
  job: AnalyseJob;
  skipReason: string;
}

export type WorkerReply =
  | { jobId: number; type: 'article'; position: number; title: string }
  | { jobId: number; type: 'done'; result: ReturnType<typeof analyseFile> }
  | { jobId: number; type: 'failed'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (msg: JobMessage) => {
    try {
      const result = analyseFile(msg.job, (position, title) => port.postMessage({ jobId: msg.jobId, type: 'article', position, title } satisfies WorkerReply), msg.skipReason);
      port.postMessage({ jobId: msg.jobId, type: 'done', result } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ jobId: msg.jobId, type: 'failed', message: (err as Error).message } satisfies WorkerReply);
    }
  });
}
