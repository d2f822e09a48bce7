// The trigger run as a person reads it (job summary, CLI) and as later steps read it (`jobs`).
import type { ModeReport } from '../mode.js';
import type { Report } from '../summary.js';
import { formatDuration } from '../util/duration.js';
import type { Outcome, TriggerResult } from './run.js';
import type { TriggerSettings } from './settings.js';

const ICONS: Record<Outcome, string> = {
  created: '🚀',
  'would create': '🔍',
  succeeded: '✅',
  failed: '❌',
  'timed out': '⏱️'
};

export function triggerReport(result: TriggerResult, settings: TriggerSettings): ModeReport {
  const { rows } = result;
  const count = (outcome: Outcome): number => rows.filter(r => r.outcome === outcome).length;
  const what = `${settings.datasetId} ${settings.version}`;
  const failed = count('failed');
  const timedOut = count('timed out');
  let headline: string;
  if (settings.dryRun)
    headline = `Dry run: would run ${rows.length} Job(s) of ${what}; nothing created`;
  else if (settings.waitMs === null) headline = `Started ${rows.length} Job(s) of ${what}`;
  else {
    headline = `Ran ${rows.length} Job(s) of ${what}: ${count('succeeded')} succeeded, ${failed} failed, ${timedOut} timed out`;
  }
  const report: Report = {
    title: 'Staging trigger',
    headline,
    facts: [
      { label: 'Dataset', value: settings.datasetId, code: true },
      { label: 'Version', value: settings.version, code: true },
      { label: 'Namespace', value: result.namespace, code: true },
      ...(settings.waitMs !== null
        ? [{ label: 'Wait', value: formatDuration(settings.waitMs) }]
        : [])
    ],
    tables: [
      {
        headers: ['Job', 'CronJob', 'Kind', 'Outcome', 'Details'],
        rows: rows.map(r => [
          { text: r.name, code: true },
          { text: r.cronJob, code: true },
          r.kind,
          { text: r.outcome, icon: ICONS[r.outcome] },
          r.reasons.join('; ')
        ])
      }
    ],
    notes: [
      ...(timedOut > 0
        ? [{ text: 'Timed-out Jobs keep running; follow them with:' }]
        : settings.waitMs === null && !settings.dryRun
          ? [{ text: 'The Jobs run on; follow them with:' }]
          : []),
      ...(timedOut > 0 || (settings.waitMs === null && !settings.dryRun)
        ? [
            {
              text: rows
                .filter(r => r.outcome === 'created' || r.outcome === 'timed out')
                .map(r => `kubectl --namespace ${result.namespace} logs --follow job/${r.name}`)
                .join('\n'),
              code: true as const
            }
          ]
        : [])
    ]
  };
  const problems = rows.filter(r => r.outcome === 'failed' || r.outcome === 'timed out');
  return {
    report,
    outputs: {
      jobs: JSON.stringify(
        rows.map(r => ({ name: r.name, cronJob: r.cronJob, kind: r.kind, outcome: r.outcome }))
      )
    },
    ...(problems.length > 0
      ? {
          failure: `${failed} Job(s) of ${what} failed and ${timedOut} timed out: ${problems
            .map(
              r =>
                `${r.name} ${r.outcome}${r.reasons.length > 0 ? ` (${r.reasons.join('; ')})` : ''}`
            )
            .join(', ')}`
        }
      : {})
  };
}
