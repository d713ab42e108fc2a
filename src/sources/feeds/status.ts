// One line per feed for `/sources list` and `briefbot fetch`: healthy, failing (why, next try) or disabled (why).
import type { FeedState } from './state';

function ago(fromIso: string, nowMs: number): string {
  const mins = Math.max(0, Math.round((nowMs - Date.parse(fromIso)) / 60_000));
  return mins < 60 ? `${mins} min` : mins < 48 * 60 ? `${Math.round(mins / 60)} h` : `${Math.round(mins / 1440)} days`;
}

export function describeFeedState(state: FeedState, nowMs: number): string {
  if (state.disabledReason) return `${state.disabledReason} — re-add the source to try again`;
  if (state.lastError) {
    const next = state.nextDueAt ? `; next try in ${ago(new Date(nowMs).toISOString(), Date.parse(state.nextDueAt))}` : '';
    return `failing (${state.failures}×): ${state.lastError}${next}`;
  }
  if (!state.lastSuccessAt) return 'not fetched yet';
  const warn = state.warnings.length ? ` (${state.warnings.join('; ')})` : '';
  return `ok, checked ${ago(state.lastSuccessAt, nowMs)} ago${warn}`;
}
