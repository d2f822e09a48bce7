// What a catalog-command prints, and how the config's datasets: entries add to it.
import { describe, expect, it } from '@jest/globals';
import {
  findDataset,
  parseCatalog,
  resolveDatasets,
  versionWhere
} from '../../../src/dataset/catalog.js';
import { parseConfig } from '../../../src/dataset/config.js';
import { ConfigError } from '../../../src/dataset/errors.js';

const SOURCE = "the output of catalog-command 'node catalog.mjs'";

function cronJob(name: string): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '0 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } }
    }
  };
}

const CATALOG = {
  datasets: [
    {
      id: 'google-weathernext2-forecast-operational-virtual',
      version: '0.1.0',
      'production-prefix': 'google-wn2-forecast-operational-virtual',
      store: ['s3://a/{dataset_id}/v{version}.{ext}', 'gs://b/{dataset_id}/v{version}.{ext}'],
      'store-extension': 'icechunk',
      cronjobs: [cronJob('google-wn2-forecast-operational-virtual-update')]
    },
    { id: 'noaa-gfs-forecast', version: '0.3.0', cronjobs: [cronJob('noaa-gfs-forecast-update')] }
  ]
};

function problem(text: string): string {
  try {
    parseCatalog(text, SOURCE);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

function withEntry(entry: Record<string, unknown>): string {
  return JSON.stringify({ datasets: [entry] });
}

describe('parseCatalog', () => {
  it('reads JSON', () => {
    const [first, second] = parseCatalog(JSON.stringify(CATALOG), SOURCE);
    expect(first).toMatchObject({
      id: 'google-weathernext2-forecast-operational-virtual',
      version: '0.1.0',
      productionPrefix: 'google-wn2-forecast-operational-virtual',
      kindLabel: null,
      storeExtension: 'icechunk',
      store: ['s3://a/{dataset_id}/v{version}.{ext}', 'gs://b/{dataset_id}/v{version}.{ext}']
    });
    expect(first?.cronJobs.map(c => c.metadata?.name)).toEqual([
      'google-wn2-forecast-operational-virtual-update'
    ]);
    expect(second).toMatchObject({ id: 'noaa-gfs-forecast', store: null, productionPrefix: null });
  });

  it('reads YAML the same way', () => {
    const yaml = [
      'datasets:',
      '  - id: noaa-gfs-forecast',
      '    version: "0.3.0"',
      '    store: s3://bucket/{dataset_id}/v{version}.zarr',
      '    cronjobs:',
      '      - apiVersion: batch/v1',
      '        kind: CronJob',
      '        metadata: {name: noaa-gfs-forecast-update}',
      '        spec:',
      '          schedule: "0 * * * *"',
      '          jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}'
    ].join('\n');
    expect(parseCatalog(yaml, SOURCE)).toMatchObject([
      {
        id: 'noaa-gfs-forecast',
        version: '0.3.0',
        store: ['s3://bucket/{dataset_id}/v{version}.zarr']
      }
    ]);
  });

  it('reports invalid JSON with its line', () => {
    expect(problem('{"datasets": [\n  {"id": "x",}\n]}')).toMatch(
      /^the output of catalog-command 'node catalog\.mjs': invalid JSON/
    );
  });

  it.each([
    ['', 'printed nothing; expected JSON or YAML shaped like {"datasets": ['],
    ['[]', 'expected a mapping with a datasets list'],
    ['{"datasets": {}}', 'expected a mapping with a datasets list, shaped like'],
    ['{"datasets": [], "extra": 1}', 'unknown key "extra" at the top level'],
    ['{"datasets": ["x"]}', 'datasets[0] must be a mapping with id, version and cronjobs'],
    [withEntry({ version: '1.0.0', cronjobs: [] }), 'datasets[0].id is required'],
    [withEntry({ id: 'X_Y', version: '1.0.0', cronjobs: [] }), 'is not a valid dataset id'],
    [withEntry({ id: 'x', cronjobs: [] }), 'datasets[0] (x).version is required'],
    [
      withEntry({ id: 'x', version: 0.3, cronjobs: [] }),
      'datasets[0] (x).version must be a string'
    ],
    [withEntry({ id: 'x', version: '1.0.0' }), 'datasets[0] (x).cronjobs must be a list of the'],
    [
      withEntry({
        id: 'x',
        version: '1.0.0',
        cronjobs: [{ kind: 'Deployment', apiVersion: 'apps/v1' }]
      }),
      'datasets[0] (x).cronjobs[0] is a Deployment, not a batch/v1 CronJob'
    ],
    [
      withEntry({ id: 'x', version: '1.0.0', store: 's3://b/{id}', cronjobs: [] }),
      'datasets[0] (x).store "s3://b/{id}" has the unknown placeholder {id}'
    ],
    [withEntry({ id: 'x', version: '1', versoin: '2', cronjobs: [] }), 'unknown key "versoin"'],
    [
      JSON.stringify({
        datasets: [
          { id: 'x', version: '1', cronjobs: [] },
          { id: 'x', version: '2', cronjobs: [] }
        ]
      }),
      'datasets[1].id "x" is also the id of datasets[0]'
    ]
  ])('refuses %j', (text, expected) => {
    expect(problem(text)).toContain(expected);
  });
});

describe('resolveDatasets', () => {
  const catalog = parseCatalog(JSON.stringify(CATALOG), SOURCE);
  const config = (text: string) => parseConfig(text, '.github/staging.yml');

  it('takes every dataset of the catalog, with the top-level store and defaults', () => {
    const datasets = resolveDatasets(
      config('catalog-command: [node, catalog.mjs]\nstore: s3://bucket/datasets\n'),
      catalog,
      'node catalog.mjs'
    );
    expect([...datasets.byId.keys()]).toEqual([
      'google-weathernext2-forecast-operational-virtual',
      'noaa-gfs-forecast'
    ]);
    const gfs = findDataset(datasets, 'noaa-gfs-forecast');
    expect(gfs).toMatchObject({
      version: { catalog: '0.3.0', command: ['node', 'catalog.mjs'] },
      storeExtension: 'zarr',
      store: ['s3://bucket/datasets'],
      kindRule: { productionPrefix: 'noaa-gfs-forecast', kindLabel: null }
    });
    expect(versionWhere(gfs)).toBe("the catalog printed by catalog-command 'node catalog.mjs'");
    const wn2 = findDataset(datasets, 'google-weathernext2-forecast-operational-virtual');
    expect(wn2.kindRule.productionPrefix).toBe('google-wn2-forecast-operational-virtual');
    expect(wn2.store).toHaveLength(2);
    expect('manifests' in wn2.cronJobs && wn2.cronJobs.manifests).toHaveLength(1);
  });

  it("lets a datasets: entry override the catalog's keys, or add a dataset", () => {
    const datasets = resolveDatasets(
      config(
        [
          'catalog-command: [node, catalog.mjs]',
          'datasets:',
          '  noaa-gfs-forecast:',
          '    version-file: gfs/zarr.json',
          '    version-key: attributes.dataset_version',
          '    kind-label: app.kubernetes.io/component',
          '    store: /mnt/{dataset_id}',
          '  ecmwf-ifs-ens:',
          '    version-file: ecmwf/zarr.json',
          '    version-key: attributes.dataset_version',
          '    cronjobs: deploy/ecmwf/*.yaml'
        ].join('\n')
      ),
      catalog,
      'node catalog.mjs'
    );
    expect(findDataset(datasets, 'noaa-gfs-forecast')).toMatchObject({
      version: { file: 'gfs/zarr.json', key: 'attributes.dataset_version' },
      kindRule: { productionPrefix: 'noaa-gfs-forecast', kindLabel: 'app.kubernetes.io/component' },
      store: ['/mnt/{dataset_id}'],
      cronJobs: { from: 'node catalog.mjs' }
    });
    expect(findDataset(datasets, 'ecmwf-ifs-ens')).toMatchObject({
      version: { file: 'ecmwf/zarr.json' },
      cronJobs: { globs: ['deploy/ecmwf/*.yaml'] }
    });
  });

  it('refuses an entry the catalog does not complete', () => {
    const partial = config(
      'catalog-command: [node, catalog.mjs]\ndatasets:\n  ecmwf-ifs-ens: {}\n'
    );
    expect(() => resolveDatasets(partial, catalog, 'node catalog.mjs')).toThrow(
      '.github/staging.yml: datasets.ecmwf-ifs-ens has no version-file and version-key and it ' +
        'is not in the catalog printed by node catalog.mjs'
    );
  });

  it('names the catalog and the config when a dataset is in neither', () => {
    const datasets = resolveDatasets(
      config('catalog-command: [node, catalog.mjs]\n'),
      catalog,
      'node catalog.mjs'
    );
    expect(() => findDataset(datasets, 'noaa-hrrr')).toThrow(
      'Dataset "noaa-hrrr" is neither in the catalog printed by node catalog.mjs nor under ' +
        'datasets: in .github/staging.yml (known: google-weathernext2-forecast-operational-virtual, noaa-gfs-forecast)'
    );
  });
});
