// The trigger run: a Job from each selected staged CronJob, and with `wait`, follow them to the end.
import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { ValidationError, quote } from '../dataset/errors.js';
import { stagedKind, stagingSelector } from '../dataset/labels.js';
import { stageBranchName } from '../dataset/ref.js';
import { loadConfig, resolveNamespace } from '../dataset/sources.js';
import { failureReasons, jobOutcome } from '../kube/job-state.js';
import type { Cluster } from '../kube/client.js';
import { log } from '../log.js';
import { manualJob, nameSuffix } from './job.js';
import type { TriggerSettings } from './settings.js';

export interface TriggerDeps {
  cluster: () => Cluster | Promise<Cluster>;
  /** Time between two looks at the Jobs while waiting. */
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

export type Outcome = 'created' | 'would create' | 'succeeded' | 'failed' | 'timed out';

export interface TriggerRow {
  name: string;
  cronJob: string;
  kind: string;
  outcome: Outcome;
  /** Why it failed (or what held it up when the time ran out). */
  reasons: string[];
}

export interface TriggerResult {
  namespace: string;
  rows: TriggerRow[];
}

/** The staged CronJobs to run: by labels, of one kind or all; errors say what is there instead. */
export function selectCronJobs(
  cronJobs: readonly V1CronJob[],
  settings: Pick<TriggerSettings, 'datasetId' | 'version' | 'kind'>,
  namespace: string
): V1CronJob[] {
  const what = `${settings.datasetId} ${settings.version}`;
  if (cronJobs.length === 0) {
    throw new ValidationError(
      `No staged CronJobs of ${what} in namespace ${namespace}. Deploy it first (push ${stageBranchName(settings.datasetId, settings.version)}), or pass the namespace it was deployed to.`
    );
  }
  const kindOf = (c: V1CronJob): string => stagedKind(c.metadata);
  const selected =
    settings.kind === null ? [...cronJobs] : cronJobs.filter(c => kindOf(c) === settings.kind);
  if (selected.length === 0) {
    const kinds = [...new Set(cronJobs.map(kindOf))].sort().join(', ');
    throw new ValidationError(
      `${what} has no staged CronJob of kind ${quote(settings.kind ?? '')} in namespace ${namespace}; its kinds: ${kinds}.`
    );
  }
  return selected.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

async function follow(
  cluster: Cluster,
  namespace: string,
  rows: TriggerRow[],
  settings: TriggerSettings,
  deps: TriggerDeps
): Promise<void> {
  const deadline = deps.now() + (settings.waitMs ?? 0);
  let pending = rows.filter(r => r.outcome === 'created');
  while (pending.length > 0) {
    for (const row of pending) {
      const job = await cluster.jobs.get(namespace, row.name);
      if (job === null) {
        row.outcome = 'failed';
        row.reasons = ['the Job was deleted before it finished'];
        continue;
      }
      const outcome = jobOutcome(job);
      if (outcome === 'running') continue;
      row.outcome = outcome;
      if (outcome === 'failed') row.reasons = await reasons(cluster, namespace, job);
      log.info(`${row.name}: ${outcome}`);
    }
    pending = pending.filter(r => r.outcome === 'created');
    const left = deadline - deps.now();
    if (pending.length === 0) break;
    if (left <= 0) {
      for (const row of pending) {
        row.outcome = 'timed out';
        const job = await cluster.jobs.get(namespace, row.name);
        row.reasons = job ? await reasons(cluster, namespace, job) : [];
        log.info(`${row.name}: still running when the wait ran out`);
      }
      break;
    }
    await deps.sleep(Math.min(deps.pollMs, left));
  }
}

async function reasons(cluster: Cluster, namespace: string, job: V1Job): Promise<string[]> {
  return failureReasons(job, await cluster.jobs.pods(namespace, job.metadata?.name ?? ''));
}

export async function runTrigger(
  settings: TriggerSettings,
  deps: TriggerDeps
): Promise<TriggerResult> {
  const config = await loadConfig(settings.workspace, settings.config);
  const namespace = resolveNamespace(settings.namespace, config);
  const cluster = await deps.cluster();
  const found = await cluster.cronJobs.list(
    namespace,
    stagingSelector(settings.datasetId, settings.version)
  );
  const selected = selectCronJobs(found, settings, namespace);

  const rows: TriggerRow[] = [];
  await log.group(
    settings.dryRun ? 'Create Jobs (server-side dry run)' : 'Create Jobs',
    async () => {
      for (const cronJob of selected) {
        const job = manualJob(cronJob, nameSuffix(deps.random));
        const created = await cluster.jobs.create(job, { dryRun: settings.dryRun });
        const name = created.metadata?.name ?? job.metadata?.name ?? '';
        log.info(
          `${name}: ${settings.dryRun ? 'would create' : 'created'} from ${cronJob.metadata?.name}`
        );
        rows.push({
          name,
          cronJob: cronJob.metadata?.name ?? '',
          kind: stagedKind(cronJob.metadata),
          outcome: settings.dryRun ? 'would create' : 'created',
          reasons: []
        });
      }
    }
  );
  if (settings.waitMs !== null && !settings.dryRun) {
    await log.group('Wait for the Jobs', () => follow(cluster, namespace, rows, settings, deps));
  }
  return { namespace, rows };
}
