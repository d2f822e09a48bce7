// The sweep run: judge every staged version, and retire the orphaned, promoted and expired ones
// with cleanup's own removal (CronJobs, Sentry monitors, the branch where it still exists; never
// the store).
import { removeBranch, removeCronJobs, type CleanupRow } from '../cleanup/run.js';
import { ConfigError } from '../dataset/errors.js';
import { storePaths } from '../dataset/store.js';
import { log } from '../log.js';
import { readInventory, type Inventory, type InventoryDeps } from '../status/inventory.js';
import type { StagedVersion } from '../status/staged.js';
import type { SweepSettings } from './settings.js';
import { judge, type Judgement } from './verdict.js';

export type SweepDeps = InventoryDeps;

export interface SweptVersion extends Judgement {
  version: StagedVersion;
  /** What was removed (empty for live versions). */
  rows: CleanupRow[];
  /** The store paths left in place (replicas included), when the config names a store. */
  stores: string[];
}

export interface SweepResult extends Omit<Inventory, 'versions'> {
  now: string;
  swept: SweptVersion[];
}

export async function runSweep(settings: SweepSettings, deps: SweepDeps): Promise<SweepResult> {
  const inventory = await readInventory(settings, deps);
  if (inventory.catalogError !== null) {
    // Without the catalog, sweep could not tell promoted versions or print their stores.
    throw new ConfigError(
      `Nothing was swept (fix the catalog command and run sweep again): ${inventory.catalogError}`
    );
  }
  const now = new Date().toISOString();
  const cluster = await deps.cluster();
  const swept: SweptVersion[] = [];
  for (const version of inventory.versions) {
    const judgement = judge(version, {
      maxAgeMs: settings.maxAgeMs,
      now,
      defaultBranch: inventory.defaultBranch
    });
    const dataset = inventory.datasets?.byId.get(version.datasetId);
    const stores = dataset
      ? storePaths(dataset.store, {
          datasetId: version.datasetId,
          version: version.version,
          ext: dataset.storeExtension
        })
      : [];
    log.info(`${version.datasetId} ${version.version}: ${judgement.verdict} (${judgement.reason})`);
    if (judgement.verdict === 'live') {
      swept.push({ ...judgement, version, rows: [], stores });
      continue;
    }
    // An orphan's branch is already gone: nothing to delete, nothing to report.
    const branch = version.branchExists === false ? null : version.branch;
    const rows = await removeCronJobs(cluster.cronJobs, {
      namespace: inventory.namespace,
      names: version.cronJobs.map(c => c.name),
      dryRun: settings.dryRun,
      sentry: settings.sentry,
      branch,
      rerun: 'sweep'
    });
    if (branch !== null) {
      rows.push(await removeBranch(deps.github, branch, rows, settings.dryRun, 'sweep'));
    }
    swept.push({ ...judgement, version, rows, stores });
  }
  return {
    namespace: inventory.namespace,
    config: inventory.config,
    datasets: inventory.datasets,
    catalogError: inventory.catalogError,
    defaultBranch: inventory.defaultBranch,
    unknownVersions: inventory.unknownVersions,
    unlabelled: inventory.unlabelled,
    now,
    swept
  };
}
