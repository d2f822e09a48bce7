// The scenario status, trigger and sweep are tested on: three staged versions of two datasets in
// the deploy sandbox, one live (noaa-gfs-forecast 0.3.0, its branch in place), one orphaned
// (noaa-gfs-forecast 0.4.0, its branch deleted), one promoted (ecmwf-ifs-ens 0.3.0, now on main).
import {
  COMMAND_DATASET_ID,
  DATASET_ID,
  STAGED_NAMES,
  versionFile,
  versionFilePath
} from './dataset-fixture.js';
import type { Sandbox } from './deploy-harness.js';

export const ORPHAN_BRANCH = `stage/${DATASET_ID}/v0.4.0`;
export const PROMOTED_BRANCH = `stage/${COMMAND_DATASET_ID}/v0.3.0`;
export const ORPHAN_NAMES = STAGED_NAMES.map(n => n.replace('v0-3-0', 'v0-4-0'));
export const PROMOTED_NAMES = [
  'staging-ecmwf-ifs-ens-v0-3-0-update',
  'staging-ecmwf-ifs-ens-v0-3-0-validate'
];

/** Resets the sandbox (main before the promotion, no extra branches) and stages the three. */
export async function stageThree(sandbox: Sandbox): Promise<void> {
  await sandbox.reset();
  await sandbox.repo.origin.setRef('refs/heads/main', sandbox.repo.mainSha);
  for (const branch of [ORPHAN_BRANCH, PROMOTED_BRANCH]) {
    if (await sandbox.branchExists(branch)) {
      await sandbox.repo.origin.deleteRef(`refs/heads/${branch}`);
    }
  }
  await sandbox.deploy();
  await sandbox.repo.commit(ORPHAN_BRANCH, {
    [versionFilePath(DATASET_ID)]: versionFile(DATASET_ID, '0.4.0')
  });
  await sandbox.deploy({ branch: ORPHAN_BRANCH });
  await sandbox.repo.origin.deleteRef(`refs/heads/${ORPHAN_BRANCH}`);
  await sandbox.repo.commit(PROMOTED_BRANCH, {
    [versionFilePath(COMMAND_DATASET_ID)]: versionFile(COMMAND_DATASET_ID, '0.3.0')
  });
  await sandbox.deploy({ branch: PROMOTED_BRANCH });
  // The PR merges: main now carries ecmwf-ifs-ens 0.3.0.
  await sandbox.repo.commit('main', {
    [versionFilePath(COMMAND_DATASET_ID)]: versionFile(COMMAND_DATASET_ID, '0.3.0')
  });
  sandbox.kube.requests.length = 0;
}
