import { ValidationError } from '../dataset/errors.js';
import { checkImageReference } from '../dataset/image.js';
import { stageBranchName } from '../dataset/ref.js';
import { SOURCE_ANNOTATION, stagedKind, stagingSelector } from '../dataset/labels.js';
import { buildStagingCronJobs, planPrune, type StagedCronJob } from '../dataset/manifests.js';
import {
  findDataset,
  loadDatasets,
  productionCronJobs,
  requireConfig,
  resolveNamespace,
  versionInCheckout,
  versionOnBase,
  versionWhere
} from '../dataset/sources.js';
import { storePaths } from '../dataset/store.js';
import { stampDeployTime } from '../dataset/trace.js';
import type { Git } from '../io/git.js';
import type { CronJobClient } from '../kube/client.js';
import { KubernetesError } from '../kube/errors.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import type { DeploySettings } from './settings.js';

export interface DeployDeps {
  git: Git;
  /** The cluster's CronJobs; called after validation, so bad input never needs a cluster. */
  cronJobs: () => CronJobClient | Promise<CronJobClient>;
  /** The clock for the deploy-time annotation. */
  now: () => Date;
}

export type Action =
  'created' | 'updated' | 'pruned' | 'would create' | 'would update' | 'would prune';

export interface DeployRow {
  name: string;
  /** The production CronJob it stages (its own name may be shortened: see stagedCronJobName). */
  production: string;
  kind: string;
  schedule: string;
  image: string;
  /** Staged suspended (its production CronJob is): it runs only when triggered. */
  suspended: boolean;
  action: Action;
}

export interface DeployResult {
  namespace: string;
  /** Where the version writes (replicas included); empty without a configured store. */
  stores: string[];
  image: string;
  rows: DeployRow[];
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

/** The commit being staged, for its annotation: null unless a full SHA is known. */
function stagedCommit(settings: DeploySettings): string | null {
  return /^[0-9a-f]{40}$/.test(settings.sha) ? settings.sha : null;
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
): Promise<{ staged: StagedCronJob[]; namespace: string; stores: string[]; image: string }> {
  const { datasetId, version } = settings;
  const image = stagedImage(settings);
  const config = await requireConfig(settings.workspace, settings.config);
  const namespace = resolveNamespace(settings.namespace, config);
  const dataset = findDataset(await loadDatasets(settings.workspace, config), datasetId);

  const here = await versionInCheckout(settings.workspace, dataset);
  if (here !== version) {
    throw new ValidationError(
      `The branch stages version ${version}, but ${versionWhere(dataset)} says ${here} at this commit. ` +
        `Bump the version to ${version}, or push to stage/${datasetId}/v${here}.`
    );
  }
  const base = await baseBranch(settings, git);
  const onBase = await versionOnBase(git, base, dataset);
  if (onBase === version) {
    throw new ValidationError(
      `Version ${version} is already the version of ${datasetId} on ${base}: a staged version must differ from production. ` +
        `Bump the version in ${versionWhere(dataset)}.`
    );
  }
  log.info(
    `${datasetId}: version ${version} at this commit; ${onBase === null ? `not on ${base} yet` : `${onBase} on ${base}`}`
  );

  const staged = buildStagingCronJobs({
    prefix: config.namePrefix,
    namespace,
    datasetId,
    version,
    image,
    productionCronJobs: await productionCronJobs(settings.workspace, dataset),
    scheduleOffsetMinutes: settings.scheduleOffsetMinutes,
    kindRule: dataset.kindRule,
    trace: {
      commit: stagedCommit(settings),
      branch: stageBranchName(datasetId, version),
      runUrl: settings.runUrl
    }
  });
  const stores = storePaths(dataset.store, { datasetId, version, ext: dataset.storeExtension });
  return { staged, namespace, stores, image };
}

/** Applies (or dry-runs) every CronJob in parallel: which were created, and what failed. */
async function applyEach(
  client: CronJobClient,
  staged: StagedCronJob[],
  dryRun: boolean
): Promise<{ created: boolean[]; failed: string[]; applied: string[]; errors: unknown[] }> {
  const results = await Promise.allSettled(staged.map(s => client.apply(s.manifest, { dryRun })));
  return {
    created: results.map(r => r.status === 'fulfilled' && r.value.created),
    failed: results.flatMap((r, i) =>
      r.status === 'rejected' ? [`${staged[i]?.name}: ${errorMessage(r.reason)}`] : []
    ),
    applied: staged.filter((_, i) => results[i]?.status === 'fulfilled').map(s => s.name),
    errors: results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []))
  };
}

/** A 4xx other than 429 is the API server judging the manifest; anything else is the server's. */
function isRejection(error: unknown): boolean {
  const status = error instanceof KubernetesError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** Server-side dry run of every CronJob: if the API server rejects one, none is applied. */
async function dryRunAll(client: CronJobClient, staged: StagedCronJob[]): Promise<boolean[]> {
  const { created, failed, errors } = await applyEach(client, staged, true);
  if (failed.length === 0) return created;
  // 500s, 429s, timeouts and unreachable servers say nothing about the manifests.
  if (!errors.every(isRejection)) {
    throw new Error(
      `Could not dry-run ${failed.length} of ${staged.length} CronJob(s): the Kubernetes API server failed or could not be reached (after retries); nothing was applied. ` +
        `Run deploy again once the cluster is healthy.\n- ${failed.join('\n- ')}`
    );
  }
  throw new ValidationError(
    `The Kubernetes API server rejected ${failed.length} of ${staged.length} CronJob(s) in a dry run; nothing was applied.\n- ${failed.join('\n- ')}`
  );
}

/**
 * Applies every CronJob. The dry run accepted them all, so a failure here is the cluster's
 * (after the client's retries): say exactly what is live and what is not.
 */
async function applyAll(client: CronJobClient, staged: StagedCronJob[]): Promise<boolean[]> {
  const { created, failed, applied } = await applyEach(client, staged, false);
  if (failed.length > 0) {
    throw new Error(
      `Applied ${applied.length} of ${staged.length} CronJob(s) (${applied.join(', ') || 'none'}); ` +
        `the API server then refused:\n- ${failed.join('\n- ')}\nThe dry run had accepted them. ` +
        'Apply is idempotent: run deploy again once the cluster is healthy.'
    );
  }
  return created;
}

export async function runDeploy(settings: DeploySettings, deps: DeployDeps): Promise<DeployResult> {
  const planned = await log.group('Validate', () => plan(settings, deps.git));
  const { namespace } = planned;
  const client = await deps.cronJobs();

  // Listing first also proves the cluster is reachable before anything is sent to it.
  const live = await client
    .list(namespace, stagingSelector(settings.datasetId, settings.version))
    .catch((error: unknown) => {
      throw new Error(
        `${errorMessage(error)} (listing the staged CronJobs of ${settings.datasetId} ${settings.version} in namespace ${namespace}; nothing was applied)`,
        { cause: error }
      );
    });
  const staged = stampDeployTime(planned.staged, live, stagedCommit(settings), deps.now());
  const wouldCreate = await log.group('Server-side dry run', () => dryRunAll(client, staged));
  const prune = planPrune(
    live.map(c => ({ name: c.metadata?.name ?? '' })),
    staged.map(s => s.name)
  );

  // A pruned CronJob is described as it runs now, so the report says which kind went away.
  const prunedRow = (name: string, action: Action): DeployRow => {
    const cronJob = live.find(c => c.metadata?.name === name);
    const podSpec = cronJob?.spec?.jobTemplate.spec?.template.spec;
    return {
      name,
      production: cronJob?.metadata?.annotations?.[SOURCE_ANNOTATION] ?? '',
      kind: stagedKind(cronJob?.metadata),
      schedule: cronJob?.spec?.schedule ?? '',
      image: podSpec?.containers.map(c => c.image ?? '').join(', ') ?? '',
      suspended: cronJob?.spec?.suspend === true,
      action
    };
  };
  const rows: DeployRow[] = [];
  const row = (s: StagedCronJob, action: Action): DeployRow => ({
    name: s.name,
    production: s.productionName,
    kind: s.kind,
    schedule: s.schedule,
    image: s.image,
    suspended: s.suspended,
    action
  });
  if (settings.dryRun) {
    staged.forEach((s, i) => rows.push(row(s, wouldCreate[i] ? 'would create' : 'would update')));
    for (const name of prune) rows.push(prunedRow(name, 'would prune'));
  } else {
    const applied = await log.group('Apply', () => applyAll(client, staged));
    staged.forEach((s, i) => {
      rows.push(row(s, applied[i] ? 'created' : 'updated'));
      log.info(`${s.name}: ${applied[i] ? 'created' : 'updated'}`);
    });
    await log.group('Prune', async () => {
      for (const [i, name] of prune.entries()) {
        try {
          await client.delete(namespace, name);
        } catch (error) {
          throw new Error(
            `Applied all ${staged.length} CronJob(s) (${staged.map(s => s.name).join(', ')}); then could not prune CronJob ${namespace}/${name} (no longer produced): ${errorMessage(error)}. ` +
              `Pruned before it: ${prune.slice(0, i).join(', ') || 'none'}. Run deploy again to finish pruning.`,
            { cause: error }
          );
        }
        log.info(`${name}: pruned (no longer produced)`);
        rows.push(prunedRow(name, 'pruned'));
      }
    });
  }
  return { namespace, stores: planned.stores, image: planned.image, rows };
}
