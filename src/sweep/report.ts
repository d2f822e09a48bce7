// The sweep run as a person reads it (job summary, CLI) and as later steps read it (`staged`).
import { storeRemovalCommand } from '../dataset/store.js';
import type { ModeReport } from '../mode.js';
import { versionFacts } from '../status/report.js';
import type { Report } from '../summary.js';
import { formatDuration } from '../util/duration.js';
import type { SweepResult } from './run.js';
import type { SweepSettings } from './settings.js';
import type { Verdict } from './verdict.js';

const ICONS: Record<Verdict, string> = {
  orphaned: '🧹',
  promoted: '🎉',
  expired: '⌛',
  live: '🟢'
};

export function sweepReport(result: SweepResult, settings: SweepSettings): ModeReport {
  const retired = result.swept.filter(s => s.verdict !== 'live');
  const action = (verdict: Verdict): string =>
    verdict === 'live' ? 'kept' : settings.dryRun ? 'would clean up' : 'cleaned up';
  const headline =
    result.swept.length === 0
      ? `Nothing staged in namespace ${result.namespace}`
      : settings.dryRun
        ? `Dry run: would clean up ${retired.length} of ${result.swept.length} staged version(s); nothing deleted`
        : `Cleaned up ${retired.length} of ${result.swept.length} staged version(s)`;
  const removed = retired.flatMap(s =>
    s.rows.map(r => [
      `${s.version.datasetId} ${s.version.version}`,
      r.resource,
      { text: r.name, code: true },
      r.result
    ])
  );
  const stores = retired.flatMap(s => s.stores);
  const report: Report = {
    title: 'Staging sweep',
    headline,
    facts: [
      { label: 'Namespace', value: result.namespace, code: true },
      ...(result.defaultBranch
        ? [{ label: 'Default branch', value: result.defaultBranch, code: true }]
        : []),
      {
        label: 'Max age',
        value:
          settings.maxAgeMs === null
            ? 'none (versions never expire)'
            : formatDuration(settings.maxAgeMs)
      }
    ],
    tables: [
      ...(result.swept.length > 0
        ? [
            {
              headers: ['Dataset', 'Version', 'Verdict', 'Reason', 'Action'],
              rows: result.swept.map(s => [
                { text: s.version.datasetId, code: true },
                { text: s.version.version, code: true },
                { text: s.verdict, icon: ICONS[s.verdict] },
                s.reason,
                action(s.verdict)
              ])
            }
          ]
        : []),
      ...(removed.length > 0
        ? [
            {
              caption: 'Removed',
              headers: ['Version', 'Resource', 'Name', 'Result'],
              rows: removed
            }
          ]
        : [])
    ],
    notes: [
      // Unknowns never retire a version: say which facts were missing.
      ...[...result.unknownVersions].map(([id, why]) => ({
        text: `Whether ${id} was promoted is unknown, so it was not swept as promoted: ${why}`
      })),
      ...result.swept
        .filter(s => s.verdict === 'live')
        .map(s => ({
          text: `${s.version.datasetId} ${s.version.version}: ${versionFacts(s.version, result.defaultBranch, result.now)}`
        })),
      ...(stores.length > 0
        ? [
            {
              text: 'Stores are never deleted by sweep. Remove them by hand when no longer needed:'
            },
            { text: stores.map(storeRemovalCommand).join('\n'), code: true as const }
          ]
        : [])
    ]
  };
  return {
    report,
    outputs: {
      staged: JSON.stringify(
        result.swept.map(s => ({
          datasetId: s.version.datasetId,
          version: s.version.version,
          verdict: s.verdict,
          reason: s.reason,
          action: action(s.verdict)
        }))
      )
    }
  };
}
