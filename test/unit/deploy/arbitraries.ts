// fast-check generators for the values staging accepts, shared by the deploy and cleanup tests.
import fc from 'fast-check';
import {
  validateDatasetId,
  validateVersion,
  type DatasetId,
  type Version
} from '../../../src/dataset/ref.js';

/** A dataset id or version as the settings hand them in: checked once, by the real check. */
export const id = (value: string): DatasetId => validateDatasetId(value);
export const ver = (value: string): Version => validateVersion(value);

/** DNS-1123 labels, kept short so most generated names fit the 52-character limit. */
export const datasetIdArb = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/).map(id);

const numericPart = fc.nat({ max: 2000 }).map(String);
const preReleaseId = fc.oneof(numericPart, fc.stringMatching(/^[a-z]([a-z0-9-]{0,4}[a-z0-9])?$/));

/** MAJOR.MINOR.PATCH with an optional lowercase pre-release. */
export const versionArb = fc
  .tuple(
    numericPart,
    numericPart,
    numericPart,
    fc.option(fc.array(preReleaseId, { minLength: 1, maxLength: 3 }), { nil: undefined })
  )
  .map(([major, minor, patch, pre]) => {
    const core = `${major}.${minor}.${patch}`;
    return ver(pre === undefined ? core : `${core}-${pre.join('.')}`);
  });

export const kindArb = fc.stringMatching(/^[a-z]([-a-z0-9]{0,12}[a-z0-9])?$/);
export const prefixArb = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);

export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
