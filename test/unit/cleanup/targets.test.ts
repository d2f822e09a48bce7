import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cleanupTargets } from '../../../src/cleanup/run.js';

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
