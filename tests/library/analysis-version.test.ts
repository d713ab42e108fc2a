import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisVersion, fingerprintSources } from '../../src/briefings';
import { analysisVersionOf } from '../../src/briefings/analysis-version';
import { recordAnalysisVersion } from '../../src/build-info';

const SRC = path.join(__dirname, '..', '..', 'src', 'briefings');

describe('the analysis version is the same for the same source, compiled or not', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-version-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the build records, next to the compiled core, the fingerprint the TypeScript core computes for itself', () => {
    const copy = path.join(tmp, 'src-briefings');
    fs.cpSync(SRC, copy, { recursive: true });
    const dist = path.join(tmp, 'dist-briefings');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'analysis-version.js'), '"use strict"; // compiled output differs from the .ts\n');

    recordAnalysisVersion(copy, dist);

    expect(analysisVersionOf(dist, true)).toBe(analysisVersion());
  });

  it('changes when a source changes, and ignores compiled files and declarations beside the sources', () => {
    fs.cpSync(SRC, tmp, { recursive: true });
    const before = fingerprintSources(tmp);
    fs.writeFileSync(path.join(tmp, 'stray.js'), 'module.exports = 1;\n');
    fs.writeFileSync(path.join(tmp, 'stray.d.ts'), 'export {};\n');
    expect(fingerprintSources(tmp)).toBe(before);
    fs.appendFileSync(path.join(tmp, 'stories', 'groups.ts'), '\n// a change\n');
    expect(fingerprintSources(tmp)).not.toBe(before);
  });

  it('a build without the record still gets a fingerprint of its own compiled files', () => {
    fs.writeFileSync(path.join(tmp, 'a.js'), 'module.exports = 1;\n');
    const one = analysisVersionOf(tmp, true);
    fs.writeFileSync(path.join(tmp, 'a.js'), 'module.exports = 2;\n');
    expect(analysisVersionOf(tmp, true)).not.toBe(one);
  });
});
