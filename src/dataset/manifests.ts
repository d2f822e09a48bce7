// Staging CronJobs derived from a dataset's production CronJobs: same jobs, new names, the staged
// image, labels that let cleanup find every kind, and an optionally staggered schedule.
import type { V1Container, V1CronJob, V1ObjectMeta } from '@kubernetes/client-node';
import { StagingError, ValidationError, quote } from './errors.js';
import {
  checkImageReference,
  imageRepository,
  productionRepository,
  sameRepository
} from './image.js';
import { identityAnnotations, SOURCE_ANNOTATION, stagingLabels } from './labels.js';
import { SERVER_OWNED_METADATA } from '../kube/rules.js';
import { kindOf, type KindRule } from './kinds.js';
import { checkIndexedJobName, DISTINCT_PREFIX, stagedCronJobName, type Kind } from './names.js';
import type { DatasetId, Version } from './ref.js';
import { offsetSchedule } from './schedule.js';
import { traceAnnotations, type Trace } from './trace.js';

export interface ProductionCronJob {
  /** Where it came from (a file path or the command), for error messages. */
  source: string;
  cronJob: V1CronJob;
}

export interface StagingInput {
  /** The config's name-prefix. */
  prefix: string;
  namespace: string;
  datasetId: DatasetId;
  version: Version;
  /** The staged image, `{repository}:{git sha}` (or `@sha256:...`). */
  image: string;
  productionCronJobs: readonly ProductionCronJob[];
  scheduleOffsetMinutes: number;
  /** How kinds are read from production CronJobs; default: their names after `{datasetId}-`. */
  kindRule?: KindRule;
  /** Where the deploy comes from, annotated on every staged CronJob; absent: not annotated. */
  trace?: Trace;
}

export interface StagedCronJob {
  name: string;
  kind: Kind;
  source: string;
  productionName: string;
  schedule: string;
  image: string;
  /** Staged suspended, as its production CronJob is (spec.suspend is copied). */
  suspended: boolean;
  manifest: V1CronJob;
}

// The server's fields, and the owners of the production object (which do not own the copy).
const NOT_COPIED_METADATA = [...SERVER_OWNED_METADATA, 'ownerReferences'] as const;
// kubectl's copy of the production object: carried over, it would describe the wrong object.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const CRON_JOB_NAME_ENV = 'CRON_JOB_NAME';

function checkImage(image: string): string {
  return imageRepository(checkImageReference(image, 'the staged image'));
}

function withLabels(
  metadata: V1ObjectMeta | undefined,
  labels: Record<string, string>
): V1ObjectMeta {
  // Ours win: a production label with the same key would make cleanup miss or mis-target the object.
  return { ...metadata, labels: { ...metadata?.labels, ...labels } };
}

function stagedMetadata(
  metadata: V1ObjectMeta | undefined,
  name: string,
  namespace: string,
  labels: Record<string, string>,
  ours: Record<string, string>
): V1ObjectMeta {
  const result = withLabels(metadata, labels);
  for (const field of NOT_COPIED_METADATA) delete result[field];
  const annotations = { ...result.annotations };
  delete annotations[LAST_APPLIED];
  return {
    ...result,
    name,
    namespace,
    annotations: { ...annotations, ...ours }
  };
}

function setCronJobNameEnv(container: V1Container, name: string): void {
  for (const variable of container.env ?? []) {
    if (variable.name !== CRON_JOB_NAME_ENV) continue;
    variable.value = name;
    delete variable.valueFrom;
  }
}

/** The completions of an Indexed Job template (each is a pod hostname), else null. */
function indexedCompletions(cronJob: V1CronJob): number | null {
  const jobSpec = cronJob.spec?.jobTemplate.spec;
  return jobSpec?.completionMode === 'Indexed' ? (jobSpec.completions ?? 1) : null;
}

/**
 * The kind and staged name of a production CronJob: deploy names it so, and cleanup finds it by
 * the same name when its labels are gone.
 */
export function stagedNameOf(
  parts: Pick<StagingInput, 'prefix' | 'datasetId' | 'version' | 'kindRule'>,
  cronJob: V1CronJob
): { kind: Kind; name: string } {
  const rule = parts.kindRule ?? { productionPrefix: parts.datasetId, kindLabel: null };
  const identity = { name: cronJob.metadata?.name ?? '', labels: cronJob.metadata?.labels };
  const kind = kindOf(identity, parts.datasetId, rule);
  return { kind, name: stagedCronJobName({ ...parts, kind }, indexedCompletions(cronJob)) };
}

/**
 * The staged names of one version's production CronJobs. A name that fits is kept, unless it
 * shares its first 50 characters (Sentry's monitor slug) with another of the same version: only
 * those, which would report into one monitor, get the shortened form with its hash up front.
 */
export function stagedNamesOf(
  parts: Pick<StagingInput, 'prefix' | 'datasetId' | 'version' | 'kindRule'>,
  cronJobs: readonly V1CronJob[]
): Array<{ kind: Kind; name: string }> {
  const named = cronJobs.map(c => stagedNameOf(parts, c));
  const slugOf = (name: string): string => name.slice(0, DISTINCT_PREFIX);
  const uses = new Map<string, Set<string>>();
  for (const { name } of named) {
    uses.set(slugOf(name), (uses.get(slugOf(name)) ?? new Set()).add(name));
  }
  return named.map(({ kind, name }, i) =>
    (uses.get(slugOf(name))?.size ?? 0) > 1
      ? {
          kind,
          name: stagedCronJobName({ ...parts, kind }, indexedCompletions(cronJobs[i]), true)
        }
      : { kind, name }
  );
}

function what(productionName: string, source: string): string {
  return `CronJob ${quote(productionName)} (from ${source})`;
}

function stageOne(
  input: StagingInput,
  production: ProductionCronJob,
  repository: string,
  { kind, name }: { kind: Kind; name: string }
): StagedCronJob {
  const { cronJob, source } = production;
  const productionName = cronJob.metadata?.name ?? '';
  const labels = stagingLabels(input.datasetId, input.version, kind);
  const manifest = structuredClone(cronJob);
  delete manifest.status;
  manifest.apiVersion = 'batch/v1';
  manifest.kind = 'CronJob';
  manifest.metadata = stagedMetadata(manifest.metadata, name, input.namespace, labels, {
    [SOURCE_ANNOTATION]: productionName,
    ...identityAnnotations(input.datasetId, input.version, kind),
    ...(input.trace ? traceAnnotations(input.trace) : {})
  });

  const spec = manifest.spec;
  try {
    spec.schedule = offsetSchedule(spec.schedule, input.scheduleOffsetMinutes);
  } catch (e) {
    if (!(e instanceof StagingError)) throw e;
    throw new ValidationError(`${what(productionName, source)}: ${e.message}`);
  }
  const jobTemplate = spec.jobTemplate;
  jobTemplate.metadata = withLabels(jobTemplate.metadata, labels);
  const jobSpec = jobTemplate.spec;
  if (jobSpec === undefined) {
    throw new ValidationError(`${what(productionName, source)} has no spec.jobTemplate.spec.`);
  }
  jobSpec.template.metadata = withLabels(jobSpec.template.metadata, labels);
  if (jobSpec.completionMode === 'Indexed') checkIndexedJobName(name, jobSpec.completions ?? 1);

  const podSpec = jobSpec.template.spec;
  const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
  let replaced = 0;
  for (const container of containers) {
    if (
      container.image !== undefined &&
      sameRepository(imageRepository(container.image), repository)
    ) {
      container.image = input.image;
      replaced++;
    }
    setCronJobNameEnv(container, name);
  }
  if (replaced === 0) {
    const images = containers.map(c => c.image ?? '(none)').join(', ') || '(no containers)';
    throw new ValidationError(
      `${what(productionName, source)} has no container running ${repository}, the repository ` +
        `of the staged image ${input.image}; its images: ${images}. Staging swaps the image only ` +
        'in containers that run the production image: check the image input, or the image of ' +
        'the production CronJob.'
    );
  }
  return {
    name,
    kind,
    source,
    productionName,
    schedule: spec.schedule,
    image: input.image,
    suspended: spec.suspend === true,
    manifest
  };
}

/** Refuses a staged image that would not replace the production image (e.g. a sidecar's). */
function checkProductionRepository(input: StagingInput, repository: string): void {
  const production = productionRepository(
    input.productionCronJobs.map(({ cronJob, source }) => ({
      what: what(cronJob.metadata?.name ?? '', source),
      containers: (cronJob.spec?.jobTemplate.spec?.template.spec?.containers ?? []).map(
        c => c.image
      )
    }))
  );
  if (!sameRepository(production, repository)) {
    throw new ValidationError(
      `The staged image ${input.image} is not an image of ${production}, the repository the ` +
        "dataset's production CronJobs run as their main image: staging it would swap only " +
        'other containers (e.g. sidecars) and run the production code. Stage an image of ' +
        `${production}.`
    );
  }
}

/** One staging CronJob per production CronJob, sorted by name; throws on the first problem. */
export function buildStagingCronJobs(input: StagingInput): StagedCronJob[] {
  const repository = checkImage(input.image);
  if (input.productionCronJobs.length === 0) {
    throw new ValidationError(
      `No production CronJobs found for dataset ${quote(input.datasetId)}: its cronjobs globs or ` +
        'cronjobs-command in the staging config matched nothing. Point them at the manifests of ' +
        "the dataset's production CronJobs."
    );
  }
  checkProductionRepository(input, repository);
  for (const { cronJob, source } of input.productionCronJobs) {
    if (!cronJob.metadata?.name) {
      throw new ValidationError(`A CronJob from ${source} has no metadata.name; give it a name.`);
    }
  }
  const names = stagedNamesOf(
    input,
    input.productionCronJobs.map(p => p.cronJob)
  );
  const byKind = new Map<string, StagedCronJob>();
  for (const [i, production] of input.productionCronJobs.entries()) {
    const staged = stageOne(input, production, repository, names[i]);
    const previous = byKind.get(staged.kind);
    if (previous !== undefined) {
      throw new ValidationError(
        `Production CronJobs ${quote(previous.productionName)} (from ${previous.source}) and ` +
          `${quote(staged.productionName)} (from ${staged.source}) both have the kind ` +
          `${quote(staged.kind)}, so both would be staged as ${quote(staged.name)}. Keep one of ` +
          "them in the dataset's cronjobs (a file matched by two globs counts twice)."
      );
    }
    byKind.set(staged.kind, staged);
  }
  return [...byKind.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Names of live CronJobs (already selected by this dataset version's labels) that the deploy no
 * longer wants, sorted: a kind removed from production must not keep running the old image.
 */
export function planPrune(
  live: ReadonlyArray<{ name: string }>,
  desiredNames: readonly string[]
): string[] {
  const desired = new Set(desiredNames);
  return [...new Set(live.map(o => o.name).filter(name => !desired.has(name)))].sort();
}
