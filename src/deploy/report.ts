// The deploy run as a person reads it (job summary, CLI) and as later steps read it (outputs).
import { DEFAULT_CONFIG } from '../dataset/config.js';
import { stageBranchName } from '../dataset/ref.js';
import { shellQuote, storeRemovalCommand } from '../dataset/store.js';
import type { Report } from '../summary.js';
import type { Action, DeployResult, DeployRow } from './run.js';
import type { DeploySettings } from './settings.js';

export function deployOutputs(rows: DeployRow[], store: string | null): Record<string, string> {
  return { cronjobs: JSON.stringify(rows), 'store-path': store ?? '' };
}

function count(rows: DeployRow[], ...actions: Action[]): number {
  return rows.filter(r => actions.includes(r.action)).length;
}

export function deployReport(result: DeployResult, settings: DeploySettings): Report {
  const { rows } = result;
  const id = settings.datasetId;
  const version = settings.version;
  const headline = settings.dryRun
    ? `Dry run: would stage ${id} ${version} as ${count(rows, 'would create', 'would update')} CronJob(s); nothing applied`
    : `Staged ${id} ${version}: ${count(rows, 'created')} created, ${count(rows, 'updated')} updated, ${count(rows, 'pruned')} pruned`;
  // Whatever deploy was told beyond the defaults, cleanup must be told too.
  const cleanup = [
    `${settings.cliCommand} cleanup --dataset-id ${id} --version ${version}`,
    ...(settings.namespace ? [`--namespace ${settings.namespace}`] : []),
    ...(settings.config !== DEFAULT_CONFIG ? [`--config ${shellQuote(settings.config)}`] : [])
  ].join(' ');
  return {
    title: 'Staging deploy',
    headline,
    facts: [
      { label: 'Dataset', value: id, code: true },
      { label: 'Version', value: version, code: true },
      { label: 'Image', value: result.image, code: true },
      { label: 'Namespace', value: result.namespace, code: true },
      ...(result.store ? [{ label: 'Store', value: result.store, code: true }] : [])
    ],
    tables: [
      {
        headers: ['CronJob', 'Kind', 'Schedule', 'Image', 'Result'],
        rows: rows.map(r => [r.name, r.kind, r.schedule, r.image, r.action])
      }
    ],
    notes: [
      {
        text: `To remove this staged version, delete its branch (the cleanup workflow runs on delete) or run:`
      },
      { text: `git push origin --delete ${stageBranchName(id, version)}`, code: true },
      { text: cleanup, code: true },
      ...(result.store
        ? [
            { text: `The store is never deleted automatically. When it is no longer needed:` },
            { text: storeRemovalCommand(result.store), code: true }
          ]
        : [])
    ]
  };
}
