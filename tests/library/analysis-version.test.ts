import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisVersion, codeVersionsOf, indexVersion } from '../../src/briefings';
import { ANALYSIS_ENTRIES, analysisVersionOf, codeVersionsAt, importClosure, INDEX_ENTRIES } from '../../src/briefings/analysis-version';
import { recordAnalysisVersion } from '../../src/build-info';

const SRC = path.join(__dirname, '..', '..', 'src', 'briefings');

describe('two code versions: what analyses articles, and what builds the saved index from them', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-version-'));
    fs.cpSync(SRC, tmp, { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const edit = (rel: string) => fs.appendFileSync(path.join(tmp, rel), '\n// a change\n');

  it('the build records, next to the compiled core, both versions the TypeScript core computes for itself', () => {
    const dist = path.join(tmp, '..', path.basename(tmp) + '-dist');
    fs.mkdirSync(dist);
    try {
      fs.writeFileSync(path.join(dist, 'analysis-version.js'), '"use strict"; // compiled output differs from the .ts\n');
      recordAnalysisVersion(tmp, dist);
      expect(analysisVersionOf(dist, true)).toBe(analysisVersion());
      expect(codeVersionsAt(dist, true)).toEqual({ analysis: analysisVersion(), index: indexVersion() });
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it.each(['search/postings.ts', 'search/snippet.ts', 'stories/groups.ts', 'library-stories.ts', 'library-snapshot.ts'])(
    'an edit to %s rebuilds the index from stored articles, without analysing them again',
    (file) => {
      const before = codeVersionsOf(tmp);
      edit(file);
      const after = codeVersionsOf(tmp);
      expect(after.analysis).toBe(before.analysis);
      expect(after.index).not.toBe(before.index);
    },
  );

  it.each(['quotes/attribution.ts', 'text/sentences.ts', 'articles/html/blocks.ts', 'articles/markdown.ts', 'analyse.ts', 'slug.ts'])(
    'an edit to %s analyses every article again (and so rebuilds the index too)',
    (file) => {
      const before = codeVersionsOf(tmp);
      edit(file);
      const after = codeVersionsOf(tmp);
      expect(after.analysis).not.toBe(before.analysis);
      expect(after.index).not.toBe(before.index);
    },
  );

  it.each(['summarise/index.ts', 'briefing.ts', 'library.ts'])('an edit to %s (answers, not saved data) changes neither', (file) => {
    const before = codeVersionsOf(tmp);
    edit(file);
    expect(codeVersionsOf(tmp)).toEqual(before);
  });

  it('a file the analysis newly imports joins its version', () => {
    const before = codeVersionsOf(tmp);
    fs.writeFileSync(path.join(tmp, 'text', 'brand-new.ts'), 'export const X = 1;\n');
    expect(codeVersionsOf(tmp)).toEqual(before);
    fs.appendFileSync(path.join(tmp, 'analyse.ts'), "\nimport { X } from './text/brand-new';\nvoid X;\n");
    expect(importClosure(tmp, ANALYSIS_ENTRIES)).toContain('text/brand-new.ts');
    const between = codeVersionsOf(tmp);
    fs.appendFileSync(path.join(tmp, 'text', 'brand-new.ts'), 'export const Y = 2;\n');
    expect(codeVersionsOf(tmp).analysis).not.toBe(between.analysis);
  });

  it('a change to types alone (erased from the compiled code) analyses nothing again', () => {
    const before = codeVersionsOf(tmp);
    fs.appendFileSync(path.join(tmp, 'types.ts'), '\nexport interface Unused { x: number }\n');
    fs.appendFileSync(path.join(tmp, 'article-store.ts'), '\nexport type AlsoUnused = string;\n');
    expect(codeVersionsOf(tmp).analysis).toBe(before.analysis);
    // A type that comes with code (imported as a value) is code: it counts.
    fs.writeFileSync(path.join(tmp, 'text', 'kinds.ts'), 'export type Kind = string;\nexport const KINDS = 1;\n');
    fs.appendFileSync(path.join(tmp, 'analyse.ts'), "\nimport type { Kind } from './text/kinds';\nexport type K = Kind;\n");
    const typed = codeVersionsOf(tmp);
    expect(importClosure(tmp, ANALYSIS_ENTRIES)).not.toContain('text/kinds.ts');
    fs.appendFileSync(
      path.join(tmp, 'analyse.ts'),
      "\nimport {\n  KINDS,\n  type Kind as K2,\n} from './text/kinds';\nexport const k: K2 = String(KINDS);\n",
    );
    expect(importClosure(tmp, ANALYSIS_ENTRIES)).toContain('text/kinds.ts');
    expect(codeVersionsOf(tmp).analysis).not.toBe(typed.analysis);
  });

  it('the analysis reaches the readers, quotes and text code and nothing of search or stories', () => {
    const analysis = importClosure(SRC, ANALYSIS_ENTRIES);
    for (const f of ['articles/load.ts', 'quotes/index.ts', 'text/sentences.ts', 'analyse-page.ts']) expect(analysis).toContain(f);
    expect(analysis.filter((f) => /^(search|stories|summarise)\//.test(f))).toEqual([]);
    const index = importClosure(SRC, INDEX_ENTRIES);
    for (const f of ['search/postings.ts', 'stories/model.ts', 'library-snapshot.ts']) expect(index).toContain(f);
  });

  it('a build without the record still gets versions from its own compiled files', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-version-js-'));
    try {
      fs.writeFileSync(path.join(dist, 'analyse.js'), 'const q = require("./quotes");\nmodule.exports = q;\n');
      fs.mkdirSync(path.join(dist, 'quotes'));
      fs.writeFileSync(path.join(dist, 'quotes', 'index.js'), 'module.exports = 1;\n');
      const one = codeVersionsAt(dist, true);
      fs.writeFileSync(path.join(dist, 'quotes', 'index.js'), 'module.exports = 2;\n');
      expect(codeVersionsAt(dist, true).analysis).not.toBe(one.analysis);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
