// Reading the dataset's version and its production CronJobs out of files in the pushed commit.
import type { V1CronJob } from '@kubernetes/client-node';
import { ConfigError, quote } from './errors.js';
import { describeValue, isRecord, parseOne, parseStream } from './yaml.js';

const MAX_LISTED_KEYS = 12;

function keysHint(value: unknown): string {
  if (Array.isArray(value)) return ` (it is a list of ${value.length} items)`;
  if (!isRecord(value)) return ` (it is ${describeValue(value)})`;
  const keys = Object.keys(value);
  if (keys.length === 0) return ' (it is an empty mapping)';
  const shown = keys.slice(0, MAX_LISTED_KEYS).join(', ');
  return ` (keys there: ${shown}${keys.length > MAX_LISTED_KEYS ? ', ...' : ''})`;
}

/**
 * The string at the dotted `key` (e.g. attributes.dataset_version) of a JSON file (name ends in
 * .json) or a YAML file. Numeric segments index lists.
 */
export function readVersion(text: string, source: string, key: string): string {
  let current: unknown = parseOne(text, source);
  const walked: string[] = [];
  for (const segment of key.split('.')) {
    const where = walked.length === 0 ? 'the top level' : walked.join('.');
    let next: unknown;
    if (Array.isArray(current) && /^[0-9]+$/.test(segment)) {
      next = current[Number(segment)];
    } else if (isRecord(current) && Object.hasOwn(current, segment)) {
      next = current[segment];
    }
    if (next === undefined) {
      throw new ConfigError(
        `${source}: version key ${quote(key)} not found: ${where} has no ${quote(segment)}` +
          `${keysHint(current)}. Fix version-key in the staging config or the file.`
      );
    }
    walked.push(segment);
    current = next;
  }
  if (typeof current !== 'string' || current.trim() === '') {
    throw new ConfigError(
      `${source}: ${key} must be a non-empty string version such as "0.3.0", found ` +
        `${describeValue(current)}. In YAML, quote versions ("0.3.0") so they stay strings.`
    );
  }
  return current;
}

/** A parsed batch/v1 CronJob with every field staging reads or rewrites; `what` names it in errors. */
export function checkCronJob(value: unknown, what: string): V1CronJob {
  if (!isRecord(value)) {
    throw new ConfigError(`${what} is ${describeValue(value)}, not a Kubernetes object.`);
  }
  const { apiVersion, kind } = value;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
    throw new ConfigError(
      `${what} has no apiVersion or kind; expected apiVersion: batch/v1 and kind: CronJob.`
    );
  }
  if (kind !== 'CronJob') {
    throw new ConfigError(
      `${what} is a ${kind}, not a batch/v1 CronJob: list only the dataset's production ` +
        'CronJobs (narrow the cronjobs glob or the command output).'
    );
  }
  if (apiVersion !== 'batch/v1') {
    throw new ConfigError(
      `${what} is a ${apiVersion} CronJob, not a batch/v1 CronJob: change its apiVersion to batch/v1.`
    );
  }
  const metadata = value.metadata;
  const name = isRecord(metadata) ? metadata.name : undefined;
  if (typeof name !== 'string' || name === '') {
    throw new ConfigError(`${what} is a CronJob without metadata.name; give it a name.`);
  }
  const spec = value.spec;
  if (!isRecord(spec) || typeof spec.schedule !== 'string') {
    throw new ConfigError(`${what} (CronJob ${quote(name)}) has no spec.schedule string.`);
  }
  const jobSpec = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
  const template = isRecord(jobSpec) ? jobSpec.template : undefined;
  const podSpec = isRecord(template) ? template.spec : undefined;
  const containers = isRecord(podSpec) ? podSpec.containers : undefined;
  if (!Array.isArray(containers) || containers.length === 0 || !containers.every(isRecord)) {
    throw new ConfigError(
      `${what} (CronJob ${quote(name)}) has no spec.jobTemplate.spec.template.spec.containers list.`
    );
  }
  // The checks above cover every field staging reads or rewrites; the API server checks the rest.
  return value as unknown as V1CronJob;
}

/**
 * The CronJobs of a multi-document YAML stream or a JSON file; `kind: List` documents are
 * flattened and empty documents ignored. Anything that is not a batch/v1 CronJob is an error.
 */
export function parseCronJobDocuments(text: string, source: string): V1CronJob[] {
  const cronJobs: V1CronJob[] = [];
  parseStream(text, source).forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    const what = `document ${index + 1} of ${source}`;
    if (isRecord(doc) && doc.kind === 'List') {
      if (!Array.isArray(doc.items)) {
        throw new ConfigError(`${what} is a List without an items list.`);
      }
      doc.items.forEach((item: unknown, i) => {
        cronJobs.push(checkCronJob(item, `item ${i + 1} of ${what}`));
      });
      return;
    }
    cronJobs.push(checkCronJob(doc, what));
  });
  return cronJobs;
}
