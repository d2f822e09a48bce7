// Staging CronJob names: {prefix}-{dataset_id}-v{version slug}-{kind}, checked against the limits
// the API server really enforces (not the 63 of a plain object name).
import {
  isDnsLabel,
  isDnsSubdomain,
  JOB_NAME_SUFFIX,
  MAX_CRONJOB_NAME,
  MAX_DNS_LABEL
} from '../kube/rules.js';
import { ValidationError, quote } from './errors.js';
import { versionSlug, type DatasetId, type Version } from './ref.js';

export { MAX_CRONJOB_NAME } from '../kube/rules.js';

declare const brand: unique symbol;
/** A production CronJob's kind (update, validate, ...): usable in names and label values. */
export type Kind = string & { readonly [brand]: 'Kind' };
const KIND = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export interface CronJobNameParts {
  prefix: string;
  datasetId: DatasetId;
  version: Version;
  kind: string;
}

/** The staging CronJob name, unchecked (see checkCronJobName). */
export function cronJobName({ prefix, datasetId, version, kind }: CronJobNameParts): string {
  return `${prefix}-${datasetId}-v${versionSlug(version)}-${kind}`;
}

/** The longest dataset id whose staging name still fits in MAX_CRONJOB_NAME (may be ≤ 0). */
export function longestDatasetId({
  prefix,
  version,
  kind
}: Omit<CronJobNameParts, 'datasetId'>): number {
  // The 4 is the three "-" separators and the "v" before the version.
  return MAX_CRONJOB_NAME - prefix.length - versionSlug(version).length - kind.length - 4;
}

/** The staging CronJob name; throws when the API server would reject it. */
export function checkCronJobName(parts: CronJobNameParts): string {
  const name = cronJobName(parts);
  if (name.length > MAX_CRONJOB_NAME) {
    const { prefix, datasetId, version, kind } = parts;
    const longest = longestDatasetId(parts);
    const context = `With prefix ${quote(prefix)}, version ${version} and kind ${quote(kind)}`;
    const advice =
      longest >= 1
        ? `${context}, the dataset id can be at most ${longest} characters (this one is ` +
          `${datasetId.length}): shorten the id or the name-prefix.`
        : `${context}, even a 1-character dataset id does not fit: shorten the name-prefix, ` +
          'the version or the kind (the production CronJob name after the dataset id).';
    throw new ValidationError(
      `CronJob name ${quote(name)} is ${name.length} characters; Kubernetes allows at most ` +
        `${MAX_CRONJOB_NAME} for a CronJob (${MAX_DNS_LABEL} minus the ${JOB_NAME_SUFFIX} ` +
        `characters added to its Jobs' names). ${advice}`
    );
  }
  if (!isDnsSubdomain(name)) {
    throw new ValidationError(
      `CronJob name ${quote(name)} is not a valid Kubernetes name: it must be lowercase letters, ` +
        'digits, "-" and ".", starting and ending with a letter or digit, with a letter or digit ' +
        `on each side of every "." (a DNS-1123 subdomain). Check the name-prefix ${quote(parts.prefix)} ` +
        `and the kind ${quote(parts.kind)} (the production CronJob name after the dataset id).`
    );
  }
  return name;
}

/**
 * Indexed Jobs name each pod's hostname `{job name}-{index}`, and the API server rejects a Job whose
 * largest such hostname is not a DNS-1123 label; the CronJob controller would then fail every run.
 */
export function checkIndexedJobName(name: string, completions: number): void {
  const maxIndex = String(Math.max(completions, 1) - 1);
  const longestHostname = name.length + JOB_NAME_SUFFIX + 1 + maxIndex.length;
  const shape = `${name}-<${JOB_NAME_SUFFIX - 1} digits>-${maxIndex}`;
  const what =
    `CronJob ${quote(name)} runs Indexed Jobs with ${Math.max(completions, 1)} completions, so ` +
    `its pods are named like ${shape} and those names are also their hostnames`;
  if (!isDnsLabel(name)) {
    throw new ValidationError(
      `${what}, which cannot contain ".": rename the production CronJob without dots.`
    );
  }
  if (longestHostname > MAX_DNS_LABEL) {
    const fits = MAX_DNS_LABEL - JOB_NAME_SUFFIX - 1 - maxIndex.length;
    throw new ValidationError(
      `${what}; the longest is ${longestHostname} characters but a hostname allows at most ` +
        `${MAX_DNS_LABEL}. With ${Math.max(completions, 1)} completions the CronJob name can be ` +
        `at most ${fits} characters (this one is ${name.length}): shorten the dataset id, the ` +
        'name-prefix or the kind.'
    );
  }
}

/** The kind of a production CronJob: its name after `{datasetId}-` (e.g. update, validate). */
export function deriveKind(productionName: string, datasetId: DatasetId): Kind {
  const prefix = `${datasetId}-`;
  if (!productionName.startsWith(prefix)) {
    throw new ValidationError(
      `Production CronJob ${quote(productionName)} does not belong to dataset ${quote(datasetId)}: ` +
        `staging names CronJobs after their kind, the part of the production name after ` +
        `"${prefix}" (e.g. ${prefix}update). Rename it to "${prefix}<kind>" or remove it from ` +
        `the dataset's cronjobs.`
    );
  }
  const kind = productionName.slice(prefix.length);
  if (kind === '') {
    throw new ValidationError(
      `Production CronJob ${quote(productionName)} has no kind after "${prefix}": rename it to ` +
        `"${prefix}<kind>" (e.g. ${prefix}update).`
    );
  }
  if (!KIND.test(kind) || kind.length > MAX_DNS_LABEL) {
    throw new ValidationError(
      `Production CronJob ${quote(productionName)} has the kind ${quote(kind)}, which is not usable ` +
        'in names and labels: it must be at most 63 lowercase letters, digits, "-" and ".", ' +
        `starting and ending with a letter or digit. Rename it to "${prefix}<kind>".`
    );
  }
  return kind as Kind;
}
