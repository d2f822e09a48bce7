import { describe, expect, it } from '@jest/globals';
import { stagingLabels } from '../../../src/dataset/labels.js';
import { deriveKind } from '../../../src/dataset/names.js';
import { labelValueProblem } from '../../../src/kube/rules.js';
import { id, ver } from './arbitraries.js';

describe('labelValueProblem', () => {
  it('accepts values Kubernetes accepts', () => {
    for (const value of ['', 'a', '0.3.0-rc.1', 'A_b.c-9', 'x'.repeat(63)]) {
      expect(labelValueProblem(value)).toBeNull();
    }
  });

  it('rejects values over 63 characters, saying the length', () => {
    expect(labelValueProblem('x'.repeat(64))).toBe(
      'it is 64 characters; Kubernetes label values allow at most 63'
    );
  });

  it.each(['-a', 'a-', 'a b', 'a/b', '.a'])('rejects %j', value => {
    expect(labelValueProblem(value)).toMatch(/may contain only/);
  });
});

describe('stagingLabels', () => {
  it('marks the CronJob with its manager, dataset, version and kind', () => {
    const dataset = id('noaa-gfs-forecast');
    expect(
      stagingLabels(dataset, ver('0.3.0'), deriveKind('noaa-gfs-forecast-update', dataset))
    ).toEqual({
      'app.kubernetes.io/managed-by': 'staging-action',
      'staging-action/dataset': 'noaa-gfs-forecast',
      'staging-action/version': '0.3.0',
      'staging-action/kind': 'update'
    });
  });
});
