// A first sync of a large folder keeps both cores busy: while this thread stores one batch, the workers are
// already analysing the next ones (before, they waited for every write; then, with one batch queued, for the
// slower worker's last file of each batch).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ArticleWriter } from '../../src/briefings';
import { inlineAnalyser, type FileAnalyser } from '../../src/sources/files/analyse-pool';
import { FileSync } from '../../src/sources/files/sync';
import { openStore } from '../../src/store/store';

function folderOf(files: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-pipeline-'));
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), `Article number ${i}\n\nIt says something about ${i}.\n`);
  return dir;
}

describe('the folder sync, batch by batch', () => {
  it('keeps the next three batches with the analysers while it writes one, and stores every file once', async () => {
    const dir = folderOf(10);
    const store = openStore(':memory:');
    const events: string[] = [];
    const inline = inlineAnalyser();
    const analyser: FileAnalyser = {
      analyse: (job) => {
        events.push(`analyse ${job.path}`);
        return inline.analyse(job);
      },
      close: async () => undefined,
    };
    const writer: ArticleWriter = Object.create(store.articles);
    writer.replaceSources = async (items) => {
      events.push(`write ${items.map((i) => i.source.id).join(',')}`);
      return store.articles.replaceSources(items);
    };
    try {
      const sync = new FileSync({ contentDir: dir, writer, analyser, analysisVersion: 'v1', batchSize: 2 });
      const report = await sync.full();
      expect(report.analysed).toBe(10);
      const writes = events.filter((e) => e.startsWith('write'));
      expect(writes).toHaveLength(5);
      expect(writes[0]).toBe('write a0.txt,a1.txt');
      // Batches two, three and four are with the analysers before batch one is written; batch five waits for a write.
      const firstWrite = events.indexOf(writes[0]);
      expect(events.slice(0, firstWrite).filter((e) => e.startsWith('analyse'))).toHaveLength(8);
      const secondWrite = events.indexOf(writes[1]);
      expect(events.slice(firstWrite, secondWrite).filter((e) => e.startsWith('analyse'))).toHaveLength(2);
      expect((await store.articles.snapshot({ fileRoot: sync.root })).articles).toHaveLength(10);
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
