import * as core from '@actions/core';
import type { GitHub } from '../github.js';
import type { CleanupSettings } from '../inputs.js';
import { createKubernetes, loadKubeConfig, type CronJobClient } from '../kubernetes.js';
import type { ModeResult } from '../main.js';
import { deleteMonitor, monitorSlug } from '../sentry.js';
import type { Report } from '../summary.js';
import { DEFAULT_NAME_PREFIX, type StagingConfig } from '../deploy/config.js';
import { stagingSelector } from '../deploy/manifests.js';
import { cronJobName, deriveKind, MAX_CRONJOB_NAME } from '../deploy/names.js';
import { validateDatasetId, validateVersion } from '../deploy/ref.js';
import { loadConfig, productionCronJobs, resolveNamespace } from '../deploy/sources.js';
import { storePath, storeRemovalCommand } from '../deploy/store.js';
import { cleanupTargets, stageBranchName } from './plan.js';

export interface CleanupDeps {
  github: GitHub;
  cronJobs?: () => CronJobClient;
}

type Result = 'deleted' | 'already gone' | 'would delete';

interface Row {
  resource: 'CronJob' | 'Sentry monitor' | 'Branch';
  name: string;
  result: Result;
}

/** Kinds the config's production CronJobs would stage: the fallback for unlabelled CronJobs. */
async function computedNames(
  settings: CleanupSettings,
  config: StagingConfig | null
): Promise<string[]> {
  const dataset = config?.datasets[settings.datasetId];
  if (!config || !dataset) return [];
  try {
    const production = await productionCronJobs(settings.workspace, dataset);
    return production
      .map(p =>
        cronJobName({
          prefix: config.namePrefix,
          datasetId: settings.datasetId,
          version: settings.version,
          kind: deriveKind(p.cronJob.metadata?.name ?? '', settings.datasetId)
        })
      )
      .filter(name => name.length <= MAX_CRONJOB_NAME);
  } catch (error) {
    core.warning(
      `Could not compute CronJob names from the config (${(error as Error).message}); deleting by label only.`
    );
    return [];
  }
}

/** GitHub's message ("Resource not accessible by integration") names neither branch nor fix. */
async function deleteBranch(github: GitHub, branch: string, done: Row[]): Promise<boolean> {
  try {
    return await github.deleteBranch(branch);
  } catch (error) {
    const status = (error as { status?: number }).status;
    const deletedSoFar = done.filter(r => r.result === 'deleted').length;
    const hint =
      status === 403 || status === 401
        ? ' The token needs contents: write (permissions: contents: write in the workflow).'
        : '';
    throw new Error(
      `Could not delete the branch ${branch} through the GitHub API: ${(error as Error).message}.${hint} ` +
        `${deletedSoFar} other resource(s) were deleted; run cleanup again once this is fixed.`,
      { cause: error }
    );
  }
}

export async function runCleanup(
  settings: CleanupSettings,
  deps: CleanupDeps
): Promise<ModeResult> {
  if (settings.notAStageBranch) {
    core.notice(
      `Deleted ref '${settings.notAStageBranch}' is not a stage/{dataset_id}/v{version} branch: nothing to clean up.`
    );
    return {
      report: {
        title: 'Staging cleanup',
        headline: `Nothing to clean up: '${settings.notAStageBranch}' is not a stage branch`,
        facts: [],
        tables: [],
        notes: []
      },
      outputs: { cronjobs: '[]', 'store-path': '' }
    };
  }
  // Everything is validated before anything is deleted.
  const datasetId = validateDatasetId(settings.datasetId);
  const version = validateVersion(settings.version);
  const branch = stageBranchName(datasetId, version);
  if (!settings.githubToken) {
    throw new Error(
      `cleanup deletes the branch ${branch} through the GitHub API: set GITHUB_TOKEN (from a laptop: GITHUB_TOKEN=$(gh auth token)).`
    );
  }
  const config = await loadConfig(settings.workspace, settings.config);
  const namespace = resolveNamespace(settings.namespace, config);
  if (!config)
    core.info(`No ${settings.config}: deleting CronJobs by label in namespace ${namespace}.`);
  const dataset = config?.datasets[datasetId];
  const store =
    config?.store && dataset
      ? storePath(config.store, datasetId, version, dataset.storeExtension)
      : null;
  const client = (
    deps.cronJobs ??
    (() => createKubernetes(loadKubeConfig(settings.kubeconfig ?? undefined)).cronJobs)
  )();

  const targets = await core.group('Find staged CronJobs', async () => {
    const labelled = (await client.list(namespace, stagingSelector(datasetId, version))).map(
      c => c.metadata?.name ?? ''
    );
    const computed = await computedNames(settings, config);
    core.info(
      `By label: ${labelled.join(', ') || 'none'}; by name: ${computed.join(', ') || 'none'}`
    );
    return cleanupTargets(
      labelled.filter(n => n !== ''),
      computed
    );
  });

  const rows: Row[] = [];
  const gone = (deleted: boolean): Result =>
    settings.dryRun ? 'would delete' : deleted ? 'deleted' : 'already gone';
  await core.group('Delete CronJobs', async () => {
    for (const name of targets) {
      const deleted = settings.dryRun || (await client.delete(namespace, name));
      rows.push({ resource: 'CronJob', name, result: gone(deleted) });
    }
  });
  const sentry = settings.sentry;
  if (sentry) {
    await core.group('Delete Sentry cron monitors', async () => {
      for (const slug of [...new Set(targets.map(monitorSlug))]) {
        const deleted = settings.dryRun || (await deleteMonitor(sentry, slug)) === 'deleted';
        rows.push({ resource: 'Sentry monitor', name: slug, result: gone(deleted) });
      }
    });
  }
  if (!settings.dryRun && !rows.some(r => r.resource === 'CronJob' && r.result === 'deleted')) {
    // Either a second cleanup, or the CronJobs live in a namespace this run was not told about.
    core.warning(
      `No staged CronJob of ${datasetId} ${version} was found in namespace ${namespace}. If deploy used another namespace, run cleanup with that namespace.`
    );
  }
  // The branch goes last: if anything above failed, a rerun still finds it.
  const deleted = settings.dryRun || (await deleteBranch(deps.github, branch, rows));
  rows.push({ resource: 'Branch', name: branch, result: gone(deleted) });
  for (const r of rows) core.info(`${r.resource} ${r.name}: ${r.result}`);

  return {
    report: cleanupReport(
      settings,
      { namespace, store, prefix: config?.namePrefix ?? DEFAULT_NAME_PREFIX },
      rows
    ),
    outputs: {
      cronjobs: JSON.stringify(
        rows.filter(r => r.resource === 'CronJob').map(r => ({ name: r.name, action: r.result }))
      ),
      'store-path': store ?? ''
    }
  };
}

function cleanupReport(
  settings: CleanupSettings,
  context: { namespace: string; store: string | null; prefix: string },
  rows: Row[]
): Report {
  const deleted = rows.filter(r => r.result === 'deleted').length;
  const gone = rows.filter(r => r.result === 'already gone').length;
  const headline = settings.dryRun
    ? `Dry run: would delete ${rows.length} resource(s) of ${settings.datasetId} ${settings.version}; nothing deleted`
    : `Cleaned up ${settings.datasetId} ${settings.version}: ${deleted} deleted, ${gone} already gone`;
  return {
    title: 'Staging cleanup',
    headline,
    facts: [
      { label: 'Dataset', value: settings.datasetId, code: true },
      { label: 'Version', value: settings.version, code: true },
      { label: 'Namespace', value: context.namespace, code: true },
      ...(context.store ? [{ label: 'Store (not deleted)', value: context.store, code: true }] : [])
    ],
    tables: [
      {
        headers: ['Resource', 'Name', 'Result'],
        rows: rows.map(r => [r.resource, r.name, r.result])
      }
    ],
    notes: [
      ...(settings.sentry
        ? []
        : [
            {
              text: 'Sentry cron monitors were not touched: pass sentry-auth-token and sentry-org to delete them.'
            }
          ]),
      ...(context.store
        ? [
            {
              text: 'The dataset store is never deleted by cleanup. Remove it by hand when it is no longer needed:'
            },
            { text: storeRemovalCommand(context.store), code: true }
          ]
        : [])
    ]
  };
}
