// A later version of an already-posted story: its post in the channel is edited (PATCH) to add the new outlets
// to "also reported by", at most once per (channel, article): the edit is claimed in the ledger like a post,
// and recorded with the post's grown job in one write, so a restart neither edits twice nor forgets an outlet.
// An edit sends the whole message again, so repeating one cut short by a crash changes nothing.
import { liveMarker, liveNonce } from './marker';
import { editWithRetry, SendFailure, ShutdownError, type SendDeps } from './send';
import type { ArticleJob, ArticleLookup, EditJob, LiveLedgerPort, LiveRecord, OtherReport } from './types';

export interface EditDeps {
  ledger: LiveLedgerPort;
  articles: ArticleLookup;
  owner: string;
  now: () => Date;
  logger: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

export type EditOutcome = 'edited' | 'unchanged' | 'dropped' | 'deferred';

/** The outlets of `reports` the post does not name yet. */
function newOutlets(job: ArticleJob, reports: readonly OtherReport[]): OtherReport[] {
  const known = new Set([job.source, ...job.alsoReportedBy.map((r) => r.source)]);
  return reports.filter((r) => !known.has(r.source) && Boolean(known.add(r.source)));
}

/** Runs one edit claim we hold. Send failures come back as outcomes, recorded in the ledger. */
export async function runEdit(deps: EditDeps, send: SendDeps, record: LiveRecord, job: EditJob): Promise<EditOutcome> {
  const { ledger, owner } = deps;
  const { channelId } = record;
  const target = await ledger.get(channelId, job.targetKey);
  const postJob = target?.job?.kind === 'article' ? target.job : null;
  if (!target || !postJob || target.status !== 'posted' || !target.messageId || postJob.messageGone) {
    await ledger.failed(channelId, record.key, owner, 'the story’s post is not there to edit');
    return 'dropped';
  }
  const added = newOutlets(postJob, job.reports);
  const next: ArticleJob = { ...postJob, alsoReportedBy: [...postJob.alsoReportedBy, ...added] };
  if (added.length) {
    const found = await deps.articles(postJob.articleId);
    if (!found) {
      await ledger.failed(channelId, record.key, owner, 'the story’s post’s article is no longer in the library');
      return 'dropped';
    }
    // The post shows the outlet it was posted under, whatever name a lookup after a restart would give.
    const article = postJob.source ? { ...found, source: postJob.source } : found;
    const marker = liveMarker(channelId, target.key);
    const message = { kind: 'article' as const, marker, nonce: liveNonce(channelId, target.key), article, alsoReportedBy: next.alsoReportedBy };
    try {
      await editWithRetry(send, channelId, target.messageId, message);
    } catch (error) {
      return editFailed(deps, record, { key: target.key, job: postJob }, error);
    }
  }
  await ledger.edited(channelId, record.key, owner, target.messageId, { key: target.key, job: next }, deps.now());
  deps.logger.info({ channelId, key: record.key, messageId: target.messageId, added: added.map((r) => r.source) }, 'live post edited');
  return added.length ? 'edited' : 'unchanged';
}

async function editFailed(deps: EditDeps, record: LiveRecord, target: { key: string; job: ArticleJob }, error: unknown): Promise<EditOutcome> {
  const { ledger, owner, logger } = deps;
  const { channelId, key } = record;
  if (error instanceof ShutdownError) return 'deferred';
  const failure = error instanceof SendFailure ? error : new SendFailure('unknown', String(error));
  if (failure.kind === 'transient') {
    // Kept claimed: the next round resumes it.
    await ledger.noteAttempt(channelId, key, owner, failure.reason);
    logger.warn({ channelId, key, reason: failure.reason }, 'live post edit deferred to the next round');
    return 'deferred';
  }
  await ledger.failed(channelId, key, owner, failure.reason);
  // 404: the post was deleted (or its channel; the next post finds that out). Later versions are not tried on it.
  if (failure.kind === 'gone') await ledger.setJob(channelId, target.key, { ...target.job, messageGone: true });
  logger.warn({ channelId, key, reason: failure.reason }, 'live post edit failed');
  return 'dropped';
}
