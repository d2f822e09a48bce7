import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../../src/deploy/errors.js';
import { labelValue, stagingLabels } from '../../../src/deploy/labels.js';

describe('labelValue', () => {
  it('accepts values Kubernetes accepts', () => {
    for (const value of ['', 'a', '0.3.0-rc.1', 'A_b.c-9', 'x'.repeat(63)]) {
      expect(labelValue(value)).toBe(value);
    }
  });

  it('rejects values over 63 characters, saying the length', () => {
    expect(() => labelValue('x'.repeat(64), 'version')).toThrow(
      'The version "' +
        'x'.repeat(64) +
        '" is 64 characters; Kubernetes label values allow at most 63'
    );
  });

  it.each(['-a', 'a-', 'a b', 'a/b', '.a'])('rejects %j', value => {
    expect(() => labelValue(value)).toThrow(ValidationError);
  });
});

describe('stagingLabels', () => {
  it('marks the CronJob with its manager, dataset, version and kind', () => {
    expect(stagingLabels('noaa-gfs-forecast', '0.3.0', 'update')).toEqual({
      'app.kubernetes.io/managed-by': 'staging-action',
      'staging-action/dataset': 'noaa-gfs-forecast',
      'staging-action/version': '0.3.0',
      'staging-action/kind': 'update'
    });
  });
});
