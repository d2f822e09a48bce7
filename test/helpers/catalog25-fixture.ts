// A repository shaped like a real dataset pipeline (26 datasets, ids 17 to 55 characters), whose
// CronJobs exist only as code: a registry file lists each dataset's version, jobs and stores, and
// a catalog script (the catalog-command) generates the production CronJob manifests from
// it. Production names are abbreviated where the full ones would not fit (production-prefix), some
// kinds come from a label (kind-label), two Jobs are Indexed (120 and 24 completions), one
// production CronJob is suspended. Each dataset is staged from its own stage/{id}/v{version} branch.
import { stringify } from 'yaml';
import { IMAGE_REPOSITORY, NAMESPACE, PRODUCTION_IMAGE } from './dataset-fixture.js';

export const CONFIG_PATH = '.github/staging.yml';
export const REGISTRY_PATH = 'src/reformatters/registry.json';
export const CATALOG_SCRIPT = 'scripts/print-staging-catalog.mjs';
export const KIND_LABEL = 'dynamical.org/kind';
/** The top-level store, for datasets whose catalog entry has none. */
export const DEFAULT_STORE = 's3://dynamical-staging/{dataset_id}/v{version}.{ext}';
export { IMAGE_REPOSITORY, NAMESPACE };

export interface RegistryJob {
  kind: string;
  schedule: string;
  /** The production name, when it is not `{production prefix}-{kind}`. */
  name?: string;
  /** An Indexed Job with this many completions (each pod's hostname is `{job}-{index}`). */
  completions?: number;
  suspend?: boolean;
}

export interface RegistryDataset {
  id: string;
  /** The version on main. */
  version: string;
  /** The version its stage branch bumps it to. */
  staged: string;
  /** The production names' part before the kind, when it is not the id (names abbreviated). */
  productionPrefix?: string;
  /** Its production CronJobs carry the kind in the KIND_LABEL label (named freely). */
  kindLabel?: boolean;
  store?: string[];
  storeExtension?: string;
  jobs: RegistryJob[];
}

const UPDATE = '15 */6 * * *';
const VALIDATE = '45 1 * * *';
const both = (overrides: Partial<Record<'update' | 'validate', Partial<RegistryJob>>> = {}) => [
  { kind: 'update', schedule: UPDATE, ...overrides.update },
  { kind: 'validate', schedule: VALIDATE, ...overrides.validate }
];

export const GFS = 'noaa-gfs-forecast';
export const IFS_ENS = 'ecmwf-ifs-ens-forecast-15-day-0-25-degree';
export const ICON_GLOBAL = 'dwd-icon-global-forecast-7-day';
export const NDVI = 'noaa-ndvi-cdr-analysis';
export const WN2 = 'google-weathernext2-forecast-operational-virtual';
export const WN2_ENS = 'google-weathernext2-forecast-ensemble-virtual';
export const WN3 = 'google-weathernext3-forecast-15-day-0-05-degree-virtual';
/** Its kind-label is set in the config's datasets: entry, not in the catalog. */
export const AIFS = 'ecmwf-aifs-single-forecast';

/** The pipeline's registry, as main has it (`staged` is what each stage branch bumps to). */
export const REGISTRY: readonly RegistryDataset[] = [
  {
    id: GFS,
    version: '0.2.0',
    staged: '0.3.0',
    storeExtension: 'icechunk',
    store: [
      's3://dynamical-noaa-gfs/{dataset_id}/v{version}.{ext}',
      'gs://dynamical-noaa-gfs-replica/{dataset_id}/v{version}.{ext}'
    ],
    jobs: [...both(), { kind: 'archive-grib-files', schedule: '30 3 * * *' }]
  },
  { id: 'noaa-gfs-analysis', version: '0.1.0', staged: '0.1.1', jobs: both() },
  { id: 'noaa-gefs-analysis', version: '0.1.2', staged: '0.2.0', jobs: both() },
  { id: 'noaa-gefs-forecast-35-day', version: '0.2.0', staged: '0.2.1', jobs: both() },
  { id: 'noaa-hrrr-forecast-48-hour', version: '1.9.0', staged: '1.10.0', jobs: both() },
  { id: 'noaa-hrrr-analysis', version: '0.1.0', staged: '0.2.0-rc.1', jobs: both() },
  {
    id: NDVI,
    version: '0.1.0',
    staged: '0.2.0',
    // Production paused this one: its staged copy must not run on its own either.
    jobs: both({ update: { suspend: true } })
  },
  { id: 'noaa-mrms-conus-analysis-hourly', version: '0.1.0', staged: '0.1.1', jobs: both() },
  { id: 'noaa-rtma-conus-analysis-hourly', version: '0.3.0', staged: '0.4.0', jobs: both() },
  { id: 'noaa-nbm-conus-forecast-11-day', version: '0.1.0', staged: '0.2.0', jobs: both() },
  { id: 'noaa-stage4-conus-analysis-hourly', version: '0.1.0', staged: '0.1.1', jobs: both() },
  // 43 characters: `{id}-validate` is exactly the API server's 52.
  {
    id: 'noaa-goes-east-conus-cloud-imagery-analysis',
    version: '0.1.0',
    staged: '0.2.0',
    jobs: both()
  },
  {
    id: IFS_ENS,
    version: '0.1.0',
    staged: '0.2.0',
    storeExtension: 'icechunk',
    store: ['s3://dynamical-ecmwf-ifs-ens/{dataset_id}/v{version}.{ext}'],
    jobs: both({ update: { completions: 120 } })
  },
  {
    id: 'ecmwf-ifs-hres-forecast-10-day-0-1-degree',
    version: '0.1.0',
    staged: '0.1.1',
    jobs: both()
  },
  {
    id: AIFS,
    version: '0.1.0',
    staged: '0.2.0',
    jobs: both({ update: { name: 'aifs-single-upd' }, validate: { name: 'aifs-single-val' } })
  },
  {
    id: 'ecmwf-aifs-ens-forecast-15-day-0-25-degree',
    version: '0.1.0',
    staged: '0.2.0',
    kindLabel: true,
    jobs: both({ update: { name: 'aifs-ens-15d-upd' }, validate: { name: 'aifs-ens-15d-val' } })
  },
  { id: 'ecmwf-era5-reanalysis-0-25-degree', version: '0.1.0', staged: '0.1.1', jobs: both() },
  { id: 'dwd-icon-eu-forecast-5-day', version: '0.1.0', staged: '0.2.0', jobs: both() },
  // `staging-{id}-v0-2-0-update` is 52 characters: an API server accepts it, but 24 completions
  // would make the pod hostnames 64 characters long.
  {
    id: ICON_GLOBAL,
    version: '0.1.0',
    staged: '0.2.0',
    jobs: both({ update: { completions: 24 } })
  },
  {
    id: 'uarizona-swann-analysis',
    version: '0.1.0',
    staged: '0.2.0',
    jobs: [{ kind: 'update', schedule: '0 14 * * *' }]
  },
  { id: 'nasa-smap-level3-soil-moisture-daily', version: '0.1.0', staged: '0.2.0', jobs: both() },
  {
    id: WN2,
    version: '0.1.0',
    staged: '0.2.0',
    productionPrefix: 'google-wn2-forecast-operational-virtual',
    storeExtension: 'icechunk',
    store: [
      's3://dynamical-weathernext2/{dataset_id}/v{version}.{ext}',
      'gs://dynamical-weathernext2-replica/{dataset_id}/v{version}.{ext}'
    ],
    jobs: both()
  },
  // Shares its first 29 characters (and its staged version) with WN2.
  {
    id: WN2_ENS,
    version: '0.1.0',
    staged: '0.2.0',
    productionPrefix: 'google-wn2-forecast-ensemble-virtual',
    jobs: both()
  },
  // 55 characters: over the limit before any prefix.
  {
    id: WN3,
    version: '0.1.0',
    staged: '0.2.0-rc.1',
    productionPrefix: 'google-wn3-fcst-15-day-0-05-deg-virtual',
    jobs: both()
  },
  {
    id: 'jma-msm-forecast-39-hour',
    version: '0.1.0',
    staged: '0.2.0',
    jobs: [{ kind: 'update', schedule: '20 */3 * * *' }]
  },
  {
    id: 'meteofrance-arpege-forecast-4-day-0-1-degree',
    version: '0.1.0',
    staged: '0.2.0',
    productionPrefix: 'mf-arpege-forecast-4-day-0-1-degree',
    jobs: both()
  },
  { id: 'chc-chirps-v3-analysis-daily', version: '0.1.0', staged: '0.1.1', jobs: both() }
];

/** The registry file with `bumped` (an id) at its staged version, the others as on main. */
export function registryFile(bumped: string | null = null): string {
  const entries = REGISTRY.map(d => ({
    id: d.id,
    version: d.id === bumped ? d.staged : d.version,
    ...(d.productionPrefix ? { production_prefix: d.productionPrefix } : {}),
    ...(d.kindLabel ? { kind_label: KIND_LABEL } : {}),
    ...(d.store ? { store: d.store } : {}),
    ...(d.storeExtension ? { store_extension: d.storeExtension } : {}),
    jobs: d.jobs.map(j => ({
      kind: j.kind,
      schedule: j.schedule,
      ...(j.name ? { name: j.name } : {}),
      ...(j.completions ? { completions: j.completions } : {}),
      ...(j.suspend ? { suspend: true } : {})
    }))
  }));
  return JSON.stringify(entries, null, 2) + '\n';
}

/**
 * The catalog-command: generates each dataset's production CronJobs from the registry, as the
 * pipeline's code does, and prints the catalog. It refuses to run with the GitHub token in its
 * environment (the action must not hand it over).
 */
export function catalogScript(): string {
  return `// ${CATALOG_SCRIPT}: catalog-command: [node, ${CATALOG_SCRIPT}]
import { readFileSync } from 'node:fs';

if (process.env.GITHUB_TOKEN || process.env['INPUT_GITHUB-TOKEN']) {
  process.stderr.write('catalog-command saw the GitHub token\\n');
  process.exit(3);
}
const IMAGE = ${JSON.stringify(PRODUCTION_IMAGE)};
const registry = JSON.parse(readFileSync(${JSON.stringify(REGISTRY_PATH)}, 'utf8'));

function cronJob(dataset, job) {
  const name = job.name ?? \`\${dataset.production_prefix ?? dataset.id}-\${job.kind}\`;
  const labels = {
    'app.kubernetes.io/name': dataset.id,
    'app.kubernetes.io/component': job.kind,
    ${JSON.stringify(KIND_LABEL)}: job.kind
  };
  const indexed = job.completions
    ? { completionMode: 'Indexed', completions: job.completions, parallelism: 8 }
    : {};
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: ${JSON.stringify(NAMESPACE)}, labels },
    spec: {
      schedule: job.schedule,
      concurrencyPolicy: 'Forbid',
      ...(job.suspend ? { suspend: true } : {}),
      jobTemplate: {
        spec: {
          backoffLimit: 1,
          ...indexed,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'pipeline',
                  image: IMAGE,
                  args: ['main', dataset.id, job.kind],
                  env: [
                    { name: 'DATASET_ID', value: dataset.id },
                    { name: 'CRON_JOB_NAME', value: name }
                  ]
                }
              ]
            }
          }
        }
      }
    }
  };
}

const datasets = registry.map(d => ({
  id: d.id,
  version: d.version,
  ...(d.production_prefix ? { 'production-prefix': d.production_prefix } : {}),
  ...(d.kind_label ? { 'kind-label': d.kind_label } : {}),
  ...(d.store ? { store: d.store } : {}),
  ...(d.store_extension ? { 'store-extension': d.store_extension } : {}),
  cronjobs: d.jobs.map(job => cronJob(d, job))
}));
process.stdout.write(JSON.stringify({ datasets }, null, 2) + '\\n');
`;
}

/** The staging config: the catalog command, a top-level store template, AIFS's kind-label. */
export function stagingConfig(): string {
  return stringify({
    namespace: NAMESPACE,
    'catalog-command': ['node', CATALOG_SCRIPT],
    store: DEFAULT_STORE,
    datasets: { [AIFS]: { 'kind-label': KIND_LABEL } }
  });
}

/** main's files: the config, the registry and the catalog script. */
export function repositoryFiles(): Record<string, string> {
  return {
    'README.md': '# reformatters\n',
    [CONFIG_PATH]: stagingConfig(),
    [REGISTRY_PATH]: registryFile(),
    [CATALOG_SCRIPT]: catalogScript()
  };
}

/** `stage/{id}/v{staged}`. */
export function stageBranch(dataset: RegistryDataset): string {
  return `stage/${dataset.id}/v${dataset.staged}`;
}

/** The store paths a staged version writes, in template order. */
export function expectedStores(dataset: RegistryDataset): string[] {
  return (dataset.store ?? [DEFAULT_STORE]).map(t =>
    t
      .replaceAll('{dataset_id}', dataset.id)
      .replaceAll('{version}', dataset.staged)
      .replaceAll('{ext}', dataset.storeExtension ?? 'zarr')
  );
}
