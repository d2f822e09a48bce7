// The one place that reads which version of each dataset the default branch carries, for the
// "promoted" verdict. Today it reads each dataset's version file from origin/<default branch>
// with git, as deploy does; another way of reading versions plugs in here alone.
import type { StagingConfig } from '../dataset/config.js';
import { versionOnBase } from '../dataset/sources.js';
import type { Git } from '../io/git.js';
import { errorMessage } from '../util/errors.js';
import type { DefaultVersion } from './staged.js';

export async function defaultBranchVersions(
  git: Git,
  defaultBranch: string | null,
  config: StagingConfig | null,
  datasetIds: readonly string[]
): Promise<Map<string, DefaultVersion>> {
  const versions = new Map<string, DefaultVersion>();
  for (const id of new Set(datasetIds)) {
    const dataset = config?.datasets[id];
    if (!defaultBranch) versions.set(id, { unknown: 'the repository has no default branch' });
    else if (!config) versions.set(id, { unknown: 'no staging config in the checkout' });
    else if (!dataset) versions.set(id, { unknown: `${id} is not in the staging config` });
    else {
      try {
        versions.set(id, { version: await versionOnBase(git, defaultBranch, dataset) });
      } catch (error) {
        versions.set(id, { unknown: errorMessage(error) });
      }
    }
  }
  return versions;
}
