// The status run as a person reads it (job summary, CLI) and as later steps read it (`staged`).
import type { ModeReport } from '../mode.js';
import type { Report, Table, Text } from '../summary.js';
import { formatDuration } from '../util/duration.js';
import type { StatusResult } from './run.js';
import type { StagedCronJobStatus, StagedVersion } from './staged.js';

/** "3h 5m ago" for a timestamp, relative to `now`; "never" for none. */
export function ago(time: string | null, now: string): string {
  if (time === null) return 'never';
  return `${formatDuration(new Date(now).getTime() - new Date(time).getTime())} ago`;
}

/** One line on a version: its branch, whether the default branch carries it, its last deploy. */
export function versionFacts(v: StagedVersion, defaultBranch: string | null, now: string): string {
  const branch =
    v.branchExists === null ? 'branch unknown' : v.branchExists ? 'branch exists' : 'branch gone';
  const base = defaultBranch ?? 'the default branch';
  const promoted =
    v.promoted === null
      ? `promotion unknown`
      : v.promoted
        ? `promoted (${base} has ${v.version})`
        : `not promoted (${base} has ${v.defaultVersion ?? 'no version'})`;
  return `${branch}; ${promoted}; deployed ${ago(v.deployedAt, now)}`;
}

const OUTCOME_ICONS: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  running: '⏳'
};

function row(c: StagedCronJobStatus, now: string): Text[] {
  const latest: Text = c.latestJob
    ? [
        { text: c.latestJob.name, code: true },
        { text: ` ${c.latestJob.outcome}`, icon: OUTCOME_ICONS[c.latestJob.outcome] }
      ]
    : 'none';
  return [
    { text: c.name, code: true },
    c.kind,
    { text: c.schedule, code: true },
    c.suspended ? 'yes' : 'no',
    ago(c.lastScheduleTime, now),
    ago(c.lastSuccessfulTime, now),
    String(c.active),
    latest,
    c.commit ? { text: c.commit.slice(0, 7), code: true } : { text: c.image, code: true }
  ];
}

export function versionTable(v: StagedVersion, defaultBranch: string | null, now: string): Table {
  return {
    caption: `${v.datasetId} ${v.version}: ${versionFacts(v, defaultBranch, now)}`,
    headers: [
      'CronJob',
      'Kind',
      'Schedule',
      'Suspended',
      'Last schedule',
      'Last success',
      'Active',
      'Latest Job',
      'Commit'
    ],
    rows: v.cronJobs.map(c => row(c, now))
  };
}

export function statusReport(result: StatusResult): ModeReport {
  const { versions, namespace } = result;
  const datasets = new Set(versions.map(v => v.datasetId)).size;
  const report: Report = {
    title: 'Staging status',
    headline:
      versions.length === 0
        ? `Nothing staged in namespace ${namespace}`
        : `${versions.length} staged version(s) of ${datasets} dataset(s) in namespace ${namespace}`,
    facts: [
      { label: 'Namespace', value: namespace, code: true },
      ...(result.defaultBranch
        ? [{ label: 'Default branch', value: result.defaultBranch, code: true }]
        : [])
    ],
    tables: versions.map(v => versionTable(v, result.defaultBranch, result.now)),
    notes: [
      ...[...result.unknownVersions].map(([id, why]) => ({
        text: `Whether ${id} was promoted is unknown: ${why}`
      })),
      ...(result.unlabelled.length > 0
        ? [
            {
              text: `Managed by staging-action but without dataset and version labels (left alone): ${result.unlabelled.join(', ')}`
            }
          ]
        : [])
    ]
  };
  return { report, outputs: { staged: JSON.stringify(versions) } };
}
