// The dataset catalog: what `catalog-command` prints (every dataset's id, version, kind rule,
// stores and production CronJobs), merged with the config's `datasets:` entries into the
// datasets deploy, cleanup and sweep work on. Pure: the command is run in sources.ts.
import type { V1CronJob } from '@kubernetes/client-node';
import { Checker } from './checker.js';
import {
  checkDatasetId,
  DEFAULT_STORE_EXTENSION,
  HINTS,
  optionalDatasetKeys,
  type DatasetConfig,
  type StagingConfig
} from './config.js';
import { checkCronJob } from './documents.js';
import { ConfigError, quote } from './errors.js';
import type { KindRule } from './kinds.js';
import { describeValue, isRecord, parseOutput } from './yaml.js';

export interface CatalogEntry extends Pick<
  DatasetConfig,
  'storeExtension' | 'store' | 'productionPrefix' | 'kindLabel'
> {
  id: string;
  version: string;
  cronJobs: V1CronJob[];
}

/** Where a dataset's version is read: a file of the commit, or what the catalog printed. */
export type VersionSource =
  | { file: string; key: string }
  /** The version the catalog printed at this commit, and the command to read it elsewhere. */
  | { catalog: string; command: string[] };

/** Where its production CronJobs come from: globs, a command, or the catalog's manifests. */
export type ProductionSource =
  { globs: string[] } | { command: string[] } | { manifests: V1CronJob[]; from: string };

/** A dataset as the modes use it: the config's entry over the catalog's, defaults filled in. */
export interface Dataset {
  id: string;
  version: VersionSource;
  storeExtension: string;
  /** Store path templates (replicas); empty when no store is configured. */
  store: string[];
  kindRule: KindRule;
  cronJobs: ProductionSource;
}

export interface Datasets {
  /** The config file, for messages. */
  source: string;
  /** The catalog command as shown in messages; null without one. */
  catalog: string | null;
  byId: Map<string, Dataset>;
}

const ENTRY_KEYS = [
  'id',
  'version',
  'production-prefix',
  'kind-label',
  'store',
  'store-extension',
  'cronjobs'
];
const CATALOG_HINTS: Record<string, string> = {
  ...HINTS,
  id: 'a dataset id such as noaa-gfs-forecast',
  version: 'the dataset version at this commit as a string, such as "0.3.0"',
  cronjobs: 'a list of the production CronJob manifests (batch/v1 CronJob objects)'
};
const SHAPE = '{"datasets": [{"id": ..., "version": ..., "cronjobs": [...]}, ...]}';

function entry(check: Checker, source: string, value: unknown, path: string): CatalogEntry {
  if (!isRecord(value)) {
    check.fail(
      path,
      `must be a mapping with id, version and cronjobs; found ${describeValue(value)}`
    );
  }
  const id = check.string(value.id, path, 'id', true) as string;
  checkDatasetId(check, id, `${path}.id ${quote(id)}`);
  const at = `${path} (${id})`;
  check.keys(value, at, ENTRY_KEYS);
  const version = check.string(value.version, at, 'version', true) as string;
  const cronjobs = value.cronjobs;
  if (!Array.isArray(cronjobs)) {
    check.fail(
      `${at}.cronjobs`,
      `must be ${CATALOG_HINTS.cronjobs}; found ${describeValue(cronjobs)}`
    );
  }
  return {
    id,
    version,
    ...optionalDatasetKeys(check, value, at),
    cronJobs: cronjobs.map((c: unknown, i) => checkCronJob(c, `${source}: ${at}.cronjobs[${i}]`))
  };
}

/** The catalog a command printed (JSON or YAML); `source` names the output in messages. */
export function parseCatalog(text: string, source: string): CatalogEntry[] {
  const check: Checker = new Checker(source, CATALOG_HINTS);
  if (text.trim() === '') {
    throw new ConfigError(
      `${source}: printed nothing; expected JSON or YAML shaped like ${SHAPE}.`
    );
  }
  const root = parseOutput(text, source);
  if (!isRecord(root) || !Array.isArray(root.datasets)) {
    throw new ConfigError(
      `${source}: expected a mapping with a datasets list, shaped like ${SHAPE}; found ` +
        (isRecord(root) ? `datasets: ${describeValue(root.datasets)}` : describeValue(root))
    );
  }
  check.keys(root, '', ['datasets']);
  const seen = new Map<string, number>();
  return root.datasets.map((value: unknown, i) => {
    const parsed = entry(check, source, value, `datasets[${i}]`);
    const first = seen.get(parsed.id);
    if (first !== undefined) {
      check.fail(`datasets[${i}].id`, `${quote(parsed.id)} is also the id of datasets[${first}]`);
    }
    seen.set(parsed.id, i);
    return parsed;
  });
}

function missing(config: StagingConfig, catalog: string | null, id: string, keys: string): never {
  const where = catalog === null ? '' : ` and it is not in the catalog printed by ${catalog}`;
  throw new ConfigError(
    `${config.source}: datasets.${id} has no ${keys}${where}: set them in its entry` +
      (catalog === null ? '.' : ', or add the dataset to the catalog.')
  );
}

function merge(
  config: StagingConfig,
  catalog: string | null,
  id: string,
  own: DatasetConfig | undefined,
  printed: CatalogEntry | undefined
): Dataset {
  let version: VersionSource;
  if (own?.versionFile && own.versionKey) version = { file: own.versionFile, key: own.versionKey };
  else if (printed) version = { catalog: printed.version, command: config.catalogCommand ?? [] };
  else missing(config, catalog, id, 'version-file and version-key');
  let cronJobs: ProductionSource;
  if (own?.cronjobs) cronJobs = { globs: own.cronjobs };
  else if (own?.cronjobsCommand) cronJobs = { command: own.cronjobsCommand };
  else if (printed) cronJobs = { manifests: printed.cronJobs, from: catalog ?? '' };
  else missing(config, catalog, id, 'cronjobs or cronjobs-command');
  return {
    id,
    version,
    storeExtension: own?.storeExtension ?? printed?.storeExtension ?? DEFAULT_STORE_EXTENSION,
    store: own?.store ?? printed?.store ?? config.store ?? [],
    kindRule: {
      productionPrefix: own?.productionPrefix ?? printed?.productionPrefix ?? id,
      kindLabel: own?.kindLabel ?? printed?.kindLabel ?? null
    },
    cronJobs
  };
}

/**
 * Every dataset: the catalog's (when the config has a catalog-command; `catalog` is its parsed
 * output, `shown` the command) with the config's entries over them, plus entries of their own.
 */
export function resolveDatasets(
  config: StagingConfig,
  catalog: CatalogEntry[] | null,
  shown: string | null = null
): Datasets {
  const printed = new Map((catalog ?? []).map(e => [e.id, e]));
  const ids = [...new Set([...printed.keys(), ...Object.keys(config.datasets)])].sort();
  const byId = new Map<string, Dataset>();
  for (const id of ids) {
    const own = Object.hasOwn(config.datasets, id) ? config.datasets[id] : undefined;
    byId.set(id, merge(config, shown, id, own, printed.get(id)));
  }
  return { source: config.source, catalog: shown, byId };
}

/** Where a dataset's version is read, for messages: "path (key)" or "the catalog". */
export function versionWhere(dataset: Dataset): string {
  return 'file' in dataset.version
    ? `${dataset.version.file} (${dataset.version.key})`
    : `the catalog printed by catalog-command '${dataset.version.command.join(' ')}'`;
}

/** The dataset `datasetId`; throws naming the known ids when there is none. */
export function findDataset(datasets: Datasets, datasetId: string): Dataset {
  const found = datasets.byId.get(datasetId);
  if (found !== undefined) return found;
  const ids = [...datasets.byId.keys()].join(', ') || 'none';
  const where =
    datasets.catalog === null
      ? `is not configured in ${datasets.source} (configured: ${ids}): add it under datasets:`
      : `is neither in the catalog printed by ${datasets.catalog} nor under datasets: in ` +
        `${datasets.source} (known: ${ids}): add it to the catalog`;
  throw new ConfigError(
    `Dataset ${quote(datasetId)} ${where}, or push to the stage/ branch of a configured dataset.`
  );
}
