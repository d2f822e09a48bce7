import { describe, expect, it } from '@jest/globals';
import { datasetConfig, parseConfig } from '../../../src/dataset/config.js';
import { ConfigError } from '../../../src/dataset/errors.js';

const SOURCE = '.github/staging.yml';

const FULL = `
namespace: datasets
name-prefix: stg
store: s3://bucket/datasets/
datasets:
  noaa-gfs-forecast:
    version-file: path/to/template/zarr.json
    version-key: attributes.dataset_version
    store-extension: icechunk
    cronjobs: deploy/noaa-gfs-forecast/*.yaml
  noaa-hrrr:
    version-file: hrrr/template.yaml
    version-key: dataset_version
    cronjobs-command: [uv, run, main, noaa-hrrr, print-cronjobs]
`;

function messageOf(text: string): string {
  try {
    parseConfig(text, SOURCE);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

/** A config with one dataset whose settings are `body` (indented under it). */
function withDataset(body: string, id = 'noaa-gfs-forecast'): string {
  const indented = body
    .trim()
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n');
  return `datasets:\n  ${id}:\n${indented}\n`;
}

describe('parseConfig', () => {
  it('returns typed, camelCase settings', () => {
    const config = parseConfig(FULL, SOURCE);
    expect(config).toMatchObject({
      source: SOURCE,
      namespace: 'datasets',
      namePrefix: 'stg',
      store: ['s3://bucket/datasets/'],
      catalogCommand: null
    });
    const unset = { store: null, productionPrefix: null, kindLabel: null };
    expect(datasetConfig(config, 'noaa-gfs-forecast')).toEqual({
      id: 'noaa-gfs-forecast',
      versionFile: 'path/to/template/zarr.json',
      versionKey: 'attributes.dataset_version',
      storeExtension: 'icechunk',
      cronjobs: ['deploy/noaa-gfs-forecast/*.yaml'],
      cronjobsCommand: null,
      ...unset
    });
    expect(datasetConfig(config, 'noaa-hrrr')).toEqual({
      id: 'noaa-hrrr',
      versionFile: 'hrrr/template.yaml',
      versionKey: 'dataset_version',
      storeExtension: null,
      cronjobs: null,
      cronjobsCommand: ['uv', 'run', 'main', 'noaa-hrrr', 'print-cronjobs'],
      ...unset
    });
  });

  it('defaults the namespace and the prefix, and leaves the store and extension unset', () => {
    const config = parseConfig(
      withDataset('version-file: a.json\nversion-key: v\ncronjobs: [a/*.yaml, b/*.yml]'),
      SOURCE
    );
    expect(config.namespace).toBe('default');
    expect(config.namePrefix).toBe('staging');
    expect(config.store).toBeNull();
    expect(datasetConfig(config, 'noaa-gfs-forecast')).toMatchObject({
      storeExtension: null,
      cronjobs: ['a/*.yaml', 'b/*.yml']
    });
  });

  it('points at the offending path when a value has the wrong type', () => {
    expect(messageOf(withDataset('version-file: a.json\nversion-key: 3\ncronjobs: x'))).toBe(
      '.github/staging.yml: datasets.noaa-gfs-forecast.version-key must be a string (a dotted ' +
        'path such as attributes.dataset_version); found a number (3)'
    );
  });

  it('names a missing required key', () => {
    expect(messageOf(withDataset('version-key: v\ncronjobs: x'))).toBe(
      '.github/staging.yml: datasets.noaa-gfs-forecast.version-file is required (a repository ' +
        'path such as path/to/template/zarr.json)'
    );
  });

  it('names an unknown key, the allowed ones and the likely intended one', () => {
    const message = messageOf(withDataset('version-file: a.json\nversion_key: v\ncronjobs: x'));
    expect(message).toContain('unknown key "version_key" in datasets.noaa-gfs-forecast');
    expect(message).toContain(
      'allowed keys: version-file, version-key, store-extension, store, production-prefix, ' +
        'kind-label, cronjobs, cronjobs-command'
    );
    expect(message).toContain('Did you mean version-key?');
  });

  it('catches typos at the top level too', () => {
    const message = messageOf(
      `namspace: x\n${withDataset('version-file: a\nversion-key: v\ncronjobs: x')}`
    );
    expect(message).toContain('unknown key "namspace" at the top level');
    expect(message).toContain('Did you mean namespace?');
  });

  it('rejects a dataset id that is not a DNS-1123 label', () => {
    const message = messageOf(
      withDataset('version-file: a\nversion-key: v\ncronjobs: x', 'NOAA_GFS')
    );
    expect(message).toContain('datasets: "NOAA_GFS" is not a valid dataset id');
    expect(message).toContain('uppercase');
  });

  it('requires exactly one of cronjobs and cronjobs-command', () => {
    expect(
      messageOf(withDataset('version-file: a\nversion-key: v\ncronjobs: x\ncronjobs-command: [a]'))
    ).toContain('must set exactly one of cronjobs');
    expect(messageOf(withDataset('version-file: a\nversion-key: v'))).toContain('neither is set');
  });

  it('refuses a shell string as cronjobs-command', () => {
    const message = messageOf(
      withDataset('version-file: a\nversion-key: v\ncronjobs-command: uv run main x print-cronjobs')
    );
    expect(message).toContain(
      'datasets.noaa-gfs-forecast.cronjobs-command must be a list of arguments'
    );
    expect(message).toContain('not a shell string');
  });

  it('asks to quote non-string arguments', () => {
    expect(
      messageOf(withDataset('version-file: a\nversion-key: v\ncronjobs-command: [run, 3]'))
    ).toContain('datasets.noaa-gfs-forecast.cronjobs-command[1] must be a string (quote it)');
  });

  it.each([
    ['name-prefix: Staging', 'name-prefix must be a DNS-1123 label'],
    ['namespace: my_ns', 'namespace must be a DNS-1123 label'],
    ['store: 5', 'store must be a base path such as s3://bucket/datasets, or a template'],
    [
      'store: ["s3://b/{dataset}/v{version}"]',
      'store[0] "s3://b/{dataset}/v{version}" has the unknown placeholder {dataset} (known: {dataset_id}, {version}, {ext})'
    ],
    [
      'store: s3://b/{dataset_id',
      'store "s3://b/{dataset_id" has a "{" or "}" that is not part of a placeholder'
    ],
    ['catalog-command: uv run main print-catalog', 'catalog-command must be a list of arguments'],
    ['catalog-command: []', 'catalog-command must be a non-empty list']
  ])('validates %j', (line, expected) => {
    expect(
      messageOf(`${line}\n${withDataset('version-file: a\nversion-key: v\ncronjobs: x')}`)
    ).toContain(`${SOURCE}: ${expected}`);
  });

  it('keeps paths inside the repository', () => {
    expect(
      messageOf(withDataset('version-file: /etc/passwd\nversion-key: v\ncronjobs: x'))
    ).toContain('version-file must be relative to the repository root');
    expect(
      messageOf(withDataset('version-file: a\nversion-key: v\ncronjobs: ../*.yaml'))
    ).toContain('datasets.noaa-gfs-forecast.cronjobs must be relative to the repository root');
  });

  it('rejects a malformed version-key or store-extension', () => {
    expect(messageOf(withDataset('version-file: a\nversion-key: a..b\ncronjobs: x'))).toContain(
      'version-key must be a dotted path such as attributes.dataset_version; found "a..b"'
    );
    expect(
      messageOf(withDataset('version-file: a\nversion-key: v\nstore-extension: .zarr\ncronjobs: x'))
    ).toContain('store-extension must be a file extension without the dot');
  });

  it('requires at least one dataset', () => {
    expect(messageOf('namespace: x\n')).toContain('datasets must be a mapping from dataset id');
    expect(messageOf('datasets: {}\n')).toContain('with at least one dataset');
  });

  it('rejects a file that is not a mapping, or empty', () => {
    expect(messageOf('- a\n- b\n')).toContain('expected a mapping with a datasets: section');
    expect(messageOf('')).toContain('found nothing');
  });

  it('reports broken YAML with the file and line', () => {
    const message = messageOf('datasets:\n  x:\n    cronjobs: [a, b\nnamespace: y\n');
    expect(message).toMatch(/^\.github\/staging\.yml: invalid YAML at line \d+, column \d+: /);
  });

  it('reports duplicate keys with their line', () => {
    expect(messageOf('namespace: a\nnamespace: b\n')).toContain('invalid YAML at line 2');
  });
});

describe('datasetConfig', () => {
  it('lists the configured datasets when the branch names another one', () => {
    const config = parseConfig(FULL, SOURCE);
    expect(() => datasetConfig(config, 'ecmwf-ifs')).toThrow(
      'Dataset "ecmwf-ifs" is not configured in .github/staging.yml (configured: noaa-gfs-forecast, noaa-hrrr)'
    );
  });

  it('does not mistake object built-ins for datasets', () => {
    const config = parseConfig(FULL, SOURCE);
    expect(() => datasetConfig(config, 'constructor')).toThrow(ConfigError);
    expect(() => datasetConfig(config, 'tostring')).toThrow(ConfigError);
  });
});

describe('parseConfig: store templates, kind rules and catalog-command', () => {
  const dataset = 'version-file: a.json\nversion-key: v\ncronjobs: x';

  it('reads store as one template or a list of replicas, at the top level and per dataset', () => {
    const config = parseConfig(
      'store: s3://bucket/datasets\n' +
        withDataset(
          `${dataset}\nstore:\n  - s3://a/{dataset_id}/v{version}.{ext}\n  - gs://b/{dataset_id}/v{version}.{ext}`
        ),
      SOURCE
    );
    expect(config.store).toEqual(['s3://bucket/datasets']);
    expect(datasetConfig(config, 'noaa-gfs-forecast').store).toEqual([
      's3://a/{dataset_id}/v{version}.{ext}',
      'gs://b/{dataset_id}/v{version}.{ext}'
    ]);
  });

  it('names the dataset key of a store template with an unknown placeholder', () => {
    expect(messageOf(withDataset(`${dataset}\nstore: s3://a/{id}/v{version}.zarr`))).toBe(
      '.github/staging.yml: datasets.noaa-gfs-forecast.store "s3://a/{id}/v{version}.zarr" has ' +
        'the unknown placeholder {id} (known: {dataset_id}, {version}, {ext})'
    );
  });

  it('reads production-prefix and kind-label, and rejects malformed ones', () => {
    const config = parseConfig(
      withDataset(
        `${dataset}\nproduction-prefix: google-wn2-forecast-operational-virtual\nkind-label: app.kubernetes.io/component`,
        'google-weathernext2-forecast-operational-virtual'
      ),
      SOURCE
    );
    expect(datasetConfig(config, 'google-weathernext2-forecast-operational-virtual')).toMatchObject(
      {
        productionPrefix: 'google-wn2-forecast-operational-virtual',
        kindLabel: 'app.kubernetes.io/component'
      }
    );
    expect(messageOf(withDataset(`${dataset}\nproduction-prefix: Google-WN2`))).toContain(
      'datasets.noaa-gfs-forecast.production-prefix must be the part of the production CronJob ' +
        'names before the kind'
    );
    expect(messageOf(withDataset(`${dataset}\nkind-label: "has space"`))).toContain(
      'datasets.noaa-gfs-forecast.kind-label must be a label key'
    );
  });

  it('makes datasets and every dataset key optional with a catalog-command', () => {
    const config = parseConfig('catalog-command: [node, scripts/catalog.mjs]\n', SOURCE);
    expect(config.catalogCommand).toEqual(['node', 'scripts/catalog.mjs']);
    expect(config.datasets).toEqual({});
    const overrides = parseConfig(
      'catalog-command: [node, catalog.mjs]\n' + withDataset('store-extension: icechunk'),
      SOURCE
    );
    expect(datasetConfig(overrides, 'noaa-gfs-forecast')).toMatchObject({
      versionFile: null,
      versionKey: null,
      storeExtension: 'icechunk',
      cronjobs: null,
      cronjobsCommand: null
    });
  });

  it('still wants version-file and version-key together, and one CronJob source at most', () => {
    const catalog = 'catalog-command: [node, catalog.mjs]\n';
    expect(messageOf(catalog + withDataset('version-file: a.json'))).toContain(
      'datasets.noaa-gfs-forecast.version-key is required'
    );
    expect(messageOf(catalog + withDataset('cronjobs: x\ncronjobs-command: [a]'))).toContain(
      'must set at most one of cronjobs'
    );
  });
});
