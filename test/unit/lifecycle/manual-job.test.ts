import { describe, expect, it } from '@jest/globals';
import type { V1CronJob } from '@kubernetes/client-node';
import { isDnsLabel, manualJobName, maxJobName } from '../../../src/kube/rules.js';
import { INSTANTIATE_ANNOTATION, manualJob, nameSuffix } from '../../../src/trigger/job.js';

const LONGEST = 'staging-noaa-gfs-forecast-v0-3-0-archive-grib-filess'; // 52: the CronJob limit

describe('manualJobName', () => {
  it('is the CronJob name, -manual- and the suffix when that fits', () => {
    expect(manualJobName('staging-noaa-v0-3-0-update', 'bcd42')).toBe(
      'staging-noaa-v0-3-0-update-manual-bcd42'
    );
  });

  it('cuts a long CronJob name so the Job name fits in 63, never ending the stem in "-"', () => {
    expect(LONGEST).toHaveLength(52);
    const name = manualJobName(LONGEST, 'bcd42');
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toBe('staging-noaa-gfs-forecast-v0-3-0-archive-grib-file-manual-bcd42');
    expect(isDnsLabel(name)).toBe(true);
    // A cut that lands right after a "-" drops it.
    expect(manualJobName(`${'a'.repeat(49)}-bb`, 'bcd42')).toBe(`${'a'.repeat(49)}-manual-bcd42`);
  });

  it('leaves room for the largest pod index of an Indexed Job: {job}-{index} is a hostname', () => {
    for (const completions of [1, 10, 11, 1000, 100_000]) {
      const name = manualJobName(LONGEST, 'bcd42', completions);
      const hostname = `${name}-${completions - 1}`;
      expect([completions, hostname.length <= 63, isDnsLabel(hostname)]).toEqual([
        completions,
        true,
        true
      ]);
      // As long as allowed, less a "-" the cut may have left at the end of the stem.
      expect(name.length).toBeGreaterThanOrEqual(maxJobName(completions) - 1);
      expect(name.length).toBeLessThanOrEqual(maxJobName(completions));
    }
  });
});

describe('nameSuffix', () => {
  it('is 5 lowercase consonants and digits, different from run to run', () => {
    const seen = new Set(Array.from({ length: 50 }, () => nameSuffix()));
    for (const suffix of seen) expect(suffix).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(seen.size).toBeGreaterThan(45);
  });
});

const cronJob: V1CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {
    name: 'staging-noaa-v0-3-0-update',
    namespace: 'datasets',
    uid: '1b2c',
    labels: { 'staging-action/kind': 'update' },
    annotations: { 'staging-action/source': 'noaa-update' }
  },
  spec: {
    schedule: '15 * * * *',
    jobTemplate: {
      metadata: {
        labels: { 'staging-action/dataset': 'noaa', 'staging-action/version': '0.3.0' },
        annotations: { team: 'data' }
      },
      spec: {
        backoffLimit: 1,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'p', image: 'i:1' }] } }
      }
    }
  }
};

describe('manualJob', () => {
  it('is what kubectl create job --from=cronjob/NAME creates', () => {
    expect(manualJob(cronJob, 'bcd42')).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'staging-noaa-v0-3-0-update-manual-bcd42',
        namespace: 'datasets',
        labels: { 'staging-action/dataset': 'noaa', 'staging-action/version': '0.3.0' },
        annotations: { team: 'data', [INSTANTIATE_ANNOTATION]: 'manual' },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: 'staging-noaa-v0-3-0-update',
            uid: '1b2c',
            controller: true,
            blockOwnerDeletion: true
          }
        ]
      },
      spec: cronJob.spec?.jobTemplate.spec
    });
  });

  it('sizes the name for an Indexed job template', () => {
    const indexed = structuredClone(cronJob);
    indexed.metadata = { ...indexed.metadata, name: LONGEST };
    Object.assign(indexed.spec?.jobTemplate.spec ?? {}, {
      completionMode: 'Indexed',
      completions: 100
    });
    expect(manualJob(indexed, 'bcd42').metadata?.name).toHaveLength(60);
  });

  it('refuses a CronJob without a uid (it would have no owner)', () => {
    const bare = structuredClone(cronJob);
    delete bare.metadata?.uid;
    expect(() => manualJob(bare, 'bcd42')).toThrow(/no name, uid or job template/);
  });
});
