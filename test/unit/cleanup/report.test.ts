// The cleanup summary: a row per resource with what happened to it, the store left alone.
import { describe, expect, it } from '@jest/globals';
import { cleanupReport } from '../../../src/cleanup/report.js';
import type { CleanupResult } from '../../../src/cleanup/run.js';
import { readCleanupSettings } from '../../../src/cleanup/settings.js';
import { plainText } from '../../../src/summary.js';

const settings = readCleanupSettings(
  {
    get: name =>
      ({ mode: 'cleanup', 'dataset-id': 'x', version: '1.0.0', 'github-token': 't' })[name] ?? ''
  },
  { GITHUB_REPOSITORY: 'acme/pipelines' }
);

function cleaned(rows: Extract<CleanupResult, { kind: 'cleaned' }>['rows']): CleanupResult {
  return {
    kind: 'cleaned',
    datasetId: 'x' as never,
    version: '1.0.0' as never,
    namespace: 'datasets',
    stores: ['s3://bucket/x/v1.0.0.zarr'],
    prefix: 'staging',
    rows
  };
}

describe('cleanupReport', () => {
  const { report } = cleanupReport(
    cleaned([
      { resource: 'CronJob', name: 'staging-x-v1-0-0-update', result: 'deleted' },
      { resource: 'CronJob', name: 'staging-x-v1-0-0-validate', result: 'already gone' },
      { resource: 'Branch', name: 'stage/x/v1.0.0', result: 'deleted' }
    ]),
    settings
  );

  it('shows each name as code and each result with its icon', () => {
    expect(report.tables[0]?.rows).toEqual([
      ['CronJob', { text: 'staging-x-v1-0-0-update', code: true }, { text: 'deleted', icon: '🗑️' }],
      [
        'CronJob',
        { text: 'staging-x-v1-0-0-validate', code: true },
        { text: 'already gone', icon: '➖' }
      ],
      ['Branch', { text: 'stage/x/v1.0.0', code: true }, { text: 'deleted', icon: '🗑️' }]
    ]);
    expect(report.headline).toBe('Cleaned up x 1.0.0: 2 deleted, 1 already gone');
  });

  it('names the inputs that would delete Sentry monitors, and prints the store command', () => {
    expect(report.notes.map(n => plainText(n.text))).toEqual([
      'Sentry cron monitors were not touched: pass sentry-auth-token and sentry-org to delete them.',
      'The dataset store is never deleted by cleanup. Remove it by hand when it is no longer needed:',
      "aws s3 rm --recursive 's3://bucket/x/v1.0.0.zarr'"
    ]);
  });
});
