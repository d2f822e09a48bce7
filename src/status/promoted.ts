// The one place that reads which version of each dataset the default branch carries, for the
// "promoted" verdict: each dataset's version file from origin/<default branch> with git, or its
// catalog command run there (once for every dataset), as deploy does.
import type { Datasets } from '../dataset/catalog.js';
import { versionOnBase, type BaseCatalogs } from '../dataset/sources.js';
import type { Git } from '../io/git.js';
import { errorMessage } from '../util/errors.js';
import type { DefaultVersion } from './staged.js';

export async function defaultBranchVersions(
  git: Git,
  defaultBranch: string | null,
  /** The checkout's datasets; `unknown` when its catalog command could not be read. */
  datasets: Datasets | { unknown: string } | null,
  datasetIds: readonly string[]
): Promise<Map<string, DefaultVersion>> {
  const versions = new Map<string, DefaultVersion>();
  const catalogs: BaseCatalogs = new Map();
  for (const id of new Set(datasetIds)) {
    const dataset = datasets && 'byId' in datasets ? datasets.byId.get(id) : undefined;
    if (!defaultBranch) versions.set(id, { unknown: 'the repository has no default branch' });
    else if (!datasets) versions.set(id, { unknown: 'no staging config in the checkout' });
    else if ('unknown' in datasets) versions.set(id, { unknown: datasets.unknown });
    else if (!dataset) versions.set(id, { unknown: `${id} is not in the staging config` });
    else {
      try {
        versions.set(id, { version: await versionOnBase(git, defaultBranch, dataset, catalogs) });
      } catch (error) {
        versions.set(id, { unknown: errorMessage(error) });
      }
    }
  }
  return versions;
}
