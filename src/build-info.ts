// Run by `npm run build` after tsc: records the core's code versions (analysis and index) next to the compiled
// core, so the compiled bot and the TypeScript one (tsx, tests) agree on which stored analyses and saved indexes
// are current.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_VERSION_FILE, codeVersionsOf } from './briefings';

/** Writes `<outDir>/analysis-version.json` with the versions of the sources in srcDir; returns the analysis one. */
export function recordAnalysisVersion(srcDir: string, outDir: string): string {
  const { analysis, index } = codeVersionsOf(srcDir);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, ANALYSIS_VERSION_FILE), JSON.stringify({ fingerprint: analysis, index }) + '\n');
  return analysis;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const fingerprint = recordAnalysisVersion(path.join(root, 'src', 'briefings'), path.join(__dirname, 'briefings'));
  process.stdout.write(`analysis version ${fingerprint}\n`);
}
