// The deploy summary a person reads: facts once, a row per CronJob, one way to clean up.
import { describe, expect, it } from '@jest/globals';
import { deployOutputs, deployReport } from '../../../src/deploy/report.js';
import type { DeployResult, DeployRow } from '../../../src/deploy/run.js';
import { readDeploySettings, type DeploySettings } from '../../../src/deploy/settings.js';
import { webLinks } from '../../../src/inputs/context.js';
import { plainText, type Note } from '../../../src/summary.js';

const SHA = '4f2c0000000000000000000000000000000000aa';
const IMAGE = `ghcr.io/acme/pipelines:${SHA}`;

function settings(
  inputs: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {}
): DeploySettings {
  const values: Record<string, string> = {
    mode: 'deploy',
    'dataset-id': 'noaa-gfs-forecast',
    version: '0.3.0',
    'image-repository': 'ghcr.io/acme/pipelines',
    ...inputs
  };
  return readDeploySettings(
    { get: name => values[name] ?? '' },
    { GITHUB_REPOSITORY: 'acme/pipelines', GITHUB_SHA: SHA, ...env }
  );
}

const result: DeployResult = {
  namespace: 'datasets',
  stores: ['s3://bucket/noaa-gfs-forecast/v0.3.0.zarr'],
  image: IMAGE,
  rows: [
    {
      name: 'staging-noaa-gfs-forecast-v0-3-0-update',
      production: 'noaa-gfs-forecast-update',
      kind: 'update',
      schedule: '22 */6 * * *',
      image: IMAGE,
      suspended: false,
      action: 'created'
    },
    {
      name: 'staging-noaa-gfs-forecast-v0-3-0-validate',
      production: 'noaa-gfs-forecast-validate',
      kind: 'validate',
      schedule: '52 */6 * * *',
      image: IMAGE,
      suspended: false,
      action: 'updated'
    }
  ]
};

const links = webLinks({
  serverUrl: 'https://github.com',
  repository: { owner: 'acme', repo: 'pipelines' }
});

function commands(notes: Note[]): string[] {
  return notes.filter(n => n.code).map(n => plainText(n.text));
}

describe('deployReport', () => {
  it('states the image once, as a fact, and drops the column when every row runs it', () => {
    const report = deployReport(result, settings(), links);
    expect(report.facts).toContainEqual({ label: 'Image', value: IMAGE, code: true });
    expect(report.tables[0]?.headers).toEqual([
      'CronJob',
      'Staged from',
      'Kind',
      'Schedule',
      'Result'
    ]);
    // Each staged name next to the production CronJob it copies (names may be shortened).
    expect(report.tables[0]?.rows.map(r => r.map(plainText))).toEqual([
      [
        'staging-noaa-gfs-forecast-v0-3-0-update',
        'noaa-gfs-forecast-update',
        'update',
        '22 */6 * * *',
        'created'
      ],
      [
        'staging-noaa-gfs-forecast-v0-3-0-validate',
        'noaa-gfs-forecast-validate',
        'validate',
        '52 */6 * * *',
        'updated'
      ]
    ]);
  });

  it('keeps the column when a pruned CronJob still runs another image', () => {
    const old = 'ghcr.io/acme/pipelines:old';
    const pruned: DeployResult = {
      ...result,
      rows: [
        ...result.rows,
        {
          name: 'staging-x-archive',
          production: 'x-archive',
          kind: 'archive',
          schedule: '0 3 * * *',
          image: old,
          suspended: false,
          action: 'pruned'
        }
      ]
    };
    const [table] = deployReport(pruned, settings(), links).tables;
    expect(table?.headers).toEqual([
      'CronJob',
      'Staged from',
      'Kind',
      'Schedule',
      'Image',
      'Result'
    ]);
    expect(table?.rows.map(r => plainText(r[4] ?? ''))).toEqual([IMAGE, IMAGE, old]);
  });

  it('shows names and schedules as code, each result with its icon', () => {
    const [table] = deployReport(result, settings(), links).tables;
    expect(table?.rows[0]).toEqual([
      { text: 'staging-noaa-gfs-forecast-v0-3-0-update', code: true },
      { text: 'noaa-gfs-forecast-update', code: true },
      'update',
      { text: '22 */6 * * *', code: true },
      { text: 'created', icon: '✅' }
    ]);
    expect(table?.rows[1]?.[4]).toEqual({ text: 'updated', icon: '🔄' });
  });

  it('says which CronJobs are staged suspended, in their row and under the table', () => {
    const [update, validate] = result.rows as [DeployRow, DeployRow];
    const suspended: DeployResult = { ...result, rows: [{ ...update, suspended: true }, validate] };
    const report = deployReport(suspended, settings(), links);
    expect(report.tables[0]?.rows.map(r => plainText(r[3] ?? ''))).toEqual([
      '22 */6 * * * (suspended)',
      '52 */6 * * *'
    ]);
    expect(report.notes.map(n => plainText(n.text))).toContain(
      'Staged suspended, like production (never run on schedule; mode trigger runs them): staging-noaa-gfs-forecast-v0-3-0-update.'
    );
    // Nothing suspended, nothing said.
    expect(
      deployReport(result, settings(), links)
        .notes.map(n => plainText(n.text))
        .join('\n')
    ).not.toMatch(/uspended/);
  });

  it('adds whether each CronJob is suspended to the cronjobs output, keeping every field', () => {
    const [update, validate] = result.rows as [DeployRow, DeployRow];
    const outputs = deployOutputs([{ ...update, suspended: true }, validate], result.stores);
    expect(JSON.parse(outputs.cronjobs ?? '')).toEqual([
      {
        name: 'staging-noaa-gfs-forecast-v0-3-0-update',
        production: 'noaa-gfs-forecast-update',
        kind: 'update',
        schedule: '22 */6 * * *',
        image: IMAGE,
        suspended: true,
        action: 'created'
      },
      { ...validate, suspended: false }
    ]);
  });

  it('links the commit it staged', () => {
    expect(deployReport(result, settings(), links).facts).toContainEqual({
      label: 'Commit',
      value: SHA,
      code: true,
      href: `https://github.com/acme/pipelines/commit/${SHA}`
    });
  });

  it('gives one cleanup command, after the branch to delete', () => {
    const report = deployReport(result, settings(), links);
    expect(commands(report.notes)).toEqual([
      'staging-action cleanup --dataset-id noaa-gfs-forecast --version 0.3.0',
      "aws s3 rm --recursive 's3://bucket/noaa-gfs-forecast/v0.3.0.zarr'"
    ]);
    expect(plainText(report.notes[0]?.text ?? '')).toBe(
      'To remove this staged version, delete the branch stage/noaa-gfs-forecast/v0.3.0 (the cleanup workflow runs on delete), or run:'
    );
  });

  it("prints the CLI from the action's own repository and ref", () => {
    const action = settings(
      { namespace: 'team-a' },
      { GITHUB_ACTION_REPOSITORY: 'acme/staging-action', GITHUB_ACTION_REF: 'v1' }
    );
    expect(commands(deployReport(result, action, links).notes)[0]).toBe(
      'npx --yes github:acme/staging-action#v1 cleanup --dataset-id noaa-gfs-forecast --version 0.3.0 --namespace team-a'
    );
  });
});
