// The cleanup run as a person reads it (job summary, CLI) and as later steps read it (outputs).
import { storeFacts, storeRemovalNotes } from '../dataset/store.js';
import type { ModeReport } from '../mode.js';
import type { Report } from '../summary.js';
import type { CleanupResult, RowResult } from './run.js';
import type { CleanupSettings } from './settings.js';

export function cleanupReport(result: CleanupResult, settings: CleanupSettings): ModeReport {
  if (result.kind === 'not-a-stage-branch') {
    return {
      report: {
        title: 'Staging cleanup',
        headline: `Nothing to clean up: '${result.ref}' is not a stage branch`,
        facts: [],
        tables: [],
        notes: []
      },
      outputs: { cronjobs: '[]', 'store-path': '', 'store-paths': '[]' }
    };
  }
  return {
    report: cleanedReport(settings, result),
    outputs: {
      cronjobs: JSON.stringify(
        result.rows
          .filter(r => r.resource === 'CronJob')
          .map(r => ({ name: r.name, action: r.result }))
      ),
      'store-path': result.stores[0] ?? '',
      'store-paths': JSON.stringify(result.stores)
    }
  };
}

const RESULT_ICONS: Record<RowResult, string> = {
  deleted: '🗑️',
  'already gone': '➖',
  'would delete': '🔍'
};

function cleanedReport(
  settings: CleanupSettings,
  context: Extract<CleanupResult, { kind: 'cleaned' }>
): Report {
  const { rows } = context;
  const deleted = rows.filter(r => r.result === 'deleted').length;
  const gone = rows.filter(r => r.result === 'already gone').length;
  const headline = settings.dryRun
    ? `Dry run: would delete ${rows.length} resource(s) of ${context.datasetId} ${context.version}; nothing deleted`
    : deleted === 0
      ? `Already clean: ${context.datasetId} ${context.version} (${gone} already gone, nothing deleted)`
      : `Cleaned up ${context.datasetId} ${context.version}: ${deleted} deleted, ${gone} already gone`;
  return {
    title: 'Staging cleanup',
    headline,
    facts: [
      { label: 'Dataset', value: context.datasetId, code: true },
      { label: 'Version', value: context.version, code: true },
      { label: 'Namespace', value: context.namespace, code: true },
      ...storeFacts(context.stores, 'Store (not deleted)')
    ],
    tables: [
      {
        headers: ['Resource', 'Name', 'Result'],
        rows: rows.map(r => [
          r.resource,
          { text: r.name, code: true },
          { text: r.result, icon: RESULT_ICONS[r.result] }
        ])
      }
    ],
    notes: [
      ...(settings.sentry
        ? []
        : [
            {
              text: [
                { text: 'Sentry cron monitors were not touched: pass ' },
                { text: 'sentry-auth-token', code: true },
                { text: ' and ' },
                { text: 'sentry-org', code: true },
                { text: ' to delete them.' }
              ]
            }
          ]),
      ...storeRemovalNotes(
        context.stores,
        context.stores.length > 1
          ? 'The dataset stores are never deleted by cleanup. Remove them by hand when they are no longer needed:'
          : 'The dataset store is never deleted by cleanup. Remove it by hand when it is no longer needed:'
      )
    ]
  };
}
