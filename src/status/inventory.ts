// Everything status and sweep know about the staged versions of a namespace, read once: the staged
// CronJobs and their Jobs (by the action's labels), every stage branch (one GitHub query), and the
// default branch's version of each dataset.
import type { Datasets } from '../dataset/catalog.js';
import type { StagingConfig } from '../dataset/config.js';
import { StagingError } from '../dataset/errors.js';
import { MANAGED_SELECTOR, stagedIdentity } from '../dataset/labels.js';
import { loadConfig, loadDatasets, resolveNamespace } from '../dataset/sources.js';
import type { Git } from '../io/git.js';
import type { GitHub } from '../io/github.js';
import type { Cluster } from '../kube/client.js';
import { log } from '../log.js';
import { defaultBranchVersions } from './promoted.js';
import { groupStaged, type StagedVersion } from './staged.js';

export interface InventoryDeps {
  github: GitHub;
  git: Git;
  /** The cluster; called after the settings are read, so bad input never needs one. */
  cluster: () => Cluster | Promise<Cluster>;
}

export interface InventorySettings {
  workspace: string;
  config: string;
  namespace: string | null;
}

export interface Inventory {
  namespace: string;
  config: StagingConfig | null;
  /** The config's datasets (its catalog command's included); null without a config. */
  datasets: Datasets | null;
  /** Why the datasets could not be read (a failing catalog command); null when they were. */
  catalogError: string | null;
  defaultBranch: string | null;
  versions: StagedVersion[];
  /** Why a dataset's default-branch version is unknown, by dataset id. */
  unknownVersions: Map<string, string>;
  /** CronJobs with the managed-by label but no valid dataset and version labels. */
  unlabelled: string[];
}

/**
 * The checkout's datasets. status is read-only, so a catalog command that fails is a warning
 * there (promotion becomes unknown); sweep refuses to remove anything on it.
 */
async function readDatasets(
  workspace: string,
  config: StagingConfig | null
): Promise<{ datasets: Datasets | null; catalogError: string | null }> {
  if (!config) return { datasets: null, catalogError: null };
  try {
    return { datasets: await loadDatasets(workspace, config), catalogError: null };
  } catch (error) {
    if (!(error instanceof StagingError)) throw error;
    log.warning(`Could not read the datasets of ${config.source}: ${error.message}`);
    const why = `the datasets of ${config.source} could not be read: ${error.message}`;
    return { datasets: null, catalogError: why };
  }
}

export async function readInventory(
  settings: InventorySettings,
  deps: InventoryDeps
): Promise<Inventory> {
  const config = await loadConfig(settings.workspace, settings.config);
  const namespace = resolveNamespace(settings.namespace, config);
  const { datasets, catalogError } = await readDatasets(settings.workspace, config);
  const cluster = await deps.cluster();
  return log.group(`Read staged versions in namespace ${namespace}`, async () => {
    const [cronJobs, jobs, refs] = await Promise.all([
      cluster.cronJobs.list(namespace, MANAGED_SELECTOR),
      cluster.jobs.list(namespace, MANAGED_SELECTOR),
      deps.github.stageBranches()
    ]);
    const ids = cronJobs.map(c => stagedIdentity(c.metadata)?.datasetId ?? '');
    const defaults = await defaultBranchVersions(
      deps.git,
      refs.defaultBranch,
      catalogError === null ? datasets : { unknown: catalogError },
      ids.filter(id => id !== '')
    );
    const { versions, unlabelled } = groupStaged({
      cronJobs,
      jobs,
      branches: refs.branches,
      defaultVersions: defaults
    });
    const unknownVersions = new Map<string, string>();
    for (const [id, known] of defaults) {
      if ('unknown' in known) unknownVersions.set(id, known.unknown);
    }
    for (const [id, why] of unknownVersions) {
      log.warning(`Cannot tell whether ${id} was promoted: ${why}`);
    }
    log.info(
      `${cronJobs.length} staged CronJob(s) in ${versions.length} version(s); ${refs.branches.size} stage branch(es); default branch ${refs.defaultBranch ?? '(none)'}`
    );
    return {
      namespace,
      config,
      datasets,
      catalogError,
      defaultBranch: refs.defaultBranch,
      versions,
      unknownVersions,
      unlabelled
    };
  });
}
