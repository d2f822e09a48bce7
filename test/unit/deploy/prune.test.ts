import { describe, expect, it } from '@jest/globals';
import { planPrune } from '../../../src/dataset/manifests.js';

describe('planPrune', () => {
  it('deletes staged CronJobs of kinds the deploy no longer has', () => {
    const live = [
      { name: 'staging-x-v1-0-0-validate' },
      { name: 'staging-x-v1-0-0-old' },
      { name: 'staging-x-v1-0-0-update' }
    ];
    expect(planPrune(live, ['staging-x-v1-0-0-update', 'staging-x-v1-0-0-validate'])).toEqual([
      'staging-x-v1-0-0-old'
    ]);
  });

  it('returns names sorted and once each', () => {
    expect(planPrune([{ name: 'b' }, { name: 'a' }, { name: 'b' }], [])).toEqual(['a', 'b']);
  });

  it('deletes nothing when everything live is still wanted', () => {
    expect(planPrune([{ name: 'a' }], ['a', 'b'])).toEqual([]);
  });
});
