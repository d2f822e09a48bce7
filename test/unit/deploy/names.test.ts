import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ValidationError } from '../../../src/dataset/errors.js';
import {
  MAX_CRONJOB_NAME,
  checkCronJobName,
  checkIndexedJobName,
  cronJobName,
  deriveKind,
  longestDatasetId
} from '../../../src/dataset/names.js';
import {
  DNS_SUBDOMAIN,
  datasetIdArb,
  id,
  kindArb,
  prefixArb,
  ver,
  versionArb
} from './arbitraries.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.message;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const base = { prefix: 'staging', version: ver('0.3.0'), kind: 'validate' };

describe('cronJobName', () => {
  it('follows {prefix}-{dataset_id}-v{version dashed}-{kind}', () => {
    expect(cronJobName({ ...base, datasetId: id('noaa-gfs-forecast'), kind: 'update' })).toBe(
      'staging-noaa-gfs-forecast-v0-3-0-update'
    );
  });
});

describe('checkCronJobName', () => {
  it('uses the API server limit of 52, not 63', () => {
    expect(MAX_CRONJOB_NAME).toBe(52);
  });

  it('accepts a name of exactly 52 characters and rejects 53', () => {
    const longest = longestDatasetId(base);
    const fits = checkCronJobName({ ...base, datasetId: id('a'.repeat(longest)) });
    expect(fits).toHaveLength(52);
    const message = messageOf(() =>
      checkCronJobName({ ...base, datasetId: id('a'.repeat(longest + 1)) })
    );
    expect(message).toContain('is 53 characters');
  });

  it('explains the limit and the longest dataset id that would fit', () => {
    const datasetId = 'a-forty-character-dataset-identifier-xyz';
    expect(datasetId).toHaveLength(40);
    const message = messageOf(() => checkCronJobName({ ...base, datasetId: id(datasetId) }));
    expect(message).toBe(
      `CronJob name "staging-${datasetId}-v0-3-0-validate" is 64 characters; Kubernetes allows at ` +
        "most 52 for a CronJob (63 minus the 11 characters added to its Jobs' names). With prefix " +
        '"staging", version 0.3.0 and kind "validate", the dataset id can be at most 28 ' +
        'characters (this one is 40): shorten the id or the name-prefix.'
    );
  });

  it('says so when no dataset id can fit the prefix, version and kind', () => {
    const message = messageOf(() =>
      checkCronJobName({
        prefix: 'a-very-long-name-prefix-for-staging',
        datasetId: id('x'),
        version: ver('10.20.30-rc.1'),
        kind: 'validate'
      })
    );
    expect(message).toContain('even a 1-character dataset id does not fit');
  });

  it('rejects names Kubernetes would refuse even when short', () => {
    const message = messageOf(() =>
      checkCronJobName({ ...base, prefix: 'Staging', datasetId: id('x') })
    );
    expect(message).toContain('DNS-1123 subdomain');
    expect(message).toContain('"Staging"');
  });

  it('only ever returns names of at most 52 characters that are DNS-1123 subdomains', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        prefixArb,
        datasetIdArb,
        versionArb,
        kindArb,
        (prefix, datasetId, version, kind) => {
          let name: string;
          try {
            name = checkCronJobName({ prefix, datasetId, version, kind });
          } catch (e) {
            expect(e).toBeInstanceOf(ValidationError);
            return;
          }
          accepted++;
          expect(name.length).toBeLessThanOrEqual(52);
          expect(name).toMatch(DNS_SUBDOMAIN);
        }
      )
    );
    // The property would be vacuous if every generated name were rejected.
    expect(accepted).toBeGreaterThan(10);
  });
});

describe('checkIndexedJobName', () => {
  it('accepts a name whose largest pod hostname fits 63 characters', () => {
    // 50 + 11 (Job suffix) + "-9" = 63
    expect(() => checkIndexedJobName('a'.repeat(50), 10)).not.toThrow();
  });

  it('rejects one that does not, saying how long the name may be', () => {
    const message = messageOf(() => checkIndexedJobName('a'.repeat(50), 11));
    expect(message).toContain('Indexed Jobs with 11 completions');
    expect(message).toContain('the longest is 64 characters');
    expect(message).toContain('can be at most 49 characters (this one is 50)');
  });

  it('rejects dots, which a hostname cannot have', () => {
    expect(messageOf(() => checkIndexedJobName('staging-x-v1-0-0-a.b', 1))).toContain(
      'cannot contain "."'
    );
  });
});

describe('deriveKind', () => {
  it('takes the production name after the dataset id', () => {
    expect(deriveKind('noaa-gfs-forecast-update', id('noaa-gfs-forecast'))).toBe('update');
    expect(deriveKind('noaa-gfs-forecast-archive-grib-files', id('noaa-gfs-forecast'))).toBe(
      'archive-grib-files'
    );
  });

  it('tells how to rename a CronJob that does not start with the dataset id', () => {
    const message = messageOf(() => deriveKind('gfs-update', id('noaa-gfs-forecast')));
    expect(message).toContain('"gfs-update" does not belong to dataset "noaa-gfs-forecast"');
    expect(message).toContain('Rename it to "noaa-gfs-forecast-<kind>"');
  });

  it('rejects an empty kind', () => {
    expect(messageOf(() => deriveKind('noaa-', id('noaa')))).toContain('has no kind after "noaa-"');
  });

  it('rejects a kind that cannot be a label value', () => {
    expect(messageOf(() => deriveKind('noaa--x', id('noaa')))).toContain(
      'not usable in names and labels'
    );
  });
});
