// The staging config file (.github/staging.yml by default). It comes from the pushed commit, so it
// is validated as strictly as the branch name; typos fail loudly instead of being ignored.
import { isDnsSubdomain } from '../kube/rules.js';
import { Checker } from './checker.js';
import { ConfigError, quote } from './errors.js';
import { datasetIdProblem } from './ref.js';
import { describeValue, isRecord, parseOne } from './yaml.js';

export { parseCronJobDocuments, readVersion } from './documents.js';

/**
 * One `datasets:` entry as written. Without `catalog-command` it is complete (version-file,
 * version-key and one of cronjobs / cronjobs-command); with it, every key is optional and
 * overrides (or adds to) what the catalog says about the dataset.
 */
export interface DatasetConfig {
  id: string;
  /** Repository-relative path of the JSON or YAML file holding the version. */
  versionFile: string | null;
  /** Dotted path to the version inside versionFile, e.g. attributes.dataset_version. */
  versionKey: string | null;
  storeExtension: string | null;
  /** Store path templates (replicas), overriding the top-level `store`. */
  store: string[] | null;
  productionPrefix: string | null;
  kindLabel: string | null;
  /** Globs of production CronJob manifests; at most one of cronjobs and cronjobsCommand. */
  cronjobs: string[] | null;
  cronjobsCommand: string[] | null;
}

export interface StagingConfig {
  source: string;
  namespace: string;
  namePrefix: string;
  /** Store path templates of every dataset; null when not configured (no store path printed). */
  store: string[] | null;
  /** The command printing the dataset catalog (argument list); null without one. */
  catalogCommand: string[] | null;
  /** Keyed by dataset id; has no prototype, so look ids up with Object.hasOwn. */
  datasets: Record<string, DatasetConfig>;
}

/** The config file, relative to the repository root (input `config`). */
export const DEFAULT_CONFIG = '.github/staging.yml';
export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_NAME_PREFIX = 'staging';
export const DEFAULT_STORE_EXTENSION = 'zarr';

const TOP_KEYS = ['namespace', 'name-prefix', 'store', 'catalog-command', 'datasets'];
const DATASET_KEYS = [
  'version-file',
  'version-key',
  'store-extension',
  'store',
  'production-prefix',
  'kind-label',
  'cronjobs',
  'cronjobs-command'
];
export const HINTS: Record<string, string> = {
  namespace: 'a Kubernetes namespace such as datasets',
  'name-prefix': 'the start of staging CronJob names, such as staging',
  store:
    'a base path such as s3://bucket/datasets, or a template such as ' +
    's3://bucket/{dataset_id}/v{version}.{ext}, or a list of them',
  'catalog-command': 'a list of arguments such as [uv, run, main, print-catalog]',
  'version-file': 'a repository path such as path/to/template/zarr.json',
  'version-key': 'a dotted path such as attributes.dataset_version',
  'store-extension': 'a file extension without the dot, such as zarr',
  'production-prefix':
    'the part of the production CronJob names before the kind, such as noaa-gfs-forecast',
  'kind-label': 'a label key of the production CronJobs, such as app.kubernetes.io/component',
  cronjobs: 'a glob such as deploy/noaa-gfs-forecast/*.yaml, or a list of globs',
  'cronjobs-command':
    'a list of arguments such as [uv, run, main, noaa-gfs-forecast, print-cronjobs]'
};
const DOTTED_PATH = /^[^.\s]+(\.[^.\s]+)*$/;
const EXTENSION = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

function cronJobSource(
  check: Checker,
  value: Record<string, unknown>,
  path: string,
  required: boolean
): Pick<DatasetConfig, 'cronjobs' | 'cronjobsCommand'> {
  const globs = value.cronjobs;
  const command = value['cronjobs-command'];
  const hasGlobs = globs !== undefined && globs !== null;
  const hasCommand = command !== undefined && command !== null;
  if (!hasGlobs && !hasCommand && !required) return { cronjobs: null, cronjobsCommand: null };
  if (hasGlobs === hasCommand) {
    check.fail(
      path,
      `must set ${required ? 'exactly' : 'at most'} one of cronjobs (${HINTS.cronjobs}) or ` +
        `cronjobs-command (${HINTS['cronjobs-command']}); ${hasGlobs ? 'both are' : 'neither is'} set`
    );
  }
  if (hasCommand) {
    return { cronjobs: null, cronjobsCommand: check.command(command, path, 'cronjobs-command') };
  }
  const list = typeof globs === 'string' ? [globs] : check.stringList(globs, path, 'cronjobs');
  list.forEach((glob, i) => {
    const where = typeof globs === 'string' ? `${path}.cronjobs` : `${path}.cronjobs[${i}]`;
    if (glob.trim() === '') check.fail(where, `must not be empty (${HINTS.cronjobs})`);
    check.relativePath(glob, where);
  });
  return { cronjobs: list, cronjobsCommand: null };
}

/** production-prefix, kind-label and store-extension: shared by config and catalog entries. */
export function optionalDatasetKeys(
  check: Checker,
  value: Record<string, unknown>,
  path: string
): Pick<DatasetConfig, 'storeExtension' | 'productionPrefix' | 'kindLabel' | 'store'> {
  const extension = check.string(value['store-extension'], path, 'store-extension', false);
  if (extension !== undefined && !EXTENSION.test(extension)) {
    check.fail(
      `${path}.store-extension`,
      `must be ${HINTS['store-extension']}; found ${quote(extension)}`
    );
  }
  const prefix = check.string(value['production-prefix'], path, 'production-prefix', false);
  if (prefix !== undefined && !isDnsSubdomain(prefix)) {
    check.fail(
      `${path}.production-prefix`,
      `must be ${HINTS['production-prefix']} (lowercase letters, digits, "-" and "."); found ` +
        quote(prefix)
    );
  }
  const label = check.string(value['kind-label'], path, 'kind-label', false);
  if (label !== undefined && !LABEL_KEY.test(label)) {
    check.fail(`${path}.kind-label`, `must be ${HINTS['kind-label']}; found ${quote(label)}`);
  }
  return {
    storeExtension: extension ?? null,
    productionPrefix: prefix ?? null,
    kindLabel: label ?? null,
    store: check.storeTemplates(value.store, path)
  };
}

/** A dataset id from a config key or a catalog entry; `where` is its place in the file. */
export function checkDatasetId(check: Checker, id: string, where: string): void {
  const idProblem = datasetIdProblem(id);
  if (idProblem !== null) {
    check.fail(
      where,
      `is not a valid dataset id: ${idProblem}. Dataset ids must be DNS-1123 labels ` +
        '(lowercase letters, digits and "-", e.g. noaa-gfs-forecast)'
    );
  }
}

function dataset(check: Checker, id: string, value: unknown, catalog: boolean): DatasetConfig {
  const path = `datasets.${id}`;
  checkDatasetId(check, id, `datasets: ${quote(id)}`);
  if (!isRecord(value)) {
    check.fail(
      path,
      `must be a mapping with version-file, version-key and cronjobs or cronjobs-command; ` +
        `found ${describeValue(value)}`
    );
  }
  check.keys(value, path, DATASET_KEYS);
  // With a catalog the version comes from it unless both keys say where else to read it.
  const hasFile = value['version-file'] !== undefined && value['version-file'] !== null;
  const hasKey = value['version-key'] !== undefined && value['version-key'] !== null;
  const required = !catalog || hasFile || hasKey;
  const versionFile = check.string(value['version-file'], path, 'version-file', required);
  const versionKey = check.string(value['version-key'], path, 'version-key', required);
  if (versionKey !== undefined && !DOTTED_PATH.test(versionKey)) {
    check.fail(
      `${path}.version-key`,
      `must be ${HINTS['version-key']}; found ${quote(versionKey)}`
    );
  }
  return {
    id,
    versionFile:
      versionFile === undefined ? null : check.relativePath(versionFile, `${path}.version-file`),
    versionKey: versionKey ?? null,
    ...optionalDatasetKeys(check, value, path),
    ...cronJobSource(check, value, path, !catalog)
  };
}

/** Parses and validates the staging config; `source` names the file in error messages. */
export function parseConfig(text: string, source: string): StagingConfig {
  const check: Checker = new Checker(source, HINTS);
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
  const hasCatalog = root['catalog-command'] !== undefined && root['catalog-command'] !== null;
  const catalogCommand = hasCatalog
    ? check.command(root['catalog-command'], '', 'catalog-command')
    : null;
  const datasets = root.datasets ?? (hasCatalog ? {} : undefined);
  if (!isRecord(datasets) || (!hasCatalog && Object.keys(datasets).length === 0)) {
    check.fail(
      'datasets',
      `must be a mapping from dataset id to its settings, with at least one dataset (or set ` +
        `catalog-command: ${HINTS['catalog-command']}); found ${describeValue(datasets)}`
    );
  }
  const parsed = Object.create(null) as Record<string, DatasetConfig>;
  for (const [id, value] of Object.entries(datasets)) {
    parsed[id] = dataset(check, id, value, hasCatalog);
  }
  return {
    source,
    namespace: check.label(namespace, 'namespace', DEFAULT_NAMESPACE),
    namePrefix: check.label(prefix, 'name-prefix', DEFAULT_NAME_PREFIX),
    store: check.storeTemplates(root.store, ''),
    catalogCommand,
    datasets: parsed
  };
}

/** The `datasets:` entry of `datasetId`; throws naming the configured ids when it has none. */
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
