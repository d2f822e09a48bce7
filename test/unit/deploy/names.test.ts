import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ValidationError } from '../../../src/dataset/errors.js';
import {
  MAX_CRONJOB_NAME,
  checkIndexedJobName,
  cronJobName,
  cronJobNameBudget,
  deriveKind,
  stagedCronJobName
} from '../../../src/dataset/names.js';
import { DNS_SUBDOMAIN, id, kindArb, prefixArb, ver, versionArb } from './arbitraries.js';

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

const REAL_IDS = [
  'ecmwf-ifs-ens-forecast-15-day-0-25-degree',
  'google-weathernext3-forecast-15-day-0-05-degree-virtual',
  'google-weathernext2-forecast-operational-virtual',
  'noaa-gefs-forecast-35-day',
  'noaa-gfs-forecast'
];

/** Dataset ids up to 63 characters (the DNS-1123 label limit), most of them too long to fit. */
const longIdArb = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/).map(id);
const completionsArb = fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null });

describe('stagedCronJobName', () => {
  it('uses the API server limit of 52, not 63, and lowers it for Indexed Jobs', () => {
    expect(MAX_CRONJOB_NAME).toBe(52);
    expect(cronJobNameBudget(null)).toBe(52);
    // {name}-{up to 10 digits of job time}-{largest index} must be at most 63.
    expect(cronJobNameBudget(24)).toBe(49);
    expect(cronJobNameBudget(120)).toBe(48);
  });

  it('keeps the name exactly as before whenever it fits, up to 52 characters', () => {
    const parts = { ...base, datasetId: id('noaa-gfs-forecast'), kind: 'update' };
    expect(stagedCronJobName(parts)).toBe('staging-noaa-gfs-forecast-v0-3-0-update');
    const exactly52 = { ...base, datasetId: id('a'.repeat(28)) };
    expect(cronJobName(exactly52)).toHaveLength(52);
    expect(stagedCronJobName(exactly52)).toBe(cronJobName(exactly52));
  });

  it('shortens real long ids: the prefix, version and kind stay, a hash keeps them apart', () => {
    const names = REAL_IDS.map(datasetId =>
      stagedCronJobName({ ...base, datasetId: id(datasetId), kind: 'update' })
    );
    expect(names).toEqual([
      'staging-ecmwf-ifs-ens-forecas-bdf3c185-v0-3-0-update',
      'staging-google-weathernext3-f-302b82f4-v0-3-0-update',
      'staging-google-weathernext2-f-b33c8f79-v0-3-0-update',
      'staging-noaa-gefs-forecast-35-day-v0-3-0-update',
      'staging-noaa-gfs-forecast-v0-3-0-update'
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(52);
    // The names are stable across runs and releases (staged objects are found by them), and the
    // two google ids, alike in their first 29 characters, differ within 50 by their hash.
    expect(names[1]?.slice(0, 50)).not.toBe(names[2]?.slice(0, 50));
  });

  it('fits Indexed Jobs: 120 completions leave 48 characters', () => {
    const parts = { ...base, datasetId: id(REAL_IDS[0] ?? ''), kind: 'update' };
    const name = stagedCronJobName(parts, 120);
    expect(name.length).toBeLessThanOrEqual(48);
    expect(() => checkIndexedJobName(name, 120)).not.toThrow();
  });

  it('is deterministic: the same parts give the same name on every run', () => {
    const parts = { ...base, datasetId: id(REAL_IDS[1] ?? ''), kind: 'update' };
    expect(stagedCronJobName(parts)).toBe(stagedCronJobName({ ...parts }));
  });

  it('cuts even the kind when a long version and kind leave no room for the id', () => {
    const name = stagedCronJobName({
      prefix: 'staging',
      datasetId: id('noaa-gfs-forecast'),
      version: ver('10.20.30-rc.1'),
      kind: 'archive-grib-files-to-the-cold-store'
    });
    expect(name).toMatch(/^staging-[0-9a-f]{8}-v10-20-30-rc-1-archive-grib-files-t$/);
    expect(name.length).toBeLessThanOrEqual(52);
    expect(name).toMatch(DNS_SUBDOMAIN);
  });

  it('refuses only a prefix that leaves no room for the hash', () => {
    const message = messageOf(() =>
      stagedCronJobName({
        ...base,
        prefix: 'a-very-long-name-prefix-for-the-staging-env',
        datasetId: id('noaa-gfs-forecast')
      })
    );
    expect(message).toContain('"a-very-long-name-prefix-for-the-staging-env" is 43 characters');
    expect(message).toContain('at most 41 characters for the prefix');
  });

  it('rejects names Kubernetes would refuse even when short', () => {
    const message = messageOf(() =>
      stagedCronJobName({ ...base, prefix: 'Staging', datasetId: id('x') })
    );
    expect(message).toContain('DNS-1123 subdomain');
    expect(message).toContain('"Staging"');
  });

  it('always fits its budget, is DNS-1123 and is unchanged when the full name fits', () => {
    fc.assert(
      fc.property(
        prefixArb,
        longIdArb,
        versionArb,
        kindArb,
        completionsArb,
        (prefix, datasetId, version, kind, completions) => {
          const parts = { prefix, datasetId, version, kind };
          const name = stagedCronJobName(parts, completions);
          const budget = cronJobNameBudget(completions);
          expect(name.length).toBeLessThanOrEqual(budget);
          expect(name).toMatch(DNS_SUBDOMAIN);
          if (completions !== null)
            expect(() => checkIndexedJobName(name, completions)).not.toThrow();
          const full = cronJobName(parts);
          if (full.length <= budget) expect(name).toBe(full);
          else expect(name).toMatch(new RegExp(`^${prefix}-([-a-z0-9]+-)?[0-9a-f]{8}-v`));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('gives different (dataset, version, kind) different names, also in their first 50 characters', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(longIdArb, versionArb, kindArb), {
          minLength: 2,
          maxLength: 200,
          selector: ([d, v, k]) =>
            cronJobName({ prefix: 'staging', datasetId: d, version: v, kind: k })
        }),
        tuples => {
          const names = tuples.map(([datasetId, version, kind]) =>
            stagedCronJobName({ prefix: 'staging', datasetId, version, kind })
          );
          expect(new Set(names).size).toBe(names.length);
          // Shortened names carry their hash within 50 characters: Sentry's slugs stay apart.
          const shortened = names.filter(n => /-[0-9a-f]{8}-v/.test(n) && n.length > 50);
          expect(new Set(shortened.map(n => n.slice(0, 50))).size).toBe(shortened.length);
        }
      ),
      { numRuns: 200 }
    );
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
