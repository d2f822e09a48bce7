import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  identityAnnotations,
  labelSafe,
  stagedIdentity,
  stagingLabels,
  stagingSelector
} from '../../../src/dataset/labels.js';
import { deriveKind, type Kind } from '../../../src/dataset/names.js';
import { labelValueProblem } from '../../../src/kube/rules.js';
import { datasetIdArb, id, LABEL_VALUE, ver, versionArb } from './arbitraries.js';

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

// Any string, biased towards long ones and ones that are almost label values.
const anyValueArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.stringMatching(/^[-A-Za-z0-9_.]{50,200}$/),
  fc.stringMatching(/^[a-z0-9]([-a-z0-9]{60,120}[a-z0-9])$/)
);

describe('labelSafe', () => {
  it('leaves every valid label value exactly as it is (objects labelled before keep matching)', () => {
    fc.assert(
      fc.property(fc.stringMatching(LABEL_VALUE), value => {
        fc.pre(value.length <= 63);
        expect(labelSafe(value)).toBe(value);
      })
    );
    // The longest real dataset id today, and a version and kind at the 63 limit.
    const realId = 'google-weathernext3-forecast-15-day-0-05-degree-virtual';
    expect(labelSafe(realId)).toBe(realId);
    expect(labelSafe('x'.repeat(63))).toBe('x'.repeat(63));
  });

  it('always gives a valid label value of at most 63 characters', () => {
    fc.assert(
      fc.property(anyValueArb, value => {
        const safe = labelSafe(value);
        expect(labelValueProblem(safe)).toBeNull();
        expect(safe.length).toBeLessThanOrEqual(63);
      })
    );
  });

  it('is stable: the same value always gives the same label', () => {
    const long = `ecmwf-ifs-ens-forecast-15-day-0-25-degree-${'x'.repeat(40)}`;
    expect(labelSafe(long)).toBe(labelSafe(String(long)));
    // Pinned: a different form would orphan the objects already labelled with this one.
    expect(labelSafe(long)).toBe('ecmwf-ifs-ens-forecast-15-day-0-25-degree-xxxxxxxxxxxx-b924c620');
  });

  it('gives different long values that share their first 63 characters different labels', () => {
    const start = 'a'.repeat(63);
    const values = Array.from({ length: 500 }, (_, i) => `${start}-${i}`);
    expect(new Set(values.map(labelSafe)).size).toBe(values.length);
    fc.assert(
      fc.property(anyValueArb, anyValueArb, (a, b) => {
        fc.pre(a !== b);
        expect(labelSafe(a)).not.toBe(labelSafe(b));
      })
    );
  });

  it('keeps the readable start of a long value and cuts characters labels cannot hold', () => {
    expect(labelSafe(`-/${'b'.repeat(70)}`)).toMatch(/^b{54}-[0-9a-f]{8}$/);
    expect(labelSafe('x/y')).toMatch(/^x-y-[0-9a-f]{8}$/);
    expect(labelSafe('///')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('staged identity', () => {
  const longKind = `update-${'k'.repeat(70)}` as Kind;

  it('reads back the full values from the annotations, whatever their length', () => {
    fc.assert(
      fc.property(datasetIdArb, versionArb, (dataset, version) => {
        const metadata = {
          labels: stagingLabels(dataset, version, longKind),
          annotations: identityAnnotations(dataset, version, longKind)
        };
        expect(stagedIdentity(metadata)).toEqual({
          datasetId: dataset,
          version,
          kind: longKind
        });
      })
    );
  });

  it('selects exactly what stagingLabels labels', () => {
    const labels = stagingLabels(id('noaa-gfs-forecast'), ver('0.3.0'), longKind);
    expect(labels['staging-action/kind']).toMatch(/^update-k{47}-[0-9a-f]{8}$/);
    const selector = stagingSelector(id('noaa-gfs-forecast'), ver('0.3.0'));
    for (const term of selector.split(',')) {
      const [key, value] = term.split('=') as [string, string];
      expect(labels[key]).toBe(value);
    }
  });

  it('falls back to the labels for objects staged before the annotations existed', () => {
    const labels = stagingLabels(id('noaa-gfs-forecast'), ver('0.3.0'), 'update' as Kind);
    expect(stagedIdentity({ labels })).toEqual({
      datasetId: 'noaa-gfs-forecast',
      version: '0.3.0',
      kind: 'update'
    });
    // An annotation that does not match its label (edited by hand) is not believed.
    expect(
      stagedIdentity({ labels, annotations: { 'staging-action/dataset': 'other-dataset' } })
    ).toMatchObject({ datasetId: 'noaa-gfs-forecast' });
    expect(stagedIdentity({ annotations: labels })).toBeNull();
  });
});
