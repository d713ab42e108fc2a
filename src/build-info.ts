// Run by `npm run build` after tsc: records the core's source fingerprint next to the compiled core, so the compiled
// bot and the TypeScript one (tsx, tests) agree on which stored analyses are current.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_VERSION_FILE, fingerprintSources } from './briefings';

/** Writes `<outDir>/analysis-version.json` with the fingerprint of the sources in srcDir; returns it. */
export function recordAnalysisVersion(srcDir: string, outDir: string): string {
  const fingerprint = fingerprintSources(srcDir);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, ANALYSIS_VERSION_FILE), JSON.stringify({ fingerprint }) + '\n');
  return fingerprint;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const fingerprint = recordAnalysisVersion(path.join(root, 'src', 'briefings'), path.join(__dirname, 'briefings'));
  process.stdout.write(`analysis version ${fingerprint}\n`);
}
