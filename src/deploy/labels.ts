// The labels that mark staged CronJobs, so cleanup and pruning find every kind of a dataset version
// without knowing the kinds in advance.
import { ValidationError, quote } from './errors.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'staging-action';
export const DATASET_LABEL = 'staging-action/dataset';
export const VERSION_LABEL = 'staging-action/version';
export const KIND_LABEL = 'staging-action/kind';
export const SOURCE_ANNOTATION = 'staging-action/source';

const MAX_LABEL_VALUE = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `value` when it is a valid Kubernetes label value; throws otherwise. */
export function labelValue(value: string, what = 'label value'): string {
  if (value.length > MAX_LABEL_VALUE) {
    throw new ValidationError(
      `The ${what} ${quote(value)} is ${value.length} characters; Kubernetes label values allow ` +
        `at most ${MAX_LABEL_VALUE}. Shorten it.`
    );
  }
  if (!LABEL_VALUE.test(value)) {
    throw new ValidationError(
      `The ${what} ${quote(value)} is not a valid Kubernetes label value: it may contain only ` +
        'letters, digits, "-", "_" and ".", and must start and end with a letter or digit.'
    );
  }
  return value;
}

/** The labels every staged CronJob (and its Jobs and pods) carries. */
export function stagingLabels(
  datasetId: string,
  version: string,
  kind: string
): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [DATASET_LABEL]: labelValue(datasetId, 'dataset id'),
    [VERSION_LABEL]: labelValue(version, 'version'),
    [KIND_LABEL]: labelValue(kind, 'kind')
  };
}

/** Label selector for every staged CronJob of one dataset version, whatever its kind. */
export function stagingSelector(datasetId: string, version: string): string {
  return [
    `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`,
    `${DATASET_LABEL}=${labelValue(datasetId, 'dataset id')}`,
    `${VERSION_LABEL}=${labelValue(version, 'version')}`
  ].join(',');
}
