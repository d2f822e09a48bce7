// What a Job's status means, read the way kubectl and the Job controller read it: pure functions
// of the objects the API server returns.
import type { V1Job, V1Pod } from '@kubernetes/client-node';

export type JobOutcome = 'succeeded' | 'failed' | 'running';

function condition(job: V1Job, type: string): { reason?: string; message?: string } | null {
  return job.status?.conditions?.find(c => c.type === type && c.status === 'True') ?? null;
}

/** Complete (or SuccessCriteriaMet) → succeeded; Failed (or FailureTarget) → failed; else running. */
export function jobOutcome(job: V1Job): JobOutcome {
  if (condition(job, 'Complete') ?? condition(job, 'SuccessCriteriaMet')) return 'succeeded';
  if (condition(job, 'Failed') ?? condition(job, 'FailureTarget')) return 'failed';
  return 'running';
}

function time(value: Date | string | undefined): number {
  return value === undefined ? 0 : new Date(value).getTime();
}

/** The most recently created Job (ties: the later name), or null. */
export function latestJob(jobs: readonly V1Job[]): V1Job | null {
  let latest: V1Job | null = null;
  for (const job of jobs) {
    const [a, b] = [
      time(job.metadata?.creationTimestamp),
      time(latest?.metadata?.creationTimestamp)
    ];
    if (
      !latest ||
      a > b ||
      (a === b && (job.metadata?.name ?? '') > (latest.metadata?.name ?? ''))
    ) {
      latest = job;
    }
  }
  return latest;
}

/** The name of the CronJob that owns the Job, or null. */
export function owningCronJob(job: V1Job): string | null {
  return job.metadata?.ownerReferences?.find(o => o.kind === 'CronJob')?.name ?? null;
}

/**
 * Why a Job failed, one line each: the Job's Failed condition, then every container of its pods
 * that ended badly (exit code, reason, message) or cannot start (ImagePullBackOff, ...).
 */
export function failureReasons(job: V1Job, pods: readonly V1Pod[]): string[] {
  const reasons: string[] = [];
  const failed = condition(job, 'Failed');
  if (failed) reasons.push([failed.reason, failed.message].filter(Boolean).join(': ') || 'Failed');
  const sorted = [...pods].sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')
  );
  for (const pod of sorted) {
    const statuses = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? [])
    ];
    for (const status of statuses) {
      const ended = status.state?.terminated ?? status.lastState?.terminated;
      const waiting = status.state?.waiting;
      let what: string | null = null;
      if (ended && ended.exitCode !== 0) {
        what = `exited ${ended.exitCode}${ended.reason ? ` (${ended.reason})` : ''}${ended.message ? `: ${ended.message.trim()}` : ''}`;
      } else if (
        waiting?.reason &&
        waiting.reason !== 'ContainerCreating' &&
        waiting.reason !== 'PodInitializing'
      ) {
        what = `${waiting.reason}${waiting.message ? `: ${waiting.message.trim()}` : ''}`;
      }
      if (what) reasons.push(`pod ${pod.metadata?.name ?? '?'}, container ${status.name}: ${what}`);
    }
    if (statuses.length === 0 && pod.status?.reason) {
      reasons.push(
        `pod ${pod.metadata?.name ?? '?'}: ${pod.status.reason}${pod.status.message ? `: ${pod.status.message}` : ''}`
      );
    }
  }
  return reasons;
}
