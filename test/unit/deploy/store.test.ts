import { describe, expect, it } from '@jest/globals';
import {
  storeFacts,
  storePath,
  storePaths,
  storeRemovalCommand,
  storeRemovalNotes,
  storeTemplateProblem
} from '../../../src/dataset/store.js';

describe('storePath', () => {
  it('follows {store}/{dataset_id}/v{version}.{ext}', () => {
    expect(storePath('s3://bucket/datasets', 'noaa-gfs-forecast', '0.3.0', 'zarr')).toBe(
      's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr'
    );
  });

  it('does not double the slash when the store ends with one', () => {
    expect(storePath('gs://bucket/datasets//', 'x', '1.0.0-rc.1', 'icechunk')).toBe(
      'gs://bucket/datasets/x/v1.0.0-rc.1.icechunk'
    );
  });
});

describe('storeRemovalCommand', () => {
  it.each([
    ['s3://b/d/x/v0.3.0.zarr', "aws s3 rm --recursive 's3://b/d/x/v0.3.0.zarr'"],
    ['gs://b/d/x/v0.3.0.zarr', "gcloud storage rm --recursive 'gs://b/d/x/v0.3.0.zarr'"],
    ['/mnt/data/x/v0.3.0.zarr', "rm -rf '/mnt/data/x/v0.3.0.zarr'"]
  ])('deletes %s with the tool of its scheme', (path, command) => {
    expect(storeRemovalCommand(path)).toBe(command);
  });

  it('quotes paths so a pasted command cannot run anything else', () => {
    expect(storeRemovalCommand("/data/it's $(rm -rf ~)/v1.zarr")).toBe(
      "rm -rf '/data/it'\\''s $(rm -rf ~)/v1.zarr'"
    );
  });
});

describe('store templates', () => {
  const parts = { datasetId: 'noaa-gfs-forecast', version: '0.3.0', ext: 'icechunk' };

  it('fills {dataset_id}, {version} and {ext}, each wherever it appears', () => {
    expect(storePaths(['s3://dynamical-noaa-gfs/{dataset_id}/v{version}.{ext}'], parts)).toEqual([
      's3://dynamical-noaa-gfs/noaa-gfs-forecast/v0.3.0.icechunk'
    ]);
    expect(storePaths(['/data/{version}/{dataset_id}-{version}.zarr'], parts)).toEqual([
      '/data/0.3.0/noaa-gfs-forecast-0.3.0.zarr'
    ]);
  });

  it('keeps a plain base path meaning {store}/{dataset_id}/v{version}.{ext}', () => {
    expect(storePaths(['s3://bucket/datasets/'], parts)).toEqual([
      's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.icechunk'
    ]);
  });

  it('gives every replica its own path, in order, once', () => {
    expect(
      storePaths(
        [
          's3://us-west-2-store/{dataset_id}/v{version}.{ext}',
          'gs://replica/{dataset_id}/v{version}.{ext}',
          's3://us-west-2-store/{dataset_id}/v{version}.{ext}'
        ],
        parts
      )
    ).toEqual([
      's3://us-west-2-store/noaa-gfs-forecast/v0.3.0.icechunk',
      'gs://replica/noaa-gfs-forecast/v0.3.0.icechunk'
    ]);
    expect(storePaths([], parts)).toEqual([]);
  });

  it.each([
    ['s3://b/{dataset}/v{version}', 'has the unknown placeholder {dataset}'],
    ['s3://b/{DATASET_ID}', 'has the unknown placeholder {DATASET_ID}'],
    ['s3://b/{}', 'has the unknown placeholder {}'],
    ['s3://b/{dataset_id', 'has a "{" or "}" that is not part of a placeholder'],
    ['s3://b/dataset_id}', 'has a "{" or "}" that is not part of a placeholder']
  ])('refuses %j', (template, problem) => {
    expect(storeTemplateProblem(template)).toContain(problem);
  });

  it('accepts templates with known placeholders only, and plain paths', () => {
    expect(storeTemplateProblem('s3://b/{dataset_id}/v{version}.{ext}')).toBeNull();
    expect(storeTemplateProblem('s3://bucket/datasets')).toBeNull();
  });

  it('prints every path with its removal command', () => {
    const paths = ['s3://a/x/v1.zarr', 'gs://b/x/v1.zarr'];
    expect(storeFacts(paths)).toEqual([
      { label: 'Store', value: 's3://a/x/v1.zarr', code: true },
      { label: 'Replica', value: 'gs://b/x/v1.zarr', code: true }
    ]);
    expect(storeRemovalNotes(paths, 'Remove by hand:')).toEqual([
      { text: 'Remove by hand:' },
      {
        text: "aws s3 rm --recursive 's3://a/x/v1.zarr'\ngcloud storage rm --recursive 'gs://b/x/v1.zarr'",
        code: true
      }
    ]);
    expect(storeRemovalNotes([], 'Remove by hand:')).toEqual([]);
  });
});
