// Two fingerprints of the core's code, each the hash of the TypeScript sources that produce one kind of saved data:
// - the analysis version: the code that turns a file or page into a stored Article (readers, quotes, text, and
//   whatever they import). Other code means every stored article is read again (minutes at 100,000).
// - the index version: the code that builds the saved search index and story grouping from stored articles
//   (search/, stories/, the library's record). Other code means only the index and stories are rebuilt.
// Each is the hash of the files its entry points import, followed through relative imports, so an edit to the
// search code does not re-analyse the store, and an edit anywhere the analysis reaches does.
// The compiled dist/ reads the hashes the build recorded from the same sources (ANALYSIS_VERSION_FILE), so switching
// between `npm run dev` and `npm start` keeps both.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Written by the build next to the compiled core: `{ "fingerprint": "…", "index": "…" }`. */
export const ANALYSIS_VERSION_FILE = 'analysis-version.json';

/** What produces stored articles: the file and page analysers (the library splits sentences with analyse.ts). */
export const ANALYSIS_ENTRIES = ['analyse-file.ts', 'analyse-page.ts', 'analyse.ts'];
/** What produces the saved index and stories from stored articles. */
export const INDEX_ENTRIES = ['search/index.ts', 'stories/index.ts', 'stories/snapshot.ts', 'library-stories.ts', 'library-snapshot.ts'];

export interface CodeVersions {
  analysis: string;
  index: string;
}

/** Static imports and re-exports (`import … from './x'`, `export … from './x'`, `import './x'`), whole statements. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+([^'";]*?)\s*(?:from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
/** Imports at run time: `import('./x')`, `require('./x')` (compiled code and lazy loads). */
const DYNAMIC_IMPORT = /\b(?:import|require)\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Whether an import statement's clause names types only (`type { A }`, `{ type A, type B }`): erased, no code. */
function typesOnly(clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  const names = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!names) return false;
  const specifiers = names[1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return specifiers.length > 0 && specifiers.every((n) => n.startsWith('type '));
}

/** The relative modules a source file loads code from (type-only imports change no output, so they do not count). */
function codeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(STATIC_IMPORT)) if (!typesOnly(m[1])) out.push(m[2]);
  for (const m of text.matchAll(DYNAMIC_IMPORT)) out.push(m[1]);
  return out;
}

function resolveSource(fromFile: string, spec: string, ext: string): string | null {
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, ''));
  for (const candidate of [base + ext, path.join(base, 'index' + ext)]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

/**
 * Every source file under root the entries load code from through relative imports, entries included, as sorted
 * relative paths. Type-only imports are left out: a change to a type cannot change what the code produces.
 */
export function importClosure(root: string, entries: readonly string[], ext = '.ts'): string[] {
  const seen = new Set<string>();
  const pending = entries.map((e) => path.resolve(root, e.replace(/\.ts$/, ext))).filter((f) => fs.existsSync(f));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of codeImports(fs.readFileSync(file, 'utf8'))) {
      const target = resolveSource(file, spec, ext);
      if (target && !path.relative(root, target).startsWith('..') && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
}

function hashFiles(root: string, rels: readonly string[], salt = ''): string {
  const hash = crypto.createHash('sha1').update(salt);
  for (const rel of rels) hash.update(rel).update(fs.readFileSync(path.join(root, rel)));
  return hash.digest('hex').slice(0, 16);
}

/** Both versions of the sources in dir (`src/briefings`); the index version includes the analysis one. */
export function codeVersionsOf(dir: string, ext = '.ts'): CodeVersions {
  const analysis = hashFiles(dir, importClosure(dir, ANALYSIS_ENTRIES, ext));
  return { analysis, index: hashFiles(dir, importClosure(dir, INDEX_ENTRIES, ext), analysis) };
}

/** The versions for code in moduleDir: the recorded ones when compiled, else the hashes of its sources. */
export function codeVersionsAt(moduleDir: string, compiled: boolean): CodeVersions {
  if (!compiled) return codeVersionsOf(moduleDir);
  try {
    const recorded = JSON.parse(fs.readFileSync(path.join(moduleDir, ANALYSIS_VERSION_FILE), 'utf8')) as { fingerprint?: unknown; index?: unknown };
    const { fingerprint, index } = recorded;
    if (typeof fingerprint === 'string' && fingerprint && typeof index === 'string' && index) return { analysis: fingerprint, index };
  } catch {
    // A build without the record (tsc run by hand): fall back to the compiled files, still stable for that build.
  }
  return codeVersionsOf(moduleDir, '.js');
}

/** The analysis version of the code in moduleDir (see codeVersionsAt). */
export function analysisVersionOf(moduleDir: string, compiled: boolean): string {
  return codeVersionsAt(moduleDir, compiled).analysis;
}

let memo: CodeVersions | null = null;

function versions(): CodeVersions {
  memo ??= codeVersionsAt(__dirname, __filename.endsWith('.js'));
  return memo;
}

/** The version of the code that analyses files and pages into stored articles. */
export function analysisVersion(): string {
  return versions().analysis;
}

/** The version of the code that builds the saved search index and stories from stored articles. */
export function indexVersion(): string {
  return versions().index;
}
