// A sandbox data-pipeline repository for the deploy and cleanup modes, built with real git: the
// staging config, two datasets (one listing its production CronJobs as manifest files, one printing
// them with a command), version files at 0.2.0 on main, and a stage branch that bumps one dataset
// to 0.3.0. Checkouts are made the way actions/checkout makes them.
import { stringify } from 'yaml';
import { cloneLikeCheckout, createOrigin, type Origin } from './git-fixture.js';

export const DATASET_ID = 'noaa-gfs-forecast';
export const COMMAND_DATASET_ID = 'ecmwf-ifs-ens';
export const MAIN_VERSION = '0.2.0';
export const STAGED_VERSION = '0.3.0';
export const STAGE_BRANCH = `stage/${DATASET_ID}/v${STAGED_VERSION}`;
export const NAMESPACE = 'datasets';
export const STORE = 's3://bucket/datasets';
export const IMAGE_REPOSITORY = 'ghcr.io/acme/pipelines';
/** The image production runs: built from an older commit. */
export const PRODUCTION_IMAGE = `${IMAGE_REPOSITORY}:${'a1'.repeat(20)}`;
export const SIDECAR_IMAGE = 'docker.io/fluent/fluent-bit:3.1.4';
export const NOAA_KINDS = ['update', 'validate', 'archive-grib-files'] as const;
export const ECMWF_KINDS = ['update', 'validate'] as const;
export const CONFIG_PATH = '.github/staging.yml';
/** The staging CronJobs of noaa-gfs-forecast 0.3.0, sorted, spelled out (never computed). */
export const STAGED_NAMES = [
  'staging-noaa-gfs-forecast-v0-3-0-archive-grib-files',
  'staging-noaa-gfs-forecast-v0-3-0-update',
  'staging-noaa-gfs-forecast-v0-3-0-validate'
];

type Manifest = Record<string, unknown>;

/** Where a dataset keeps its template (and so its version). */
export function versionFilePath(datasetId: string): string {
  return `src/${datasetId}/templates/latest.zarr/zarr.json`;
}

/** A zarr.json template holding the dataset version, like the real pipelines keep it. */
export function versionFile(datasetId: string, version: string): string {
  const template = {
    zarr_format: 3,
    node_type: 'group',
    attributes: { dataset_id: datasetId, dataset_version: version, spatial_resolution: '0.25' }
  };
  return JSON.stringify(template, null, 2) + '\n';
}

export interface CronJobOptions {
  schedule?: string;
  image?: string;
  /** Set CRON_JOB_NAME to the production name (the update and validate jobs do). */
  cronJobNameEnv?: boolean;
  restartPolicy?: string;
  namespace?: string;
  /** The production name; default `{datasetId}-{kind}` (real catalogs abbreviate it). */
  name?: string;
  /** Labels on top of the standard app.kubernetes.io/name and component ones. */
  labels?: Record<string, string>;
  /** Run Indexed Jobs with this many completions (each pod's hostname is `{job}-{index}`). */
  indexedCompletions?: number;
}

/**
 * A production CronJob of `datasetId`: the pipeline container, plus a log-shipping sidecar (a
 * native sidecar: an init container that keeps running) on an image staging must not touch.
 */
export function productionCronJob(
  datasetId: string,
  kind: string,
  options: CronJobOptions = {}
): Manifest {
  const name = options.name ?? `${datasetId}-${kind}`;
  const env: Array<{ name: string; value: string }> = [{ name: 'DATASET_ID', value: datasetId }];
  if (options.cronJobNameEnv ?? kind !== 'archive-grib-files') {
    env.push({ name: 'CRON_JOB_NAME', value: name });
  }
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name,
      namespace: options.namespace ?? NAMESPACE,
      labels: {
        'app.kubernetes.io/name': datasetId,
        'app.kubernetes.io/component': kind,
        ...options.labels
      }
    },
    spec: {
      schedule: options.schedule ?? (kind === 'update' ? '15 */6 * * *' : '45 1 * * *'),
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          backoffLimit: 1,
          ...(options.indexedCompletions === undefined
            ? {}
            : { completionMode: 'Indexed', completions: options.indexedCompletions }),
          template: {
            spec: {
              restartPolicy: options.restartPolicy ?? 'Never',
              initContainers: [
                {
                  name: 'log-shipper',
                  image: SIDECAR_IMAGE,
                  restartPolicy: 'Always',
                  env: [{ name: 'CRON_JOB_NAME', value: name }]
                }
              ],
              containers: [
                {
                  name: 'pipeline',
                  image: options.image ?? PRODUCTION_IMAGE,
                  args: ['main', datasetId, kind],
                  env
                }
              ]
            }
          }
        }
      }
    }
  };
}

/** A multi-document YAML stream, as kubectl-style manifest files are written. */
export function yamlStream(docs: Manifest[]): string {
  return docs.map(d => stringify(d)).join('---\n');
}

/**
 * The production manifests of a file-listed dataset: update and validate in one multi-document
 * file, every other kind in a file of its own.
 */
export function productionManifestFiles(
  datasetId: string,
  kinds: readonly string[],
  options: CronJobOptions = {}
): Record<string, string> {
  const dir = `deploy/${datasetId}`;
  const shared: string[] = kinds.filter(k => k === 'update' || k === 'validate');
  const files: Record<string, string> = {};
  if (shared.length > 0) {
    files[`${dir}/cronjobs.yaml`] = yamlStream(
      shared.map(k => productionCronJob(datasetId, k, options))
    );
  }
  for (const kind of kinds.filter(k => !shared.includes(k))) {
    files[`${dir}/${kind}.yaml`] = yamlStream([productionCronJob(datasetId, kind, options)]);
  }
  return files;
}

/** The script a `cronjobs-command` dataset runs: it prints the CronJobs as one YAML stream. */
export function printCronJobsScript(datasetId: string, kinds: readonly string[]): string {
  const stream = yamlStream(kinds.map(k => productionCronJob(datasetId, k)));
  return `process.stdout.write(${JSON.stringify(stream)});\n`;
}

/** One dataset as a catalog-command prints it; `kinds` become full production manifests. */
export interface CatalogDataset {
  id: string;
  version?: string;
  productionPrefix?: string;
  store?: string | string[];
  kinds: readonly string[];
  /** Production name of each kind; default `{productionPrefix ?? id}-{kind}`. */
  name?: (kind: string) => string;
  labels?: Record<string, string>;
}

/** The catalog JSON (schema of the README) for `datasets`. */
export function catalogJson(datasets: readonly CatalogDataset[]): string {
  const entries = datasets.map(d => ({
    id: d.id,
    ...(d.version === undefined ? {} : { version: d.version }),
    ...(d.productionPrefix ? { 'production-prefix': d.productionPrefix } : {}),
    ...(d.store ? { store: d.store } : {}),
    cronjobs: d.kinds.map(kind =>
      productionCronJob(d.id, kind, {
        name: d.name?.(kind) ?? `${d.productionPrefix ?? d.id}-${kind}`,
        labels: d.labels
      })
    )
  }));
  return JSON.stringify({ datasets: entries }, null, 2) + '\n';
}

/**
 * A catalog-command script printing `output` (default: the catalog of `datasets`). It refuses to
 * run with the GitHub token in its environment, so every catalog test checks it is not there.
 */
export function catalogScript(datasets: readonly CatalogDataset[], output?: string): string {
  return [
    "if (process.env.GITHUB_TOKEN || process.env['INPUT_GITHUB-TOKEN']) {",
    "  process.stderr.write('catalog-command saw the GitHub token\\n');",
    '  process.exit(3);',
    '}',
    `process.stdout.write(${JSON.stringify(output ?? catalogJson(datasets))});`,
    ''
  ].join('\n');
}

export interface DatasetEntry {
  id: string;
  /** Manifest globs, or the command printing the CronJobs. */
  cronjobs?: string;
  command?: string[];
}

/** `.github/staging.yml` with the two standard datasets plus `extra` ones. */
export function stagingConfig(extra: DatasetEntry[] = []): string {
  const entries: DatasetEntry[] = [
    { id: DATASET_ID, cronjobs: `deploy/${DATASET_ID}/*.yaml` },
    { id: COMMAND_DATASET_ID, command: ['node', 'scripts/print-cronjobs.mjs', COMMAND_DATASET_ID] },
    ...extra
  ];
  const datasets = Object.fromEntries(
    entries.map(e => [
      e.id,
      {
        'version-file': versionFilePath(e.id),
        'version-key': 'attributes.dataset_version',
        ...(e.command ? { 'cronjobs-command': e.command } : { cronjobs: e.cronjobs })
      }
    ])
  );
  return stringify({ namespace: NAMESPACE, store: STORE, datasets });
}

/** Every file of a dataset added with a manifest glob: its template and production CronJobs. */
export function datasetFiles(
  datasetId: string,
  version: string,
  kinds: readonly string[],
  options: CronJobOptions = {}
): Record<string, string> {
  return {
    [versionFilePath(datasetId)]: versionFile(datasetId, version),
    ...productionManifestFiles(datasetId, kinds, options)
  };
}

export interface DatasetRepo {
  origin: Origin;
  mainSha: string;
  /** The head of STAGE_BRANCH: noaa-gfs-forecast bumped to 0.3.0. */
  stageSha: string;
  /**
   * Commits `files` (null deletes) on `branch`, created from main when it does not exist yet.
   * Returns the new head.
   */
  commit(branch: string, files: Record<string, string | null>, message?: string): Promise<string>;
  /**
   * A checkout like actions/checkout's of `ref` (default STAGE_BRANCH). `depth` 0 (the default
   * here, as the deploy workflow sets it) fetches every branch; 1 is actions/checkout's default.
   */
  checkout(options?: { ref?: string; depth?: number }): Promise<string>;
  cleanup(): Promise<void>;
}

/** The sandbox dataset repository; `cleanup()` removes it and every checkout made of it. */
export async function createDatasetRepo(): Promise<DatasetRepo> {
  const origin = await createOrigin({
    files: {
      'README.md': '# pipelines\n',
      [CONFIG_PATH]: stagingConfig(),
      ...datasetFiles(DATASET_ID, MAIN_VERSION, NOAA_KINDS),
      [versionFilePath(COMMAND_DATASET_ID)]: versionFile(COMMAND_DATASET_ID, MAIN_VERSION),
      'scripts/print-cronjobs.mjs': printCronJobsScript(COMMAND_DATASET_ID, ECMWF_KINDS)
    }
  });
  const mainSha = (await origin.revParse('refs/heads/main')) ?? '';
  const commit = (
    branch: string,
    files: Record<string, string | null>,
    message = `Change ${branch}`
  ): Promise<string> => origin.commit(branch, files, message, { from: 'main' });
  const stageSha = await commit(
    STAGE_BRANCH,
    { [versionFilePath(DATASET_ID)]: versionFile(DATASET_ID, STAGED_VERSION) },
    `Bump ${DATASET_ID} to ${STAGED_VERSION}`
  );
  return {
    origin,
    mainSha,
    stageSha,
    commit,
    checkout: ({ ref = STAGE_BRANCH, depth = 0 } = {}) => cloneLikeCheckout(origin, { ref, depth }),
    cleanup: () => origin.cleanup()
  };
}
