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
      store: 's3://bucket/datasets/'
    });
    expect(datasetConfig(config, 'noaa-gfs-forecast')).toEqual({
      id: 'noaa-gfs-forecast',
      versionFile: 'path/to/template/zarr.json',
      versionKey: 'attributes.dataset_version',
      storeExtension: 'icechunk',
      cronjobs: ['deploy/noaa-gfs-forecast/*.yaml']
    });
    expect(datasetConfig(config, 'noaa-hrrr')).toEqual({
      id: 'noaa-hrrr',
      versionFile: 'hrrr/template.yaml',
      versionKey: 'dataset_version',
      storeExtension: 'zarr',
      cronjobsCommand: ['uv', 'run', 'main', 'noaa-hrrr', 'print-cronjobs']
    });
  });

  it('defaults the namespace, the prefix and the extension, and leaves the store unset', () => {
    const config = parseConfig(
      withDataset('version-file: a.json\nversion-key: v\ncronjobs: [a/*.yaml, b/*.yml]'),
      SOURCE
    );
    expect(config.namespace).toBe('default');
    expect(config.namePrefix).toBe('staging');
    expect(config.store).toBeNull();
    expect(datasetConfig(config, 'noaa-gfs-forecast')).toMatchObject({
      storeExtension: 'zarr',
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
      'allowed keys: version-file, version-key, store-extension, cronjobs, cronjobs-command'
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
    ['store: 5', 'store must be a string (the base path of dataset stores']
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
