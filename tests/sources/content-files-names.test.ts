import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listContentFiles } from '../../src/sources/files/content-files';

describe('file names in the content folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-names-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function list(): { files: string[]; warned: string[] } {
    const warned: string[] = [];
    const files = listContentFiles(dir, (file) => warned.push(file)).map((f) => f.path);
    return { files, warned };
  }

  it('lists UTF-8 names, including one that holds the replacement character itself', () => {
    fs.writeFileSync(path.join(dir, 'café.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'odd \uFFFD mark.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'x');
    expect(list()).toEqual({ files: ['café.txt', 'odd \uFFFD mark.txt', 'plain.txt'], warned: [] });
  });

  it('skips, with a warning, a name whose bytes are not UTF-8 (a lone Latin-1 byte, a truncated sequence)', () => {
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'x');
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/cut`), Buffer.from([0xe2, 0x82]), Buffer.from('.txt')]), 'x');
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'x');
    const { files, warned } = list();
    expect(files).toEqual(['plain.txt']);
    expect(warned.sort()).toEqual(['caf\u00e9.txt', 'cut\u00e2\u0082.txt']);
  });
});
