// A dataset catalog printed by one command, like a pipeline repository whose CronJobs are generated
// by code: one dataset with abbreviated production names (production-prefix) and store replicas,
// one whose kind is a label (kind-label, set in the config's datasets: entry).
import { stringify } from 'yaml';
import { NAMESPACE, type CatalogDataset } from './dataset-fixture.js';

export { catalogScript } from './dataset-fixture.js';

export const CATALOG_CONFIG = '.github/staging-catalog.yml';
export const CATALOG_SCRIPT = 'scripts/catalog.mjs';
export const GEFS = 'noaa-gefs-analysis';
export const AIFS = 'ecmwf-aifs-single';
export const REPLICAS = [
  's3://dynamical-noaa-gefs/{dataset_id}/v{version}.icechunk',
  'gs://dynamical-replica/{dataset_id}/v{version}.icechunk'
];

/** The registry as the pipeline's code knows it, at some version of GEFS and AIFS. */
export function registry(gefs: string, aifs = '0.1.0'): CatalogDataset[] {
  return [
    {
      id: GEFS,
      version: gefs,
      productionPrefix: 'gefs-analysis',
      store: REPLICAS,
      kinds: ['update', 'validate']
    },
    {
      id: AIFS,
      version: aifs,
      kinds: ['update'],
      name: kind => `aifs-sgl-${kind.slice(0, 3)}`,
      labels: { 'dynamical.org/kind': 'update' }
    }
  ];
}

/** The staging config: the catalog command, a top-level store, AIFS's kind-label. */
export function catalogConfig(extra: Record<string, unknown> = {}): string {
  return stringify({
    namespace: NAMESPACE,
    'catalog-command': ['node', CATALOG_SCRIPT],
    store: 's3://bucket/datasets',
    datasets: { [AIFS]: { 'kind-label': 'dynamical.org/kind' } },
    ...extra
  });
}
