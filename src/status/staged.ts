// The staged versions of a namespace, as plain data: the staged CronJobs (found by labels) grouped
// by dataset and version, each with its runs, the branch and whether the default branch carries
// the version. Pure: the objects and facts come in, the inventory status and sweep read goes out.
import type { V1CronJob, V1Job, V1ObjectMeta } from '@kubernetes/client-node';
import { stagedIdentity } from '../dataset/labels.js';
import { COMMIT_ANNOTATION } from '../dataset/trace.js';
import {
  datasetIdProblem,
  stageBranchName,
  versionProblem,
  type DatasetId,
  type Version
} from '../dataset/ref.js';
import { jobOutcome, latestJob, owningCronJob, type JobOutcome } from '../kube/job-state.js';
import { FIELD_MANAGER } from '../kube/rules.js';

export interface StagedCronJobStatus {
  name: string;
  kind: string;
  schedule: string;
  suspended: boolean;
  lastScheduleTime: string | null;
  lastSuccessfulTime: string | null;
  /** Jobs running now (the CronJob's status.active). */
  active: number;
  latestJob: { name: string; outcome: JobOutcome } | null;
  /** The images of its containers (init containers, such as sidecars, left out). */
  image: string;
  /** The commit the image was built from, when its tag is a full SHA; else the staged commit. */
  commit: string | null;
  /** When staging-action last applied it (its managedFields), else when it was created. */
  deployedAt: string | null;
}

export interface StagedVersion {
  datasetId: DatasetId;
  version: Version;
  branch: string;
  /** Whether `branch` exists; null when it could not be read. */
  branchExists: boolean | null;
  /** The default branch's version of the dataset; null when unknown or it has none. */
  defaultVersion: string | null;
  /** Whether the default branch carries this version; null when that could not be read. */
  promoted: boolean | null;
  /** The latest deploy of any of its CronJobs. */
  deployedAt: string | null;
  cronJobs: StagedCronJobStatus[];
}

/** What the default branch says about one dataset: its version, or why it is unknown. */
export type DefaultVersion = { version: string | null } | { unknown: string };

export interface InventoryInput {
  cronJobs: readonly V1CronJob[];
  jobs: readonly V1Job[];
  /** Every existing branch under stage/ (names without refs/heads/); null: not readable. */
  branches: ReadonlySet<string> | null;
  /** Per dataset id; a dataset missing here is unknown. */
  defaultVersions: ReadonlyMap<string, DefaultVersion>;
}

/** RFC 3339 to the second, whether client-node gave a Date or the server's string. */
export function timestamp(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function deployedAt(metadata: V1ObjectMeta | undefined): string | null {
  const applies = (metadata?.managedFields ?? [])
    .filter(m => m.manager === FIELD_MANAGER && m.time !== undefined)
    .map(m => timestamp(m.time))
    .filter((t): t is string => t !== null)
    .sort();
  return applies.at(-1) ?? timestamp(metadata?.creationTimestamp);
}

function cronJobStatus(
  cronJob: V1CronJob,
  kind: string,
  jobs: readonly V1Job[]
): StagedCronJobStatus {
  const name = cronJob.metadata?.name ?? '';
  const images = [
    ...new Set(
      (cronJob.spec?.jobTemplate.spec?.template.spec?.containers ?? []).map(c => c.image ?? '')
    )
  ].filter(i => i !== '');
  // The tag says what runs; the annotation (deploy's commit) covers images tagged otherwise.
  const annotated = cronJob.metadata?.annotations?.[COMMIT_ANNOTATION];
  const commit =
    images.map(i => /:([0-9a-f]{40})$/.exec(i)?.[1]).find(c => c !== undefined) ??
    (annotated !== undefined && /^[0-9a-f]{40}$/.test(annotated) ? annotated : undefined);
  const latest = latestJob(jobs.filter(j => owningCronJob(j) === name));
  return {
    name,
    kind,
    schedule: cronJob.spec?.schedule ?? '',
    suspended: cronJob.spec?.suspend === true,
    lastScheduleTime: timestamp(cronJob.status?.lastScheduleTime),
    lastSuccessfulTime: timestamp(cronJob.status?.lastSuccessfulTime),
    active: cronJob.status?.active?.length ?? 0,
    latestJob: latest ? { name: latest.metadata?.name ?? '', outcome: jobOutcome(latest) } : null,
    image: images.join(', '),
    commit: commit ?? null,
    deployedAt: deployedAt(cronJob.metadata)
  };
}

/**
 * Groups the staged CronJobs by dataset version, sorted by dataset id then version then name.
 * CronJobs whose labels do not name a valid dataset id and version are left out (and returned in
 * `unlabelled`): they are not this action's to report or retire.
 */
export function groupStaged(input: InventoryInput): {
  versions: StagedVersion[];
  unlabelled: string[];
} {
  const groups = new Map<string, StagedVersion>();
  const unlabelled: string[] = [];
  for (const cronJob of input.cronJobs) {
    const identity = stagedIdentity(cronJob.metadata);
    if (!identity || datasetIdProblem(identity.datasetId) || versionProblem(identity.version)) {
      unlabelled.push(cronJob.metadata?.name ?? '');
      continue;
    }
    const datasetId = identity.datasetId as DatasetId;
    const version = identity.version as Version;
    const key = `${datasetId}\0${version}`;
    let group = groups.get(key);
    if (!group) {
      const branch = stageBranchName(datasetId, version);
      const known = input.defaultVersions.get(datasetId);
      const defaultVersion = known && 'version' in known ? known.version : null;
      group = {
        datasetId,
        version,
        branch,
        branchExists: input.branches ? input.branches.has(branch) : null,
        defaultVersion,
        promoted: known && 'version' in known ? known.version === version : null,
        deployedAt: null,
        cronJobs: []
      };
      groups.set(key, group);
    }
    group.cronJobs.push(cronJobStatus(cronJob, identity.kind, input.jobs));
  }
  const versions = [...groups.values()].sort((a, b) =>
    a.datasetId === b.datasetId ? compare(a.version, b.version) : compare(a.datasetId, b.datasetId)
  );
  for (const group of versions) {
    group.cronJobs.sort((a, b) => compare(a.name, b.name));
    group.deployedAt =
      group.cronJobs
        .map(c => c.deployedAt)
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? null;
  }
  return { versions, unlabelled: unlabelled.sort() };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
