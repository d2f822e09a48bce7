import { DEFAULT_NAME_PREFIX, type StagingConfig } from '../dataset/config.js';
import { stagingSelector } from '../dataset/labels.js';
import type { Dataset } from '../dataset/catalog.js';
import { stagedNamesOf } from '../dataset/manifests.js';
import { stageBranchName, type DatasetId, type Version } from '../dataset/ref.js';
import { loadConfig, loadDatasets, productionCronJobs } from '../dataset/sources.js';
import { resolveNamespace } from '../dataset/sources.js';
import { storePaths } from '../dataset/store.js';
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
      /** The store paths left in place (replicas included); empty without a configured store. */
      stores: string[];
      prefix: string;
      rows: CleanupRow[];
    };

type Target = Extract<CleanupSettings, { notAStageBranch: null }>;

/** Every CronJob name to delete: the union of both lists, sorted, without duplicates. */
export function cleanupTargets(labelled: readonly string[], computed: readonly string[]): string[] {
  return [...new Set([...labelled, ...computed])].sort();
}

/** Kinds the config's production CronJobs would stage: the fallback for unlabelled CronJobs. */
async function computedNames(
  settings: Target,
  config: StagingConfig | null,
  dataset: Dataset | undefined
): Promise<string[]> {
  if (!config || !dataset) return [];
  try {
    const production = await productionCronJobs(settings.workspace, dataset);
    const parts = {
      prefix: config.namePrefix,
      datasetId: settings.datasetId,
      version: settings.version,
      kindRule: dataset.kindRule
    };
    return stagedNamesOf(
      parts,
      production.map(p => p.cronJob)
    ).map(n => n.name);
  } catch (error) {
    log.warning(
      `Could not compute CronJob names from the config (${errorMessage(error)}); deleting by label only.`
    );
    return [];
  }
}

/** GitHub's message ("Resource not accessible by integration") names neither branch nor fix. */
async function deleteBranch(
  github: GitHub,
  branch: string,
  done: CleanupRow[],
  rerun: RerunMode
): Promise<boolean> {
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
        `${deletedSoFar} other resource(s) were deleted; run ${rerun} again once this is fixed.`,
      { cause: error }
    );
  }
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A failure half-way through: what failed, what is already gone, what is kept, and that a rerun
 * finishes the job (every step tolerates "already gone", and the branch goes last).
 */
function partialFailure(
  failed: string,
  error: unknown,
  rows: CleanupRow[],
  kept: string[],
  rerun: RerunMode
): Error {
  const deleted = rows.filter(r => r.result === 'deleted').map(r => r.name);
  const done =
    deleted.length > 0 ? `Already deleted: ${deleted.join(', ')}.` : 'Nothing was deleted yet.';
  return new Error(
    `${failed}${errorMessage(error)}. ${done} Kept for now: ${joinAnd(kept)}. ` +
      `Run ${rerun} again once this is fixed: it finishes the job.`,
    { cause: error }
  );
}

/** What to remove of one staged version: its CronJobs (by name) and their Sentry monitors. */
export interface Removal {
  namespace: string;
  names: readonly string[];
  dryRun: boolean;
  sentry: CleanupSettings['sentry'];
  /** The branch removed after these, named in a partial failure's "kept" list; null if none. */
  branch: string | null;
  /** The mode a partial failure tells the user to run again: the one that is removing. */
  rerun: RerunMode;
}

/** cleanup and sweep remove through the same steps; each one's rerun finishes its own job. */
export type RerunMode = 'cleanup' | 'sweep';

function result(dryRun: boolean, deleted: boolean): RowResult {
  return dryRun ? 'would delete' : deleted ? 'deleted' : 'already gone';
}

/**
 * Deletes the CronJobs (their Jobs go with them: propagation background) and, with Sentry
 * options, their cron monitors; each step tolerates "already gone". cleanup and sweep both
 * remove through here and `removeBranch`. A failure says what is deleted and what is kept.
 */
export async function removeCronJobs(
  client: CronJobClient,
  removal: Removal
): Promise<CleanupRow[]> {
  const { namespace, names, dryRun, sentry } = removal;
  const rows: CleanupRow[] = [];
  const slugs = [...new Set(names.map(monitorSlug))];
  const after = removal.branch === null ? [] : [`the branch ${removal.branch}`];
  await log.group('Delete CronJobs', async () => {
    for (const [i, name] of names.entries()) {
      let deleted: boolean;
      try {
        deleted = dryRun || (await client.delete(namespace, name));
      } catch (error) {
        const kept = [`CronJob ${names.slice(i).join(', ')}`];
        if (sentry && slugs.length > 0) kept.push('their Sentry monitors');
        throw partialFailure(
          `Could not delete CronJob ${namespace}/${name}: `,
          error,
          rows,
          [...kept, ...after],
          removal.rerun
        );
      }
      rows.push({ resource: 'CronJob', name, result: result(dryRun, deleted) });
    }
  });
  if (sentry) {
    await log.group('Delete Sentry cron monitors', async () => {
      for (const [i, slug] of slugs.entries()) {
        let deleted: boolean;
        try {
          deleted = dryRun || (await deleteMonitor(sentry, slug)) === 'deleted';
        } catch (error) {
          throw partialFailure(
            '',
            error,
            rows,
            [`Sentry monitor ${slugs.slice(i).join(', ')}`, ...after],
            removal.rerun
          );
        }
        rows.push({ resource: 'Sentry monitor', name: slug, result: result(dryRun, deleted) });
      }
    });
  }
  return rows;
}

/**
 * Deletes the stage branch. It goes last: if anything before it failed, a rerun still finds the
 * version by its branch. `done` are the rows so far, for the error message.
 */
export async function removeBranch(
  github: GitHub,
  branch: string,
  done: CleanupRow[],
  dryRun: boolean,
  rerun: RerunMode
): Promise<CleanupRow> {
  const deleted = dryRun || (await deleteBranch(github, branch, done, rerun));
  return { resource: 'Branch', name: branch, result: result(dryRun, deleted) };
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
  // A catalog command that fails stops here, before anything is deleted: the store paths and
  // the names to fall back on come from it.
  const dataset = config
    ? (await loadDatasets(settings.workspace, config)).byId.get(datasetId)
    : undefined;
  const stores = dataset
    ? storePaths(dataset.store, { datasetId, version, ext: dataset.storeExtension })
    : [];
  const client = await deps.cronJobs();

  const targets = await log.group('Find staged CronJobs', async () => {
    const found = await client
      .list(namespace, stagingSelector(datasetId, version))
      .catch((error: unknown) => {
        throw new Error(
          `Could not list the staged CronJobs of ${datasetId} ${version} in namespace ${namespace}: ${errorMessage(error)}. Nothing was deleted.`,
          { cause: error }
        );
      });
    const labelled = found.map(c => c.metadata?.name ?? '');
    const computed = await computedNames(settings, config, dataset);
    log.info(
      `By label: ${labelled.join(', ') || 'none'}; by name: ${computed.join(', ') || 'none'}`
    );
    return cleanupTargets(
      labelled.filter(n => n !== ''),
      computed
    );
  });

  const sentry = settings.sentry;
  const removal: Removal = {
    namespace,
    names: targets,
    dryRun: settings.dryRun,
    sentry,
    branch,
    rerun: 'cleanup'
  };
  const rows = await removeCronJobs(client, removal);
  rows.push(await removeBranch(deps.github, branch, rows, settings.dryRun, 'cleanup'));
  for (const r of rows) log.info(`${r.resource} ${r.name}: ${r.result}`);
  if (!settings.dryRun && !rows.some(r => r.result === 'deleted')) {
    // The branch is gone too: a repeated cleanup, not a namespace this run was not told about.
    const none = [`no staged CronJob in namespace ${namespace}`];
    if (sentry) none.push('no Sentry monitor');
    log.notice(
      `${datasetId} ${version} is already cleaned up: ${joinAnd([...none, 'no branch'])} left.`
    );
  } else if (
    !settings.dryRun &&
    !rows.some(r => r.resource === 'CronJob' && r.result === 'deleted')
  ) {
    log.warning(
      `No staged CronJob of ${datasetId} ${version} was found in namespace ${namespace}. If deploy used another namespace, run cleanup with that namespace.`
    );
  }

  return {
    kind: 'cleaned',
    datasetId,
    version,
    namespace,
    stores,
    prefix: config?.namePrefix ?? DEFAULT_NAME_PREFIX,
    rows
  };
}
