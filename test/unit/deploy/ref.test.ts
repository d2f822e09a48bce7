import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ValidationError } from '../../../src/dataset/errors.js';
import {
  parseStageRef,
  stageBranchName,
  validateDatasetId,
  validateVersion,
  versionSlug
} from '../../../src/dataset/ref.js';
import { LABEL_VALUE, datasetIdArb, id, ver, versionArb } from './arbitraries.js';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('parseStageRef', () => {
  it('reads the dataset id and version from a push ref', () => {
    expect(parseStageRef('refs/heads/stage/noaa-gfs-forecast/v0.3.0')).toEqual({
      datasetId: 'noaa-gfs-forecast',
      version: '0.3.0'
    });
  });

  it('accepts the short branch name that delete events carry', () => {
    expect(parseStageRef('stage/noaa-gfs-forecast/v0.3.0-rc.1')).toEqual({
      datasetId: 'noaa-gfs-forecast',
      version: '0.3.0-rc.1'
    });
  });

  it.each([
    ['refs/heads/main', 'does not start with "stage/"'],
    ['refs/tags/stage/x/v1.0.0', 'only branches'],
    ['stage/noaa-gfs-forecast/v0.3.0/extra', '4 "/"-separated parts'],
    ['stage/noaa-gfs-forecast', '2 "/"-separated parts'],
    ['stage/noaa-gfs-forecast/0.3.0', 'must start with "v"'],
    ['stage/noaa-gfs-forecast/vv0.3.0', 'leading "v"'],
    ['stage/NOAA-gfs/v0.3.0', 'uppercase'],
    ['stage/noaa-gfs-forecast/v0.3.0;rm -rf', 'whitespace'],
    ['stage/noaa$(id)/v0.3.0', 'shell metacharacters'],
    ['stage/noaa/v0.3.0`id`', 'shell metacharacters'],
    ['stage/../v0.3.0', '".."'],
    ['stage/noaa_gfs/v0.3.0', 'use "-" instead'],
    ['stage/noaa-gfs-forecast/v0.3', 'three numeric parts'],
    ['stage/noaa-gfs-forecast/v0.3.0+build.1', 'build metadata'],
    ['stage/noaa-gfs-forecast/v0.03.0', 'leading zeros'],
    ['', 'empty']
  ])('rejects %j, saying why and what is expected', (ref, reason) => {
    const error = errorOf(() => parseStageRef(ref));
    expect(error.message).toContain(reason);
    expect(error.message).toContain(JSON.stringify(ref));
    expect(error.message).toContain('e.g. stage/noaa-gfs-forecast/v0.3.0');
  });

  it('escapes control characters of the branch name in the message', () => {
    const error = errorOf(() => parseStageRef('stage/x\n::error::/v1.0.0'));
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('\\n::error::');
  });

  it('round-trips every valid id and version through the branch name', () => {
    fc.assert(
      fc.property(datasetIdArb, versionArb, (datasetId, version) => {
        expect(parseStageRef(`refs/heads/${stageBranchName(datasetId, version)}`)).toEqual({
          datasetId,
          version
        });
      })
    );
  });

  it('rejects any branch containing a shell metacharacter or whitespace', () => {
    const dangerous = fc.constantFrom(...';|&$`<>(){}\'"\\'.split(''), ' ', '\t', '\n', '\r');
    fc.assert(
      fc.property(
        datasetIdArb,
        versionArb,
        dangerous,
        fc.nat(),
        (datasetId, version, char, position) => {
          const branch = `refs/heads/stage/${datasetId}/v${version}`;
          const at = position % (branch.length + 1);
          const ref = branch.slice(0, at) + char + branch.slice(at);
          expect(() => parseStageRef(ref)).toThrow(ValidationError);
        }
      )
    );
  });
});

describe('validateVersion', () => {
  it('accepts releases and pre-releases', () => {
    for (const v of ['0.3.0', '10.0.12', '1.0.0-alpha', '1.0.0-rc.1', '1.0.0-0.3.7', '1.0.0-x-y']) {
      expect(validateVersion(v)).toBe(v);
    }
  });

  it('explains that the leading v belongs only in the branch name', () => {
    expect(errorOf(() => validateVersion('v0.3.0')).message).toContain(
      'write it without the leading "v" (0.3.0); the "v" belongs only in the branch name'
    );
  });

  it('explains why build metadata is refused', () => {
    const { message } = errorOf(() => validateVersion('0.3.0+20240101'));
    expect(message).toContain('build metadata');
    expect(message).toContain('cannot appear in Kubernetes names');
  });

  it.each([
    ['01.2.3', 'leading zeros'],
    ['1.2.3-rc.01', 'leading zeros'],
    ['1.2', 'three numeric parts'],
    ['1.2.3.4', 'three numeric parts'],
    ['1.2.3-RC.1', 'uppercase'],
    ['1.2.3-', 'pre-release'],
    ['1.2.3-rc-', 'ends with "-"'],
    [`1.2.3-${'a'.repeat(60)}`, 'at most 63']
  ])('rejects %j (%s)', (version, reason) => {
    const { message } = errorOf(() => validateVersion(version));
    expect(message).toContain(reason);
    expect(message).toContain('e.g. 0.3.0 or 0.3.0-rc.1');
  });
});

describe('validateDatasetId', () => {
  it('accepts DNS-1123 labels up to 63 characters', () => {
    expect(validateDatasetId('noaa-gfs-forecast')).toBe('noaa-gfs-forecast');
    expect(validateDatasetId('a'.repeat(63))).toBe('a'.repeat(63));
  });

  it.each([
    ['a'.repeat(64), '64 characters'],
    ['Noaa', 'uppercase'],
    ['noaa.gfs', 'use "-" instead'],
    ['-noaa', 'starts or ends with "-"'],
    ['noaa-', 'starts or ends with "-"'],
    ['', 'empty']
  ])('rejects %j (%s) and states the rule', (id, reason) => {
    const { message } = errorOf(() => validateDatasetId(id));
    expect(message).toContain(reason);
    expect(message).toContain('DNS-1123');
  });
});

describe('versionSlug', () => {
  it('turns dots into dashes', () => {
    expect(versionSlug(ver('0.3.0-rc.1'))).toBe('0-3-0-rc-1');
    expect(versionSlug(ver('0.3.0'))).toBe('0-3-0');
  });

  it('always yields a label-safe value for a valid version', () => {
    fc.assert(
      fc.property(versionArb, version => {
        const slug = versionSlug(version);
        expect(slug.length).toBeLessThanOrEqual(63);
        expect(slug).toMatch(LABEL_VALUE);
        expect(slug).toMatch(/^[a-z0-9-]+$/);
      })
    );
  });

  it('is only reached through the version check, which refuses a bad version', () => {
    expect(() => versionSlug(ver('v1.0.0'))).toThrow(ValidationError);
  });
});

describe('stageBranchName', () => {
  it('is stage/{dataset_id}/v{version}', () => {
    expect(stageBranchName(id('noaa-gfs-forecast'), ver('0.3.0'))).toBe(
      'stage/noaa-gfs-forecast/v0.3.0'
    );
  });
});
