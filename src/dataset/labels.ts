// The labels that mark staged CronJobs, so cleanup and pruning find every kind of a dataset version
// without knowing the kinds in advance. A label value holds at most 63 characters: a longer value
// is stored in full in an annotation of the same key, and its label holds a label-safe form.
import { createHash } from 'node:crypto';
import { labelValueProblem, MAX_LABEL_VALUE } from '../kube/rules.js';
import type { Kind } from './names.js';
import type { DatasetId, Version } from './ref.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'staging-action';
export const DATASET_LABEL = 'staging-action/dataset';
export const VERSION_LABEL = 'staging-action/version';
export const KIND_LABEL = 'staging-action/kind';
export const SOURCE_ANNOTATION = 'staging-action/source';

const LABEL_HASH = 8;

/**
 * `value` as a label value: unchanged whenever it is one (so objects labelled before keep
 * matching), else its label-valid characters cut to fit, then "-" and 8 hex characters of the
 * SHA-256 of the whole value, so two long values that share their start still get different
 * labels. Deterministic: every mode computes the same form to select on.
 */
export function labelSafe(value: string): string {
  if (labelValueProblem(value) === null) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, LABEL_HASH);
  const head = value
    .replace(/[^-A-Za-z0-9_.]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MAX_LABEL_VALUE - 1 - LABEL_HASH)
    .replace(/[^A-Za-z0-9]+$/, '');
  return head === '' ? hash : `${head}-${hash}`;
}

/**
 * The labels every staged CronJob (and its Jobs and pods) carries: label-safe forms of the id,
 * version and kind (today's checks keep each within 63 characters, so they are the values).
 */
export function stagingLabels(
  datasetId: DatasetId,
  version: Version,
  kind: Kind
): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [DATASET_LABEL]: labelSafe(datasetId),
    [VERSION_LABEL]: labelSafe(version),
    [KIND_LABEL]: labelSafe(kind)
  };
}

/** The full id, version and kind, under the labels' keys: what a reader shows and compares. */
export function identityAnnotations(
  datasetId: DatasetId,
  version: Version,
  kind: Kind
): Record<string, string> {
  return { [DATASET_LABEL]: datasetId, [VERSION_LABEL]: version, [KIND_LABEL]: kind };
}

/** Label selector for every staged CronJob of one dataset version, whatever its kind. */
export function stagingSelector(datasetId: DatasetId, version: Version): string {
  return [
    `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`,
    `${DATASET_LABEL}=${labelSafe(datasetId)}`,
    `${VERSION_LABEL}=${labelSafe(version)}`
  ].join(',');
}

/** Every object staging-action staged, whatever its dataset, version or kind. */
export const MANAGED_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;

interface Metadata {
  labels?: Readonly<Record<string, string>> | undefined;
  annotations?: Readonly<Record<string, string>> | undefined;
}

/**
 * One identity value of a staged object: the annotation's full value when the label is its
 * label-safe form, else the label (objects staged before the annotations existed, or edited).
 */
function identityValue(metadata: Metadata | undefined, key: string): string | undefined {
  const label = metadata?.labels?.[key];
  const full = metadata?.annotations?.[key];
  return full !== undefined && label !== undefined && labelSafe(full) === label ? full : label;
}

/** The kind of a staged object, in full; '' when it carries none. */
export function stagedKind(metadata: Metadata | undefined): string {
  return identityValue(metadata, KIND_LABEL) ?? '';
}

/**
 * The dataset version and kind a staged object belongs to (unchecked strings: the caller validates
 * them); null when it does not carry them. Objects are found by labels and identified by them and
 * their annotations, never by recomputing names.
 */
export function stagedIdentity(
  metadata: Metadata | undefined
): { datasetId: string; version: string; kind: string } | null {
  const datasetId = identityValue(metadata, DATASET_LABEL);
  const version = identityValue(metadata, VERSION_LABEL);
  if (!datasetId || !version) return null;
  return { datasetId, version, kind: stagedKind(metadata) };
}
