// The API server's naming rules, in one place: what it accepts for names, namespaces and label
// values, the CronJob and Indexed Job limits, and which metadata fields the server owns.

/** A DNS-1123 label: object names of most kinds, namespaces, pod hostnames. */
export const MAX_DNS_LABEL = 63;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** ValidateCronJobCreate: 63 minus the 11 characters the controller appends to its Jobs' names. */
export const MAX_CRONJOB_NAME = 52;
/** The suffix the CronJob controller appends to Job names: "-" and up to 10 digits. */
export const JOB_NAME_SUFFIX = 11;

export const MAX_LABEL_VALUE = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const DNS_LABEL_RULE =
  'a DNS-1123 label (at most 63 lowercase letters, digits and "-", starting and ending with a ' +
  'letter or digit)';

export function isDnsLabel(value: string): boolean {
  return value.length <= MAX_DNS_LABEL && DNS_LABEL.test(value);
}

/** Object names of most kinds (CronJobs included): dot-separated DNS-1123 labels, 253 at most. */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** Why `value` is not a label value, or null when it is one. */
export function labelValueProblem(value: string): string | null {
  if (value.length > MAX_LABEL_VALUE) {
    return `it is ${value.length} characters; Kubernetes label values allow at most ${MAX_LABEL_VALUE}`;
  }
  if (!LABEL_VALUE.test(value)) {
    return (
      'it may contain only letters, digits, "-", "_" and ".", and must start and end with a ' +
      'letter or digit'
    );
  }
  return null;
}

/**
 * Fields the server sets on every object. Sent back in an apply body they are rejected or act as
 * preconditions; copied from another object they describe the wrong one.
 */
export const SERVER_OWNED_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink'
] as const;

/**
 * Job names: the API server copies the name into the `batch.kubernetes.io/job-name` label of its
 * pods, so it must be a label value too (63 at most); Indexed Jobs also name each pod's hostname
 * `{job name}-{index}`, which must be a DNS-1123 label.
 */
export const MAX_JOB_NAME = 63;
const MANUAL = '-manual-';

/** The longest Job name the API server accepts for `completions` Indexed pods (null: not Indexed). */
export function maxJobName(indexedCompletions: number | null): number {
  if (indexedCompletions === null) return MAX_JOB_NAME;
  const maxIndex = String(Math.max(indexedCompletions, 1) - 1);
  return MAX_DNS_LABEL - 1 - maxIndex.length;
}

/**
 * The name of a Job run by hand from a CronJob: `{cronjob}-manual-{suffix}`, the CronJob's name cut
 * (and any trailing "-" or "." dropped) so the whole fits `maxJobName`. `kubectl create job --from`
 * leaves the name to the user; here the suffix (random, lowercase letters and digits) keeps every
 * trigger distinct, even two in the same second.
 */
export function manualJobName(
  cronJobName: string,
  suffix: string,
  indexedCompletions: number | null = null
): string {
  const room = maxJobName(indexedCompletions) - MANUAL.length - suffix.length;
  const stem = cronJobName.slice(0, Math.max(room, 1)).replace(/[-.]+$/, '');
  return `${stem}${MANUAL}${suffix}`;
}

/** The field manager of every apply: managedFields say when staging-action last changed an object. */
export const FIELD_MANAGER = 'staging-action';
