import { describe, expect, it } from '@jest/globals';
import { storePath, storeRemovalCommand } from '../../../src/dataset/store.js';

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
