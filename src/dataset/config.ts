// The staging config file (.github/staging.yml by default). It comes from the pushed commit, so it
// is validated as strictly as the branch name; typos fail loudly instead of being ignored.
import { DNS_LABEL_RULE, isDnsLabel } from '../kube/rules.js';
import { ConfigError, quote } from './errors.js';
import { datasetIdProblem } from './ref.js';
import { describeValue, isRecord, parseOne } from './yaml.js';

export { parseCronJobDocuments, readVersion } from './documents.js';

/** Where a dataset's production CronJobs come from: exactly one of the two is set. */
export type CronJobSource =
  | { cronjobs: string[]; cronjobsCommand?: undefined }
  | { cronjobs?: undefined; cronjobsCommand: string[] };

export type DatasetConfig = {
  id: string;
  /** Repository-relative path of the JSON or YAML file holding the version. */
  versionFile: string;
  /** Dotted path to the version inside versionFile, e.g. attributes.dataset_version. */
  versionKey: string;
  storeExtension: string;
} & CronJobSource;

export interface StagingConfig {
  source: string;
  namespace: string;
  namePrefix: string;
  /** Base path of dataset stores; null when not configured (no store path is printed). */
  store: string | null;
  /** Keyed by dataset id; has no prototype, so look ids up with datasetConfig(). */
  datasets: Record<string, DatasetConfig>;
}

/** The config file, relative to the repository root (input `config`). */
export const DEFAULT_CONFIG = '.github/staging.yml';
export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_NAME_PREFIX = 'staging';
export const DEFAULT_STORE_EXTENSION = 'zarr';

const TOP_KEYS = ['namespace', 'name-prefix', 'store', 'datasets'];
const DATASET_KEYS = [
  'version-file',
  'version-key',
  'store-extension',
  'cronjobs',
  'cronjobs-command'
];
const HINTS: Record<string, string> = {
  namespace: 'a Kubernetes namespace such as datasets',
  'name-prefix': 'the start of staging CronJob names, such as staging',
  store: 'the base path of dataset stores, such as s3://bucket/datasets',
  'version-file': 'a repository path such as path/to/template/zarr.json',
  'version-key': 'a dotted path such as attributes.dataset_version',
  'store-extension': 'a file extension without the dot, such as zarr',
  cronjobs: 'a glob such as deploy/noaa-gfs-forecast/*.yaml, or a list of globs',
  'cronjobs-command':
    'a list of arguments such as [uv, run, main, noaa-gfs-forecast, print-cronjobs]'
};
const DOTTED_PATH = /^[^.\s]+(\.[^.\s]+)*$/;
const EXTENSION = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestion(key: string, allowed: readonly string[]): string {
  const normalised = key.toLowerCase().replaceAll('_', '-');
  const close = allowed.find(a => a === normalised || editDistance(normalised, a) <= 2);
  return close === undefined ? '' : ` Did you mean ${close}?`;
}

class Checker {
  constructor(private readonly source: string) {}

  fail(path: string, problem: string): never {
    throw new ConfigError(`${this.source}: ${path} ${problem}`);
  }

  keys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const where = path === '' ? 'at the top level' : `in ${path}`;
      throw new ConfigError(
        `${this.source}: unknown key ${quote(key)} ${where}; allowed keys: ` +
          `${allowed.join(', ')}.${suggestion(key, allowed)}`
      );
    }
  }

  string(value: unknown, path: string, key: string, required: boolean): string | undefined {
    const full = path === '' ? key : `${path}.${key}`;
    if (value === undefined || value === null) {
      if (required) this.fail(full, `is required (${HINTS[key] ?? key})`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(full, `must be a string (${HINTS[key] ?? key}); found ${describeValue(value)}`);
    }
    return value;
  }

  label(value: string | undefined, path: string, fallback: string): string {
    if (value === undefined) return fallback;
    if (!isDnsLabel(value)) this.fail(path, `must be ${DNS_LABEL_RULE}; found ${quote(value)}`);
    return value;
  }

  relativePath(value: string, path: string): string {
    if (/^([/\\]|[A-Za-z]:)/.test(value) || value.split(/[/\\]/).includes('..')) {
      this.fail(
        path,
        `must be relative to the repository root, without ".."; found ${quote(value)}`
      );
    }
    return value;
  }

  stringList(value: unknown, path: string, key: string): string[] {
    const full = `${path}.${key}`;
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(full, `must be a non-empty list (${HINTS[key]}); found ${describeValue(value)}`);
    }
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string') {
        this.fail(`${full}[${i}]`, `must be a string (quote it); found ${describeValue(item)}`);
      }
    });
    return value as string[];
  }
}

function cronJobSource(
  check: Checker,
  value: Record<string, unknown>,
  path: string
): CronJobSource {
  const globs = value.cronjobs;
  const command = value['cronjobs-command'];
  const hasGlobs = globs !== undefined && globs !== null;
  const hasCommand = command !== undefined && command !== null;
  if (hasGlobs === hasCommand) {
    check.fail(
      path,
      `must set exactly one of cronjobs (${HINTS.cronjobs}) or cronjobs-command ` +
        `(${HINTS['cronjobs-command']}); ${hasGlobs ? 'both are' : 'neither is'} set`
    );
  }
  if (hasCommand) {
    if (typeof command === 'string') {
      check.fail(
        `${path}.cronjobs-command`,
        `must be a list of arguments (${HINTS['cronjobs-command']}), not a shell string: it is ` +
          'run without a shell'
      );
    }
    const args = check.stringList(command, path, 'cronjobs-command');
    if (args[0] === '') check.fail(`${path}.cronjobs-command[0]`, 'must name a program');
    return { cronjobsCommand: args };
  }
  const list = typeof globs === 'string' ? [globs] : check.stringList(globs, path, 'cronjobs');
  list.forEach((glob, i) => {
    const where = typeof globs === 'string' ? `${path}.cronjobs` : `${path}.cronjobs[${i}]`;
    if (glob.trim() === '') check.fail(where, `must not be empty (${HINTS.cronjobs})`);
    check.relativePath(glob, where);
  });
  return { cronjobs: list };
}

function dataset(check: Checker, id: string, value: unknown): DatasetConfig {
  const path = `datasets.${id}`;
  const idProblem = datasetIdProblem(id);
  if (idProblem !== null) {
    check.fail(
      `datasets: ${quote(id)}`,
      `is not a valid dataset id: ${idProblem}. Dataset ids must be DNS-1123 labels ` +
        '(lowercase letters, digits and "-", e.g. noaa-gfs-forecast)'
    );
  }
  if (!isRecord(value)) {
    check.fail(
      path,
      `must be a mapping with version-file, version-key and cronjobs or cronjobs-command; ` +
        `found ${describeValue(value)}`
    );
  }
  check.keys(value, path, DATASET_KEYS);
  const versionFile = check.string(value['version-file'], path, 'version-file', true) as string;
  const versionKey = check.string(value['version-key'], path, 'version-key', true) as string;
  if (!DOTTED_PATH.test(versionKey)) {
    check.fail(
      `${path}.version-key`,
      `must be ${HINTS['version-key']}; found ${quote(versionKey)}`
    );
  }
  const extension = check.string(value['store-extension'], path, 'store-extension', false);
  if (extension !== undefined && !EXTENSION.test(extension)) {
    check.fail(
      `${path}.store-extension`,
      `must be ${HINTS['store-extension']}; found ${quote(extension)}`
    );
  }
  return {
    id,
    versionFile: check.relativePath(versionFile, `${path}.version-file`),
    versionKey,
    storeExtension: extension ?? DEFAULT_STORE_EXTENSION,
    ...cronJobSource(check, value, path)
  };
}

/** Parses and validates the staging config; `source` names the file in error messages. */
export function parseConfig(text: string, source: string): StagingConfig {
  const check: Checker = new Checker(source);
  const root = parseOne(text, source);
  if (!isRecord(root)) {
    throw new ConfigError(
      `${source}: expected a mapping with a datasets: section (see the staging config ` +
        `documentation); found ${describeValue(root)}`
    );
  }
  check.keys(root, '', TOP_KEYS);
  const namespace = check.string(root.namespace, '', 'namespace', false);
  const prefix = check.string(root['name-prefix'], '', 'name-prefix', false);
  const store = check.string(root.store, '', 'store', false);
  const datasets = root.datasets;
  if (!isRecord(datasets) || Object.keys(datasets).length === 0) {
    check.fail(
      'datasets',
      `must be a mapping from dataset id to its settings, with at least one dataset; found ` +
        describeValue(datasets)
    );
  }
  const parsed: Record<string, DatasetConfig> = Object.create(null) as Record<
    string,
    DatasetConfig
  >;
  for (const [id, value] of Object.entries(datasets)) parsed[id] = dataset(check, id, value);
  return {
    source,
    namespace: check.label(namespace, 'namespace', DEFAULT_NAMESPACE),
    namePrefix: check.label(prefix, 'name-prefix', DEFAULT_NAME_PREFIX),
    store: store ?? null,
    datasets: parsed
  };
}

/** The settings of `datasetId`; throws naming the configured ids when it has none. */
export function datasetConfig(config: StagingConfig, datasetId: string): DatasetConfig {
  const found = Object.hasOwn(config.datasets, datasetId) ? config.datasets[datasetId] : undefined;
  if (found === undefined) {
    const ids = Object.keys(config.datasets).sort();
    throw new ConfigError(
      `Dataset ${quote(datasetId)} is not configured in ${config.source} (configured: ` +
        `${ids.join(', ')}): add it under datasets:, or push to the stage/ branch of a ` +
        'configured dataset.'
    );
  }
  return found;
}
