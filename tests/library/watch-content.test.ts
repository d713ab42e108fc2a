import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Library } from '../../src/briefings/library-types';
import { watchContent } from '../../src/briefings/watch-content';

describe('watching the content folder', () => {
  it('re-reads a file once after a burst of writes, and ignores hidden files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-watch-'));
    const refreshed: string[] = [];
    const library = { refreshFile: (f: string) => refreshed.push(f) } as unknown as Library;
    const done = new Promise<void>((resolve) => {
      const watcher = watchContent(library, dir, {
        debounceMs: 100,
        onRefresh: () => {
          setTimeout(() => {
            watcher.close();
            resolve();
          }, 300);
        },
      });
    });
    fs.writeFileSync(path.join(dir, '.hidden'), 'x');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Title\n\nBody one.');
    fs.appendFileSync(path.join(dir, 'a.txt'), '\n\nBody two.');
    await done;
    expect(refreshed).toEqual(['a.txt']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a folder that cannot be watched instead of throwing', () => {
    const errors: string[] = [];
    const library = { refreshFile: () => undefined } as unknown as Library;
    const w = watchContent(library, path.join(os.tmpdir(), 'no-such-briefbot-folder'), { onError: (f) => errors.push(f) });
    w.close();
    expect(errors).toHaveLength(1);
  });
});
