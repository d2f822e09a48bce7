// status, trigger and sweep read every input up front: bad input fails before any cluster or API
// call, with a message naming the input.
import { describe, expect, it } from '@jest/globals';
import type { InputSource } from '../../../src/inputs/parse.js';
import { readStatusSettings } from '../../../src/status/settings.js';
import { readSweepSettings } from '../../../src/sweep/settings.js';
import { readTriggerSettings } from '../../../src/trigger/settings.js';

const ENV = { GITHUB_REPOSITORY: 'acme/pipelines', GITHUB_WORKSPACE: '/work/checkout' };

function source(values: Record<string, string>): InputSource {
  return { get: name => (values[name] ?? '').trim() };
}

describe('trigger settings', () => {
  const trigger = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
    readTriggerSettings(source({ mode: 'trigger', ...values }), { ...ENV, ...env });

  it('takes the version from the inputs or the stage branch, every kind and no wait by default', () => {
    expect(trigger({ 'dataset-id': 'noaa', version: '0.3.0' })).toMatchObject({
      datasetId: 'noaa',
      version: '0.3.0',
      kind: null,
      waitMs: null,
      config: '.github/staging.yml',
      namespace: null
    });
    expect(
      trigger({ kind: 'update', wait: '30m' }, { GITHUB_REF: 'refs/heads/stage/noaa/v0.4.0' })
    ).toMatchObject({ datasetId: 'noaa', version: '0.4.0', kind: 'update', waitMs: 1_800_000 });
  });

  it('refuses a malformed wait, a kind that cannot be one, and a missing version', () => {
    const target = { 'dataset-id': 'noaa', version: '0.3.0' };
    expect(() => trigger({ ...target, wait: '30' })).toThrow(
      "Invalid duration '30' for input 'wait': it has no unit."
    );
    expect(() => trigger({ ...target, wait: 'half an hour' })).toThrow(/input 'wait'/);
    expect(() => trigger({ ...target, kind: 'Update' })).toThrow(
      /Input 'kind' "Update" is not a CronJob kind/
    );
    expect(() => trigger({ 'dataset-id': 'noaa' })).toThrow(
      /'dataset-id' and 'version' are required/
    );
    expect(() => trigger({ 'dataset-id': 'noaa', version: 'v0.3.0' })).toThrow(/leading "v"/);
  });
});

describe('status and sweep settings', () => {
  it('need a GitHub token: they read the stage branches', () => {
    expect(() => readStatusSettings(source({}), ENV)).toThrow(
      /status reads every stage\/ branch through the GitHub API: set github-token/
    );
    expect(() => readSweepSettings(source({}), ENV)).toThrow(/sweep reads every stage\/ branch/);
  });

  it('sweep: max-age is a duration, never by default; Sentry needs its org', () => {
    const sweep = (values: Record<string, string>) =>
      readSweepSettings(source({ 'github-token': 'ghs_x', ...values }), ENV);
    expect(sweep({})).toMatchObject({ maxAgeMs: null, sentry: null, dryRun: false });
    expect(sweep({ 'max-age': '7d', 'dry-run': 'true' })).toMatchObject({
      maxAgeMs: 7 * 86_400_000,
      dryRun: true
    });
    expect(() => sweep({ 'max-age': '7 days' })).toThrow(
      /Invalid duration '7 days' for input 'max-age'/
    );
    expect(() => sweep({ 'sentry-auth-token': 't' })).toThrow(
      "Input 'sentry-org' is required with 'sentry-auth-token'."
    );
  });
});
