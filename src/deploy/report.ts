// The deploy run as a person reads it (job summary, CLI) and as later steps read it (outputs).
import { DEFAULT_CONFIG } from '../dataset/config.js';
import { stageBranchName } from '../dataset/ref.js';
import { shellQuote, storeFacts, storeRemovalNotes } from '../dataset/store.js';
import type { WebLinks } from '../inputs/context.js';
import type { Note, Report } from '../summary.js';
import type { Action, DeployResult, DeployRow } from './run.js';
import type { DeploySettings } from './settings.js';

export function deployOutputs(rows: DeployRow[], stores: string[]): Record<string, string> {
  return {
    cronjobs: JSON.stringify(rows),
    'store-path': stores[0] ?? '',
    'store-paths': JSON.stringify(stores)
  };
}

function count(rows: DeployRow[], ...actions: Action[]): number {
  return rows.filter(r => actions.includes(r.action)).length;
}

const ACTION_ICONS: Record<Action, string> = {
  created: '✅',
  updated: '🔄',
  pruned: '🗑️',
  'would create': '🔍',
  'would update': '🔍',
  'would prune': '🔍'
};

/** Which staged CronJobs never run on their own: suspended in production, staged suspended. */
function suspendedNote(rows: DeployRow[]): Note[] {
  const names = rows.filter(r => r.suspended && !r.action.includes('prune')).map(r => r.name);
  if (names.length === 0) return [];
  return [
    {
      text: [
        {
          text: 'Staged suspended, like production (never run on schedule; mode trigger runs them): ',
          icon: '⏸️'
        },
        ...names.flatMap((name, i) => [
          ...(i > 0 ? [{ text: ', ' }] : []),
          { text: name, code: true }
        ]),
        { text: '.' }
      ]
    }
  ];
}

export function deployReport(
  result: DeployResult,
  settings: DeploySettings,
  links: WebLinks | null = null
): Report {
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
  // The image is a fact above the table; a column only for rows that run another one (a pruned
  // CronJob still on an older image).
  const withImage = rows.some(r => r.image !== result.image);
  const branch = stageBranchName(id, version);
  return {
    title: 'Staging deploy',
    headline,
    facts: [
      { label: 'Dataset', value: id, code: true },
      { label: 'Version', value: version, code: true },
      ...(/^[0-9a-f]{40}$/.test(settings.sha)
        ? [{ label: 'Commit', value: settings.sha, code: true, href: links?.commit(settings.sha) }]
        : []),
      { label: 'Image', value: result.image, code: true },
      { label: 'Namespace', value: result.namespace, code: true },
      ...storeFacts(result.stores)
    ],
    tables: [
      {
        headers: [
          'CronJob',
          'Staged from',
          'Kind',
          'Schedule',
          ...(withImage ? ['Image'] : []),
          'Result'
        ],
        rows: rows.map(r => [
          { text: r.name, code: true },
          { text: r.production, code: true },
          r.kind,
          // Suspended like production: the schedule is kept but never fires.
          r.suspended
            ? [{ text: r.schedule, code: true }, { text: ' (suspended)' }]
            : { text: r.schedule, code: true },
          ...(withImage ? [{ text: r.image, code: true }] : []),
          { text: r.action, icon: ACTION_ICONS[r.action] }
        ])
      }
    ],
    notes: [
      ...suspendedNote(rows),
      {
        text: [
          { text: 'To remove this staged version, delete the branch ' },
          { text: branch, code: true, href: links?.branch(branch) },
          { text: ' (the cleanup workflow runs on delete), or run:' }
        ]
      },
      { text: cleanup, code: true },
      ...storeRemovalNotes(
        result.stores,
        result.stores.length > 1
          ? 'The stores are never deleted automatically. When they are no longer needed:'
          : 'The store is never deleted automatically. When it is no longer needed:'
      )
    ]
  };
}
