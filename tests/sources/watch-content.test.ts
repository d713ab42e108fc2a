import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchContent } from '../../src/sources/files/watch-content';

describe('watching the content folder', () => {
  it('hands a burst of writes over as one batch of names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-watch-'));
    const batches: string[][] = [];
    const done = new Promise<void>((resolve) => {
      const watcher = watchContent(
        dir,
        (paths) => {
          batches.push(paths.sort());
          setTimeout(() => {
            watcher.close();
            resolve();
          }, 300);
        },
        { debounceMs: 150 },
      );
    });
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Title\n\nBody one.');
    fs.appendFileSync(path.join(dir, 'a.txt'), '\n\nBody two.');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Other\n\nBody.');
    await done;
    expect(batches).toEqual([['a.txt', 'b.txt']]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('flushes during a long burst instead of waiting for it to end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-watch-'));
    const batches: string[][] = [];
    const watcher = watchContent(dir, (paths) => void batches.push(paths), { debounceMs: 200, maxWaitMs: 400 });
    for (let i = 0; i < 12; i++) {
      fs.writeFileSync(path.join(dir, `f${i}.txt`), `T${i}\n\nBody.`);
      await new Promise((r) => setTimeout(r, 100));
    }
    watcher.close();
    expect(batches.length).toBeGreaterThanOrEqual(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a folder that cannot be watched instead of throwing', () => {
    const errors: string[] = [];
    const w = watchContent(path.join(os.tmpdir(), 'no-such-briefbot-folder'), () => undefined, { onError: (f) => errors.push(f) });
    w.close();
    expect(errors).toHaveLength(1);
  });
});
