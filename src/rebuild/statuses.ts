// Which of this action's own commit statuses need posting: pure, desired against what the
// GraphQL read already reported, so a run that changes nothing posts nothing (each POST is paced
// at one per second: 30 unchanged PRs used to cost 30 s).
import { fitStatusDescription } from '../io/github-rules.js';
import type { PullRequestInfo } from './types.js';

export interface CommitStatusState {
  state: string;
  description: string | null;
}

/** The `context` status on each PR's checked commit, keyed by that commit's SHA. */
export function currentStatuses(
  pullRequests: PullRequestInfo[],
  context: string
): Map<string, CommitStatusState> {
  const current = new Map<string, CommitStatusState>();
  for (const pr of pullRequests) {
    for (const c of pr.checks) {
      if (c.kind !== 'status' || c.name !== context) continue;
      current.set(pr.checksOid, { state: c.state, description: c.description ?? null });
    }
  }
  return current;
}

/**
 * True when posting `desired` would change nothing GitHub shows: same state (GraphQL spells it
 * SUCCESS, REST success) and the same description as GitHub stores it (cut to 140 characters).
 * The target URL is not compared: it names the run that last changed the status.
 */
export function statusUnchanged(
  current: CommitStatusState | undefined,
  desired: { state: string; description: string }
): boolean {
  return (
    current !== undefined &&
    current.state.toLowerCase() === desired.state.toLowerCase() &&
    current.description === fitStatusDescription(desired.description)
  );
}
