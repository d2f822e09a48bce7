// Where a staged CronJob came from, on the object itself: the commit, the stage branch, the
// workflow run and when it was deployed (its production CronJob is SOURCE_ANNOTATION), so a person
// looking at the cluster can trace it without this action's summary.
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { StagedCronJob } from './manifests.js';

export const COMMIT_ANNOTATION = 'staging-action/commit';
export const BRANCH_ANNOTATION = 'staging-action/branch';
export const RUN_URL_ANNOTATION = 'staging-action/run-url';
export const DEPLOYED_AT_ANNOTATION = 'staging-action/deployed-at';

export interface Trace {
  /** The staged commit (40 hex); null when unknown (a local run given only a docker-image). */
  commit: string | null;
  /** The stage branch, stage/{dataset_id}/v{version}. */
  branch: string;
  /** The workflow run that deployed it; null outside GitHub Actions. */
  runUrl: string | null;
}

/** The trace annotations, without the deploy time (see stampDeployTime); unknown ones left out. */
export function traceAnnotations(trace: Trace): Record<string, string> {
  return {
    ...(trace.commit === null ? {} : { [COMMIT_ANNOTATION]: trace.commit }),
    [BRANCH_ANNOTATION]: trace.branch,
    ...(trace.runUrl === null ? {} : { [RUN_URL_ANNOTATION]: trace.runUrl })
  };
}

/**
 * When this CronJob's commit was deployed: the live object's time when it already runs the same
 * commit, else `now`. A fresh time on every apply would make re-running a deploy (a re-run
 * workflow, a second push of the same commit) change every object: the API server would no longer
 * treat the apply as a no-op, and status and sweep, which date a staged version by its last
 * change, would call a version re-run yesterday new. Kept, a redeploy of the same commit leaves
 * the objects as they were; a new commit always gets a new time.
 */
export function deployTime(
  live: V1ObjectMeta | undefined,
  commit: string | null,
  now: Date
): string {
  const previous = live?.annotations?.[DEPLOYED_AT_ANNOTATION];
  const sameCommit = commit !== null && live?.annotations?.[COMMIT_ANNOTATION] === commit;
  if (sameCommit && previous !== undefined && !Number.isNaN(Date.parse(previous))) return previous;
  return now.toISOString();
}

/** The staged CronJobs with their deploy time annotated (see deployTime), live ones by name. */
export function stampDeployTime(
  staged: readonly StagedCronJob[],
  live: ReadonlyArray<{ metadata?: V1ObjectMeta }>,
  commit: string | null,
  now: Date
): StagedCronJob[] {
  return staged.map(s => {
    const current = live.find(c => c.metadata?.name === s.name)?.metadata;
    const manifest = structuredClone(s.manifest);
    manifest.metadata = {
      ...manifest.metadata,
      annotations: {
        ...manifest.metadata?.annotations,
        [DEPLOYED_AT_ANNOTATION]: deployTime(current, commit, now)
      }
    };
    return { ...s, manifest };
  });
}
