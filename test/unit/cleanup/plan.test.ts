import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cleanupTargets, stageBranchName } from '../../../src/cleanup/plan.js';
import { ValidationError } from '../../../src/deploy/errors.js';

describe('cleanupTargets', () => {
  it('deletes labelled CronJobs and the computed names, once each, sorted', () => {
    expect(
      cleanupTargets(
        ['staging-x-v1-0-0-validate', 'staging-x-v1-0-0-archive'],
        ['staging-x-v1-0-0-update', 'staging-x-v1-0-0-validate']
      )
    ).toEqual(['staging-x-v1-0-0-archive', 'staging-x-v1-0-0-update', 'staging-x-v1-0-0-validate']);
  });

  it('never misses a name from either list', () => {
    const names = fc.array(fc.string({ maxLength: 8 }), { maxLength: 8 });
    fc.assert(
      fc.property(names, names, (labelled, computed) => {
        const targets = cleanupTargets(labelled, computed);
        expect(new Set(targets)).toEqual(new Set([...labelled, ...computed]));
        expect(targets).toEqual([...new Set(targets)].sort());
      })
    );
  });
});

describe('stageBranchName', () => {
  it('is stage/{dataset_id}/v{version}', () => {
    expect(stageBranchName('noaa-gfs-forecast', '0.3.0')).toBe('stage/noaa-gfs-forecast/v0.3.0');
  });

  it('refuses ids and versions that would make a branch deploy cannot parse', () => {
    expect(() => stageBranchName('noaa gfs', '0.3.0')).toThrow(ValidationError);
    expect(() => stageBranchName('noaa', 'v0.3.0')).toThrow('without the leading "v"');
  });
});
