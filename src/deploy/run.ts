import * as core from '@actions/core';
import type { Git } from '../git.js';
import type { DeploySettings } from '../inputs.js';
import { createKubernetes, loadKubeConfig, type CronJobClient } from '../kubernetes.js';
import type { ModeResult } from '../main.js';
import type { Report } from '../summary.js';
import { ValidationError } from './errors.js';
import { checkImageReference } from './image.js';
import { KIND_LABEL } from './labels.js';
import { buildStagingCronJobs, stagingSelector, type StagedCronJob } from './manifests.js';
import { planPrune } from './prune.js';
import { validateDatasetId, validateVersion } from './ref.js';
import {
  datasetConfig,
  productionCronJobs,
  requireConfig,
  resolveNamespace,
  versionInCheckout,
  versionOnBase
} from './sources.js';
import { shellQuote, storePath, storeRemovalCommand } from './store.js';
import { DEFAULT_CONFIG } from '../inputs.js';

export interface DeployDeps {
  git: Git;
  /** Defaults to the cluster named by the `kubeconfig` input / KUBECONFIG / in-cluster. */
  cronJobs?: () => CronJobClient;
}

type Action = 'created' | 'updated' | 'pruned' | 'would create' | 'would update' | 'would prune';

interface Row {
  name: string;
  kind: string;
  schedule: string;
  image: string;
  action: Action;
}

/** The branch the version must differ from: input, event payload, origin/HEAD, else main. */
async function baseBranch(settings: DeploySettings, git: Git): Promise<string> {
  if (settings.baseBranch) return settings.baseBranch;
  if (settings.eventDefaultBranch) return settings.eventDefaultBranch;
  const head = await git.exec(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {
    allowFailure: true
  });
  return head.exitCode === 0 ? head.stdout.trim().replace(/^origin\//, '') : 'main';
}

/** The staged image: `docker-image`, else `{image-repository}:{sha}`. */
function stagedImage(settings: DeploySettings): string {
  return checkImageReference(
    settings.dockerImage ?? `${settings.imageRepository}:${settings.sha}`,
    settings.dockerImage ? "the 'docker-image' input" : "'image-repository':{sha}"
  );
}

/** Everything checked before the cluster is touched; returns the CronJobs to stage. */
async function plan(
  settings: DeploySettings,
  git: Git
): Promise<{ staged: StagedCronJob[]; namespace: string; store: string | null; image: string }> {
  const datasetId = validateDatasetId(settings.datasetId);
  const version = validateVersion(settings.version);
  const image = stagedImage(settings);
  const config = await requireConfig(settings.workspace, settings.config);
  const dataset = datasetConfig(config, datasetId);
  const namespace = resolveNamespace(settings.namespace, config);

  const here = await versionInCheckout(settings.workspace, dataset);
  if (here !== version) {
    throw new ValidationError(
      `The branch stages version ${version}, but ${dataset.versionFile} (${dataset.versionKey}) says ${here} at this commit. ` +
        `Bump the template to ${version}, or push to stage/${datasetId}/v${here}.`
    );
  }
  const base = await baseBranch(settings, git);
  const onBase = await versionOnBase(git, base, dataset);
  if (onBase === version) {
    throw new ValidationError(
      `Version ${version} is already the version of ${datasetId} on ${base}: a staged version must differ from production. ` +
        `Bump ${dataset.versionKey} in ${dataset.versionFile}.`
    );
  }
  core.info(
    `${datasetId}: version ${version} at this commit; ${onBase === null ? `not on ${base} yet` : `${onBase} on ${base}`}`
  );

  const staged = buildStagingCronJobs({
    prefix: config.namePrefix,
    namespace,
    datasetId,
    version,
    image,
    productionCronJobs: await productionCronJobs(settings.workspace, dataset),
    scheduleOffsetMinutes: settings.scheduleOffsetMinutes
  });
  const store = config.store
    ? storePath(config.store, datasetId, version, dataset.storeExtension)
    : null;
  return { staged, namespace, store, image };
}

/** Server-side dry run of every CronJob: if the API server rejects one, none is applied. */
async function dryRunAll(client: CronJobClient, staged: StagedCronJob[]): Promise<boolean[]> {
  const results = await Promise.allSettled(
    staged.map(s => client.apply(s.manifest, { dryRun: true }))
  );
  const rejected = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${staged[i]?.name}: ${(r.reason as Error).message}`] : []
  );
  if (rejected.length > 0) {
    throw new ValidationError(
      `The Kubernetes API server rejected ${rejected.length} of ${staged.length} CronJob(s) in a dry run; nothing was applied.\n- ${rejected.join('\n- ')}`
    );
  }
  return results.map(r => (r as PromiseFulfilledResult<{ created: boolean }>).value.created);
}

/**
 * Applies every CronJob in parallel. The dry run accepted them all, so a failure here is the
 * cluster's (after the client's retries): say exactly what is live and what is not.
 */
async function applyAll(client: CronJobClient, staged: StagedCronJob[]): Promise<boolean[]> {
  const results = await Promise.allSettled(
    staged.map(s => client.apply(s.manifest, { dryRun: false }))
  );
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${staged[i]?.name}: ${(r.reason as Error).message}`] : []
  );
  if (failed.length > 0) {
    const applied = staged.filter((_, i) => results[i]?.status === 'fulfilled').map(s => s.name);
    throw new Error(
      `Applied ${applied.length} of ${staged.length} CronJob(s) (${applied.join(', ') || 'none'}); ` +
        `the API server then refused:\n- ${failed.join('\n- ')}\nThe dry run had accepted them. ` +
        'Apply is idempotent: run deploy again once the cluster is healthy.'
    );
  }
  return results.map(r => (r as PromiseFulfilledResult<{ created: boolean }>).value.created);
}

export async function runDeploy(settings: DeploySettings, deps: DeployDeps): Promise<ModeResult> {
  const planned = await core.group('Validate', () => plan(settings, deps.git));
  const { staged, namespace } = planned;
  const client = (
    deps.cronJobs ??
    (() => createKubernetes(loadKubeConfig(settings.kubeconfig ?? undefined)).cronJobs)
  )();

  // Listing first also proves the cluster is reachable before anything is sent to it.
  const live = await client.list(namespace, stagingSelector(settings.datasetId, settings.version));
  const wouldCreate = await core.group('Server-side dry run', () => dryRunAll(client, staged));
  const prune = planPrune(
    live.map(c => ({ name: c.metadata?.name ?? '' })),
    staged.map(s => s.name)
  );

  // A pruned CronJob is described as it runs now, so the report says which kind went away.
  const prunedRow = (name: string, action: Action): Row => {
    const cronJob = live.find(c => c.metadata?.name === name);
    const podSpec = cronJob?.spec?.jobTemplate.spec?.template.spec;
    return {
      name,
      kind: cronJob?.metadata?.labels?.[KIND_LABEL] ?? '',
      schedule: cronJob?.spec?.schedule ?? '',
      image: podSpec?.containers.map(c => c.image ?? '').join(', ') ?? '',
      action
    };
  };
  const rows: Row[] = [];
  const row = (s: StagedCronJob, action: Action): Row => ({
    name: s.name,
    kind: s.kind,
    schedule: s.schedule,
    image: s.image,
    action
  });
  if (settings.dryRun) {
    staged.forEach((s, i) => rows.push(row(s, wouldCreate[i] ? 'would create' : 'would update')));
    for (const name of prune) rows.push(prunedRow(name, 'would prune'));
  } else {
    const applied = await core.group('Apply', () => applyAll(client, staged));
    staged.forEach((s, i) => {
      rows.push(row(s, applied[i] ? 'created' : 'updated'));
      core.info(`${s.name}: ${applied[i] ? 'created' : 'updated'}`);
    });
    await core.group('Prune', async () => {
      for (const name of prune) {
        await client.delete(namespace, name);
        core.info(`${name}: pruned (no longer produced)`);
        rows.push(prunedRow(name, 'pruned'));
      }
    });
  }
  return {
    report: deployReport(settings, planned, rows),
    outputs: deployOutputs(rows, planned.store)
  };
}

function deployOutputs(rows: Row[], store: string | null): Record<string, string> {
  return { cronjobs: JSON.stringify(rows), 'store-path': store ?? '' };
}

function count(rows: Row[], ...actions: Action[]): number {
  return rows.filter(r => actions.includes(r.action)).length;
}

function deployReport(
  settings: DeploySettings,
  planned: { namespace: string; store: string | null; image: string },
  rows: Row[]
): Report {
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
      { label: 'Image', value: planned.image, code: true },
      { label: 'Namespace', value: planned.namespace, code: true },
      ...(planned.store ? [{ label: 'Store', value: planned.store, code: true }] : [])
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
      { text: `git push origin --delete stage/${id}/v${version}`, code: true },
      { text: cleanup, code: true },
      ...(planned.store
        ? [
            { text: `The store is never deleted automatically. When it is no longer needed:` },
            { text: storeRemovalCommand(planned.store), code: true }
          ]
        : [])
    ]
  };
}
