// The labels that mark staged CronJobs, so cleanup and pruning find every kind of a dataset version
// without knowing the kinds in advance.
import type { Kind } from './names.js';
import type { DatasetId, Version } from './ref.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'staging-action';
export const DATASET_LABEL = 'staging-action/dataset';
export const VERSION_LABEL = 'staging-action/version';
export const KIND_LABEL = 'staging-action/kind';
export const SOURCE_ANNOTATION = 'staging-action/source';

/**
 * The labels every staged CronJob (and its Jobs and pods) carries. Ids, versions and kinds are
 * valid label values by construction (their types are only made by the checks that ensure it).
 */
export function stagingLabels(
  datasetId: DatasetId,
  version: Version,
  kind: Kind
): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [DATASET_LABEL]: datasetId,
    [VERSION_LABEL]: version,
    [KIND_LABEL]: kind
  };
}

/** Label selector for every staged CronJob of one dataset version, whatever its kind. */
export function stagingSelector(datasetId: DatasetId, version: Version): string {
  return [
    `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`,
    `${DATASET_LABEL}=${datasetId}`,
    `${VERSION_LABEL}=${version}`
  ].join(',');
}

/** Every object staging-action staged, whatever its dataset, version or kind. */
export const MANAGED_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;

/**
 * The dataset version and kind a staged object belongs to, as its labels say (unchecked strings:
 * the caller validates them); null when it does not carry them. Objects are found by labels and
 * identified by them, never by recomputing names.
 */
export function stagedIdentity(
  labels: Readonly<Record<string, string>> | undefined
): { datasetId: string; version: string; kind: string } | null {
  const datasetId = labels?.[DATASET_LABEL];
  const version = labels?.[VERSION_LABEL];
  if (!datasetId || !version) return null;
  return { datasetId, version, kind: labels[KIND_LABEL] ?? '' };
}
