import { DEFAULT_NAME_PREFIX, type StagingConfig } from '../dataset/config.js';
import { stagingSelector } from '../dataset/labels.js';
import { cronJobName, deriveKind, MAX_CRONJOB_NAME } from '../dataset/names.js';
import { stageBranchName, type DatasetId, type Version } from '../dataset/ref.js';
import { loadConfig, productionCronJobs, resolveNamespace } from '../dataset/sources.js';
import { storePath } from '../dataset/store.js';
import type { GitHub } from '../io/github.js';
import { deleteMonitor, monitorSlug } from '../io/sentry.js';
import type { CronJobClient } from '../kube/client.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import type { CleanupSettings } from './settings.js';

export interface CleanupDeps {
  github: GitHub;
  /** The cluster's CronJobs; called after validation. */
  cronJobs: () => CronJobClient | Promise<CronJobClient>;
}

export type RowResult = 'deleted' | 'already gone' | 'would delete';

export interface CleanupRow {
  resource: 'CronJob' | 'Sentry monitor' | 'Branch';
  name: string;
  result: RowResult;
}

export type CleanupResult =
  | { kind: 'not-a-stage-branch'; ref: string }
  | {
      kind: 'cleaned';
      datasetId: DatasetId;
      version: Version;
      namespace: string;
      store: string | null;
      prefix: string;
      rows: CleanupRow[];
    };

type Target = Extract<CleanupSettings, { notAStageBranch: null }>;

/** Every CronJob name to delete: the union of both lists, sorted, without duplicates. */
export function cleanupTargets(labelled: readonly string[], computed: readonly string[]): string[] {
  return [...new Set([...labelled, ...computed])].sort();
}

/** Kinds the config's production CronJobs would stage: the fallback for unlabelled CronJobs. */
async function computedNames(settings: Target, config: StagingConfig | null): Promise<string[]> {
  const dataset = config?.datasets[settings.datasetId];
  if (!config || !dataset) return [];
  try {
    const production = await productionCronJobs(settings.workspace, dataset);
    return production
      .map(p =>
        cronJobName({
          prefix: config.namePrefix,
          datasetId: settings.datasetId,
          version: settings.version,
          kind: deriveKind(p.cronJob.metadata?.name ?? '', settings.datasetId)
        })
      )
      .filter(name => name.length <= MAX_CRONJOB_NAME);
  } catch (error) {
    log.warning(
      `Could not compute CronJob names from the config (${errorMessage(error)}); deleting by label only.`
    );
    return [];
  }
}

/** GitHub's message ("Resource not accessible by integration") names neither branch nor fix. */
async function deleteBranch(github: GitHub, branch: string, done: CleanupRow[]): Promise<boolean> {
  try {
    return await github.deleteBranch(branch);
  } catch (error) {
    const status = (error as { status?: number }).status;
    const deletedSoFar = done.filter(r => r.result === 'deleted').length;
    const hint =
      status === 403 || status === 401
        ? ' The token needs contents: write (permissions: contents: write in the workflow).'
        : '';
    throw new Error(
      `Could not delete the branch ${branch} through the GitHub API: ${errorMessage(error)}.${hint} ` +
        `${deletedSoFar} other resource(s) were deleted; run cleanup again once this is fixed.`,
      { cause: error }
    );
  }
}

export async function runCleanup(
  settings: CleanupSettings,
  deps: CleanupDeps
): Promise<CleanupResult> {
  if (settings.notAStageBranch !== null) {
    log.notice(
      `Deleted ref '${settings.notAStageBranch}' is not a stage/{dataset_id}/v{version} branch: nothing to clean up.`
    );
    return { kind: 'not-a-stage-branch', ref: settings.notAStageBranch };
  }
  const { datasetId, version } = settings;
  const branch = stageBranchName(datasetId, version);
  const config = await loadConfig(settings.workspace, settings.config);
  const namespace = resolveNamespace(settings.namespace, config);
  if (!config)
    log.info(`No ${settings.config}: deleting CronJobs by label in namespace ${namespace}.`);
  const dataset = config?.datasets[datasetId];
  const store =
    config?.store && dataset
      ? storePath(config.store, datasetId, version, dataset.storeExtension)
      : null;
  const client = await deps.cronJobs();

  const targets = await log.group('Find staged CronJobs', async () => {
    const labelled = (await client.list(namespace, stagingSelector(datasetId, version))).map(
      c => c.metadata?.name ?? ''
    );
    const computed = await computedNames(settings, config);
    log.info(
      `By label: ${labelled.join(', ') || 'none'}; by name: ${computed.join(', ') || 'none'}`
    );
    return cleanupTargets(
      labelled.filter(n => n !== ''),
      computed
    );
  });

  const rows: CleanupRow[] = [];
  const gone = (deleted: boolean): RowResult =>
    settings.dryRun ? 'would delete' : deleted ? 'deleted' : 'already gone';
  await log.group('Delete CronJobs', async () => {
    for (const name of targets) {
      const deleted = settings.dryRun || (await client.delete(namespace, name));
      rows.push({ resource: 'CronJob', name, result: gone(deleted) });
    }
  });
  const sentry = settings.sentry;
  if (sentry) {
    await log.group('Delete Sentry cron monitors', async () => {
      for (const slug of [...new Set(targets.map(monitorSlug))]) {
        const deleted = settings.dryRun || (await deleteMonitor(sentry, slug)) === 'deleted';
        rows.push({ resource: 'Sentry monitor', name: slug, result: gone(deleted) });
      }
    });
  }
  if (!settings.dryRun && !rows.some(r => r.resource === 'CronJob' && r.result === 'deleted')) {
    // Either a second cleanup, or the CronJobs live in a namespace this run was not told about.
    log.warning(
      `No staged CronJob of ${datasetId} ${version} was found in namespace ${namespace}. If deploy used another namespace, run cleanup with that namespace.`
    );
  }
  // The branch goes last: if anything above failed, a rerun still finds it.
  const deleted = settings.dryRun || (await deleteBranch(deps.github, branch, rows));
  rows.push({ resource: 'Branch', name: branch, result: gone(deleted) });
  for (const r of rows) log.info(`${r.resource} ${r.name}: ${r.result}`);

  return {
    kind: 'cleaned',
    datasetId,
    version,
    namespace,
    store,
    prefix: config?.namePrefix ?? DEFAULT_NAME_PREFIX,
    rows
  };
}
