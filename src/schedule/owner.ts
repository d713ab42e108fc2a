// Who holds a claim: host, process id and a per-start random id. A claim whose holder is gone (same host,
// process not running, or the same pid after a restart — pid 1 in a container) can be taken over at once;
// one from another host only after the lease runs out.
import { randomUUID } from 'node:crypto';
import os from 'node:os';

export const CLAIM_LEASE_MS = 10 * 60_000;

export function newOwner(): string {
  return `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

export function ownerIsGone(owner: string, me: string): boolean {
  if (owner === me) return false;
  const [host, pidText] = owner.split('/');
  const [myHost, myPid] = me.split('/');
  if (host !== myHost) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (String(pid) === myPid) return true; // same pid, different start: the holder was an earlier life of this process
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Whether a claim held by `owner` since `claimedAt` may be taken over by `me` at `now`. */
export function claimIsStale(owner: string, claimedAt: string, me: string, now: Date, leaseMs = CLAIM_LEASE_MS): boolean {
  if (owner === me) return false;
  return ownerIsGone(owner, me) || now.getTime() - Date.parse(claimedAt) >= leaseMs;
}
