// Branch names are untrusted input (anyone who can push names one), so they are parsed strictly
// into a dataset id and a version that are safe in Kubernetes names, labels and paths.
import { isDnsLabel, MAX_LABEL_VALUE } from '../kube/rules.js';
import { ValidationError, quote } from './errors.js';

declare const brand: unique symbol;
/**
 * A dataset id checked once (a DNS-1123 label, so it is safe in names, labels and paths); inner
 * layers take this type and never check the string again.
 */
export type DatasetId = string & { readonly [brand]: 'DatasetId' };
/** MAJOR.MINOR.PATCH[-pre.release], lowercase, at most a label value long: checked once. */
export type Version = string & { readonly [brand]: 'Version' };

export interface StageRef {
  datasetId: DatasetId;
  version: Version;
}

const EXAMPLE_BRANCH = 'stage/noaa-gfs-forecast/v0.3.0';
const MAX_LABEL = MAX_LABEL_VALUE;
const NUMERIC = '(?:0|[1-9][0-9]*)';
// Lowercase only: the version ends up in lowercase Kubernetes names, and two versions differing only
// in case would stage to the same CronJobs.
const PRERELEASE_ID = `(?:${NUMERIC}|[0-9]*[a-z-][0-9a-z-]*)`;
const VERSION = new RegExp(
  `^${NUMERIC}\\.${NUMERIC}\\.${NUMERIC}(?:-${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*)?$`
);
const SHELL_META = /[;|&$`<>(){}'"\\*?[\]!#~^]/;
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

const ID_RULE =
  'Dataset ids must be DNS-1123 labels: lowercase letters, digits and "-", starting and ending ' +
  `with a letter or digit, at most ${MAX_LABEL} characters (e.g. noaa-gfs-forecast).`;
const VERSION_RULE =
  'Expected MAJOR.MINOR.PATCH with an optional lowercase pre-release, e.g. 0.3.0 or 0.3.0-rc.1.';

/** Why `id` is not a valid dataset id, or null when it is. */
export function datasetIdProblem(id: string): string | null {
  if (id === '') return 'it is empty';
  if (id.length > MAX_LABEL) return `it is ${id.length} characters, more than ${MAX_LABEL}`;
  if (isDnsLabel(id)) return null;
  if (/[A-Z]/.test(id)) return 'it contains uppercase letters (use lowercase)';
  if (/[_.]/.test(id)) return 'it contains "_" or "." (use "-" instead)';
  if (id.startsWith('-') || id.endsWith('-')) return 'it starts or ends with "-"';
  return 'it contains characters other than lowercase letters, digits and "-"';
}

/** Throws unless `id` is a DNS-1123 label (what Kubernetes names and labels need). */
export function validateDatasetId(id: string): DatasetId {
  const problem = datasetIdProblem(id);
  if (problem !== null) {
    throw new ValidationError(`Dataset id ${quote(id)} is not valid: ${problem}. ${ID_RULE}`);
  }
  return id as DatasetId;
}

/** Why `version` is not a stageable version, or null when it is. */
export function versionProblem(version: string): string | null {
  if (version === '') return 'it is empty';
  if (/^[vV][0-9]/.test(version)) {
    return `write it without the leading "v" (${version.slice(1)}); the "v" belongs only in the branch name`;
  }
  if (version.includes('+')) {
    return (
      'build metadata ("+...") is not allowed: "+" cannot appear in Kubernetes names or label ' +
      'values, and semver ignores it when comparing versions, so use a pre-release such as -rc.1'
    );
  }
  if (/[A-Z]/.test(version)) {
    return 'it contains uppercase letters (use lowercase: it becomes part of Kubernetes names)';
  }
  if (!/^[0-9]+\.[0-9]+\.[0-9]+(-|$)/.test(version)) {
    return 'it is not three numeric parts MAJOR.MINOR.PATCH, optionally followed by -pre.release';
  }
  if (!VERSION.test(version)) {
    if (/(^|[.-])0[0-9]/.test(version)) return 'numeric parts must not have leading zeros';
    return 'the pre-release after "-" must be dot-separated letters, digits and "-"';
  }
  // Also a label value (staging-action/version), which must end with a letter or digit.
  if (version.endsWith('-')) return 'it ends with "-"';
  if (version.length > MAX_LABEL) {
    return `it is ${version.length} characters; a Kubernetes label value allows at most ${MAX_LABEL}`;
  }
  return null;
}

/** Throws unless `version` is MAJOR.MINOR.PATCH[-pre.release] without a leading v or build metadata. */
export function validateVersion(version: string): Version {
  const problem = versionProblem(version);
  if (problem !== null) {
    throw new ValidationError(
      `Version ${quote(version)} is not valid: ${problem}. ${VERSION_RULE}`
    );
  }
  return version as Version;
}

/** The version as it appears in Kubernetes names: dots as dashes (0.3.0-rc.1 → 0-3-0-rc-1). */
export function versionSlug(version: Version): string {
  return version.replaceAll('.', '-');
}

/** The staging branch of a dataset version: `stage/{datasetId}/v{version}`. */
export function stageBranchName(datasetId: DatasetId, version: Version): string {
  return `stage/${datasetId}/v${version}`;
}

function refProblem(ref: string): string | StageRef {
  if (ref === '') return 'it is empty';
  if (WHITESPACE_OR_CONTROL.test(ref)) return 'it contains whitespace or control characters';
  if (SHELL_META.test(ref)) return 'it contains shell metacharacters';
  if (/[A-Z]/.test(ref)) return 'it contains uppercase letters (staging branches are lowercase)';
  if (ref.includes('..')) return 'it contains ".."';
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
  if (branch.startsWith('refs/')) return 'only branches (refs/heads/...) can be staged';
  const segments = branch.split('/');
  if (segments[0] !== 'stage') return 'it does not start with "stage/"';
  if (segments.length !== 3) {
    return `it has ${segments.length} "/"-separated parts instead of 3 (stage, dataset id, version)`;
  }
  const [, datasetId, versionPart] = segments as [string, string, string];
  const idProblem = datasetIdProblem(datasetId);
  if (idProblem !== null) {
    return `the dataset id ${quote(datasetId)} is not valid: ${idProblem}. ${ID_RULE}`;
  }
  if (!versionPart.startsWith('v')) {
    return `the version part ${quote(versionPart)} must start with "v" (e.g. v0.3.0)`;
  }
  const version = versionPart.slice(1);
  const vProblem = versionProblem(version);
  if (vProblem !== null) return `the version ${quote(version)} is not valid: ${vProblem}`;
  return { datasetId: datasetId as DatasetId, version: version as Version };
}

/**
 * Splits `refs/heads/stage/{id}/v{version}` or the short `stage/{id}/v{version}` (delete events
 * carry the short name) into a validated dataset id and version (without the "v").
 */
export function parseStageRef(ref: string): StageRef {
  const result = refProblem(ref);
  if (typeof result !== 'string') return result;
  const reason = result.endsWith('.') ? result.slice(0, -1) : result;
  throw new ValidationError(
    `Branch ${quote(ref)} is not a staging branch: ${reason}. Expected ` +
      `stage/{dataset_id}/v{MAJOR.MINOR.PATCH[-pre.release]}, e.g. ${EXAMPLE_BRANCH} ` +
      `(or refs/heads/${EXAMPLE_BRANCH}).`
  );
}
