// Keeps the store in step with a content folder: by path, size and modification time (and the content's
// hash when those match but a watcher saw a change). Unchanged files are never read again; changed ones are
// analysed through a FileAnalyser (worker threads in the bot) in batches, each batch written in one
// transaction, with the event loop free between batches so the bot keeps answering and can be stopped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysedFile, ArticleWriter, SourceKey, StoredSource, LoadWarning } from '../../briefings';
import type { FileAnalyser } from './analyse-pool';
import { listContentFiles, realRoot, sameVersion, skippedName, type ContentFile } from './content-files';
import { readContentBytes } from './read';

export interface FileSyncOptions {
  contentDir: string;
  writer: ArticleWriter;
  analyser: FileAnalyser;
  /** Fingerprint of the analysis code: stored articles made by other code are analysed again. */
  analysisVersion: string;
  now?: () => Date;
  /** Files analysed and written per transaction. */
  batchSize?: number;
  /**
   * Called after each batch is written (the library catches up with the store), with the ids of the articles the
   * batch stored, in the store's order (source by source, each source's articles in their order).
   */
  onBatch?: (report: SyncReport, stored: string[]) => void | Promise<unknown>;
  /**
   * Called by a full sync once it knows what it will read, before it reads anything: `fresh` when the store held
   * no file of this folder (a first load, which reads every file: the library can be built as the batches land).
   */
  onPlan?: (plan: { fresh: boolean; files: number }) => void | Promise<unknown>;
}

export interface SyncReport {
  /** Files whose stored version was current: not read. */
  unchanged: number;
  /** Files read whose content had not changed (only their size or time was updated). */
  touched: number;
  analysed: number;
  removed: number;
  /** Folder-level problems (unreadable folders, names that are not UTF-8). */
  warnings: LoadWarning[];
  stopped: boolean;
  ms: number;
}

/**
 * Batches with the workers while this thread writes one (was 1): with several queued, neither worker waits at
 * a batch's end for the other's last file, nor for this thread to finish a write (issue 13, first load).
 */
const AHEAD = 3;

const emptyReport = (): SyncReport => ({ unchanged: 0, touched: 0, analysed: 0, removed: 0, warnings: [], stopped: false, ms: 0 });

interface Candidate {
  path: string;
  stored: StoredSource | undefined;
  /** The watcher saw a change: compare content even when size and time match. */
  verify: boolean;
}

export class FileSync {
  readonly root: string;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private chain: Promise<unknown> = Promise.resolve();
  private stopping = false;
  /** Folder-level warnings from the last full sync (and later watched changes), by file. */
  private readonly folderWarnings = new Map<string, LoadWarning>();

  constructor(private readonly opts: FileSyncOptions) {
    this.root = realRoot(opts.contentDir);
    this.batchSize = opts.batchSize ?? 100;
    this.now = opts.now ?? (() => new Date());
  }

  warnings(): LoadWarning[] {
    return [...this.folderWarnings.values()];
  }

  /** Stops between batches: what was written stays written, the rest is picked up by the next start. */
  stop(): void {
    this.stopping = true;
  }

  /** Brings every file of the folder into the store. */
  full(): Promise<SyncReport> {
    return this.serial(async () => {
      const report = emptyReport();
      const listed = listContentFiles(this.root, (file, reason) => report.warnings.push({ file, reason }));
      this.folderWarnings.clear();
      for (const w of report.warnings) this.folderWarnings.set(w.file, w);
      const stored = await this.stored();
      const candidates: Candidate[] = [];
      let listedStored = 0;
      for (const f of listed) {
        const s = stored.get(f.path);
        if (s) listedStored++;
        if (s && this.current(s, f)) report.unchanged++;
        else candidates.push({ path: f.path, stored: s, verify: false });
      }
      // Listed paths are distinct: when every stored one was listed, nothing is gone (no set of 12,000 paths to build).
      const seen = listedStored === stored.size ? null : new Set(listed.map((f) => f.path));
      const gone = seen ? [...stored.values()].filter((s) => !seen.has(s.id)) : [];
      await this.opts.writer.removeSources(gone);
      report.removed += gone.length;
      // In the store's order (by path, as text): a library built as the batches land numbers them as a build would.
      candidates.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
      await this.opts.onPlan?.({ fresh: stored.size === 0, files: candidates.length });
      await this.process(candidates, report);
      return report;
    });
  }

  /** Brings the given paths (files or folders, added, changed, moved away or removed) into the store. */
  paths(rels: string[]): Promise<SyncReport> {
    return this.serial(async () => {
      const report = emptyReport();
      const stored = await this.stored();
      const candidates = new Map<string, Candidate>();
      const gone: SourceKey[] = [];
      for (const raw of rels) {
        const rel = normalise(raw);
        if (rel === null) continue;
        this.scope(rel, stored, candidates, gone, report);
      }
      await this.opts.writer.removeSources(gone);
      report.removed += gone.length;
      await this.process([...candidates.values()], report);
      return report;
    });
  }

  /** What one watched path means: a file to check, a folder to walk, or something gone (with all under it). */
  private scope(rel: string, stored: Map<string, StoredSource>, out: Map<string, Candidate>, gone: SourceKey[], report: SyncReport): void {
    let st: fs.Stats | null;
    try {
      st = fs.lstatSync(path.join(this.root, rel));
    } catch {
      st = null;
    }
    // Everything stored under a folder path (scanning the stored list only when `rel` is not itself a known file).
    const under = (prefix: string) => {
      const own = stored.get(prefix);
      if (own) return [own];
      const start = `${prefix}/`;
      return [...stored.values()].filter((s) => s.id.startsWith(start));
    };
    if (st === null) {
      for (const s of under(rel)) gone.push(s);
      return;
    }
    if (st.isDirectory()) {
      // A folder's files are compared by size and time; only files the watcher named are also hashed.
      const listed = listContentFiles(this.root, (file, reason) => report.warnings.push({ file, reason }), rel);
      const seen = new Set(listed.map((f) => f.path));
      for (const s of under(rel)) if (!seen.has(s.id)) gone.push(s);
      for (const f of listed) {
        const s = stored.get(f.path);
        if (out.has(f.path)) continue;
        if (s && this.current(s, f)) report.unchanged++;
        else out.set(f.path, { path: f.path, stored: s, verify: false });
      }
      for (const w of report.warnings) this.folderWarnings.set(w.file, w);
      return;
    }
    out.set(rel, { path: rel, stored: stored.get(rel), verify: true });
  }

  private stored(): Promise<Map<string, StoredSource>> {
    return this.opts.writer.sources('file', this.root);
  }

  private current(s: StoredSource, f: ContentFile): boolean {
    return sameVersion(s, f) && s.analysisVersion === this.opts.analysisVersion;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Batch by batch, pipelined: while this thread writes one batch, the next `AHEAD` batches' files are read and
   * with the workers, so a worker that finishes its share of a batch always has the next file queued. Batches
   * are written in order.
   */
  private async process(candidates: Candidate[], report: SyncReport): Promise<void> {
    const started = Date.now();
    const batches: Candidate[][] = [];
    for (let i = 0; i < candidates.length; i += this.batchSize) batches.push(candidates.slice(i, i + this.batchSize));
    const inFlight: Promise<AnalysedBatch>[] = [];
    let handed = 0;
    const handNext = () => {
      const next = this.analyseBatch(batches[handed++], report);
      // Its failure surfaces when it is awaited, after the batches before it are written; until then it is not "unhandled".
      next.catch(() => undefined);
      inFlight.push(next);
    };
    while (handed < batches.length && inFlight.length < AHEAD) handNext();
    while (inFlight.length) {
      const analysed = await inFlight.shift()!;
      if (this.stopping) {
        report.stopped = true;
        break;
      }
      if (handed < batches.length) {
        handNext();
        // Reading the next batch's files took a slice of this thread; let signals and interactions in before writing.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const stored = await this.writeBatch(analysed, report);
      await this.opts.onBatch?.(report, stored);
      // Let interactions, timers and signals in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    report.ms += Date.now() - started;
  }

  private source(rel: string, size: number | null, mtimeMs: number | null, hash: string | null, warnings: LoadWarning[]): StoredSource {
    return { kind: 'file', root: this.root, id: rel, size, mtimeMs, contentHash: hash, analysisVersion: this.opts.analysisVersion, warnings };
  }

  /** Reads a batch's files and has the changed ones analysed; nothing is written yet (touches aside). */
  private async analyseBatch(candidates: Candidate[], report: SyncReport): Promise<AnalysedBatch> {
    const writes: Promise<Written | null>[] = [];
    const gone: SourceKey[] = [];
    for (const c of candidates) {
      const r = readContentBytes(this.root, c.path);
      if (r.kind === 'gone') {
        if (c.stored) gone.push(c.stored);
        continue;
      }
      if (r.kind === 'warning') {
        writes.push(Promise.resolve({ source: this.source(c.path, r.size, r.mtimeMs, null, [{ file: c.path, reason: r.reason }]), articles: [] }));
        continue;
      }
      const source = (warnings: LoadWarning[]) => this.source(c.path, r.size, r.mtimeMs, r.hash, warnings);
      if (c.stored && c.stored.contentHash === r.hash && c.stored.analysisVersion === this.opts.analysisVersion) {
        await this.opts.writer.touchSource({ ...source(c.stored.warnings) });
        report.touched++;
        continue;
      }
      writes.push(
        this.opts.analyser
          .analyse({ path: c.path, bytes: r.bytes, mtimeMs: r.mtimeMs, now: this.now().getTime() })
          .then((result) => ({ source: source(result.warnings), articles: result.articles }))
          .catch((err: Error) =>
            this.stopping ? null : { source: source([{ file: c.path, reason: `could not be analysed: ${err.message}` }]), articles: [] },
          ),
      );
    }
    const done = (await Promise.all(writes)).filter((x): x is Written => x !== null);
    return { done, gone };
  }

  /** Writes a batch; returns the ids of the articles it stored, in order. */
  private async writeBatch({ done, gone }: AnalysedBatch, report: SyncReport): Promise<string[]> {
    const ids = done.length ? await this.opts.writer.replaceSources(done) : [];
    if (gone.length) await this.opts.writer.removeSources(gone);
    report.analysed += done.length;
    report.removed += gone.length;
    return ids.flat();
  }
}

type Written = { source: StoredSource; articles: AnalysedFile['articles'] };

/** A batch analysed and ready to store: sources with their articles, and sources whose files are gone. */
interface AnalysedBatch {
  done: Written[];
  gone: SourceKey[];
}

/** A watcher's file name as a path inside the folder, or null for names that are never articles. */
function normalise(raw: string): string | null {
  // Only Windows separates with backslashes; elsewhere a backslash is part of a file's name.
  const rel = path.sep === '\\' ? raw.replace(/\\/g, '/') : raw;
  const clean = path.posix
    .normalize(rel)
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (!clean || clean === '.' || clean.startsWith('../') || clean === '..' || path.posix.isAbsolute(clean)) return null;
  if (clean.split('/').some(skippedName)) return null;
  return clean;
}
