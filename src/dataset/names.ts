// Staging CronJob names: {prefix}-{dataset_id}-v{version slug}-{kind}, checked against the limits
// the API server really enforces (not the 63 of a plain object name).
import { createHash } from 'node:crypto';
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

/** The staging CronJob name, unchecked (see stagedCronJobName). */
export function cronJobName({ prefix, datasetId, version, kind }: CronJobNameParts): string {
  return `${prefix}-${datasetId}-v${versionSlug(version)}-${kind}`;
}

/** Sentry cuts monitor slugs here: staged names that are shortened differ within it. */
export const DISTINCT_PREFIX = 50;
const HASH_LENGTH = 8;

/**
 * The longest staged CronJob name: the API server's 52, lowered for an Indexed template with
 * `completions` so that its pods' hostnames `{name}-{job time}-{index}` stay DNS-1123 labels.
 */
export function cronJobNameBudget(indexedCompletions: number | null): number {
  if (indexedCompletions === null) return MAX_CRONJOB_NAME;
  const maxIndex = String(Math.max(indexedCompletions, 1) - 1);
  return Math.min(MAX_CRONJOB_NAME, MAX_DNS_LABEL - JOB_NAME_SUFFIX - 1 - maxIndex.length);
}

/**
 * The staged CronJob name, always within `cronJobNameBudget(indexedCompletions)`. It is exactly
 * `cronJobName(parts)` whenever that fits, so names already staged never move. Otherwise the
 * dataset id is cut and 8 hex characters of the SHA-256 of the full name follow it: different
 * (dataset, version, kind) keep different names, and the hash sits within the first 50 characters
 * Sentry keeps of a monitor slug. Version and kind stay readable (the kind is cut only when even
 * an empty id leaves no room). Only a prefix that leaves no room for the hash is an error.
 */
export function stagedCronJobName(
  parts: CronJobNameParts,
  indexedCompletions: number | null = null,
  /** Shorten even when it fits: two names of one version would share a Sentry slug. */
  shorten = false
): string {
  const full = cronJobName(parts);
  const { prefix, datasetId, version, kind } = parts;
  if (!isDnsSubdomain(full)) {
    throw new ValidationError(
      `CronJob name ${quote(full)} is not a valid Kubernetes name: it must be lowercase letters, ` +
        'digits, "-" and ".", starting and ending with a letter or digit, with a letter or digit ' +
        `on each side of every "." (a DNS-1123 subdomain). Check the name-prefix ${quote(prefix)} ` +
        `and the kind ${quote(kind)} (the production CronJob name after the dataset id).`
    );
  }
  const budget = cronJobNameBudget(indexedCompletions);
  if (full.length <= budget && !shorten) return full;
  const room = Math.min(budget, DISTINCT_PREFIX) - HASH_LENGTH - 1;
  if (prefix.length > room) {
    throw new ValidationError(
      `The name-prefix ${quote(prefix)} is ${prefix.length} characters: staged CronJob names ` +
        `must fit ${budget} characters (${MAX_CRONJOB_NAME} for a CronJob, less for Indexed Jobs ` +
        `with many completions) and are shortened with an ${HASH_LENGTH}-character hash after the ` +
        `prefix, which leaves at most ${room} characters for the prefix. Shorten the name-prefix.`
    );
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  const tail = `-v${versionSlug(version)}-${kind}`;
  const idRoom = budget - prefix.length - 1 - HASH_LENGTH - tail.length - 1;
  const id = idRoom > 0 ? datasetId.slice(0, idRoom).replace(/-+$/, '') : '';
  const name = id === '' ? `${prefix}-${hash}${tail}` : `${prefix}-${id}-${hash}${tail}`;
  return name.slice(0, budget).replace(/[-.]+$/, '');
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
