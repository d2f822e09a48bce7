// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux GitRepository nudge.
// Every call is idempotent (apply is server-side with force), so transient answers are retried.
import {
  ApiException,
  BatchV1Api,
  CustomObjectsApi,
  Observable,
  PatchStrategy,
  setHeaderOptions,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
  type V1CronJob
} from '@kubernetes/client-node';
import { retry, retryAfterMs } from '../util/retry.js';
import { DEFAULT_REQUEST_TIMEOUT_S, formatSeconds, isTimeoutAbort } from '../util/timeout.js';
import { loadKubeConfig } from './config.js';
import { KubernetesError, toKubernetesError } from './errors.js';
import { SERVER_OWNED_METADATA } from './rules.js';

const FIELD_MANAGER = 'staging-action';
const FLUX_SOURCE = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);
const RETRY_DELAYS_MS = [250, 1000];

export interface CronJobClient {
  list(namespace: string, labelSelector: string): Promise<V1CronJob[]>;
  /** Server-side apply, fieldManager 'staging-action', force=true. created = HTTP 201. dryRun → dryRun=All. */
  apply(
    cronJob: V1CronJob,
    options: { dryRun: boolean }
  ): Promise<{ created: boolean; object: V1CronJob }>;
  /** false when it was already gone (404). Propagation background. */
  delete(namespace: string, name: string): Promise<boolean>;
  get(namespace: string, name: string): Promise<V1CronJob | null>;
}

export interface FluxClient {
  /** What `flux reconcile source git` does: merge-patch annotation reconcile.fluxcd.io/requestedAt = at.toISOString(). */
  requestReconcile(namespace: string, name: string, at: Date): Promise<void>;
}

function headerOf(err: ApiException<unknown>, name: string): string | null {
  const headers = (err.headers ?? {}) as Record<string, string | undefined>;
  const key = Object.keys(headers).find(k => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

/** Per-call options that give the request a deadline (an AbortSignal set before it is sent). */
function withDeadline(ms: number, options: ConfigurationOptions = {}): ConfigurationOptions {
  const deadline: ObservableMiddleware = {
    pre: context => {
      context.setSignal(AbortSignal.timeout(ms));
      return new Observable(Promise.resolve(context));
    },
    post: response => new Observable(Promise.resolve(response))
  };
  return {
    ...options,
    middleware: [...(options.middleware ?? []), deadline],
    middlewareMergeStrategy: 'append'
  };
}

export function createKubernetes(
  kc: KubeConfig,
  timeoutMs = DEFAULT_REQUEST_TIMEOUT_S * 1000
): {
  cronJobs: CronJobClient;
  flux: FluxClient;
  server: string;
} {
  const server = kc.getCurrentCluster()?.server ?? '(no current cluster)';
  const batch = kc.makeApiClient(BatchV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const fail = (err: unknown): never => {
    throw toKubernetesError(err, server);
  };
  const options = (base?: ConfigurationOptions): ConfigurationOptions =>
    withDeadline(timeoutMs, base);
  // A call that timed out is not retried (each try would wait as long again): it says which.
  const retried = <T>(what: string, call: () => Promise<T>): Promise<T> =>
    retry(call, {
      delaysMs: RETRY_DELAYS_MS,
      retryable: err => err instanceof ApiException && RETRYABLE.has(err.code),
      // A 429 (API priority and fairness) or 503 says how long to wait.
      requestedDelayMs: err =>
        err instanceof ApiException ? retryAfterMs(headerOf(err, 'retry-after')) : null
    }).catch((err: unknown) => {
      if (!isTimeoutAbort(err)) throw err;
      throw new KubernetesError(
        `The Kubernetes API server at ${server} did not answer ${what} within ${formatSeconds(timeoutMs)}`
      );
    });

  const cronJobs: CronJobClient = {
    async list(namespace, labelSelector) {
      const items: V1CronJob[] = [];
      let token: string | undefined;
      do {
        const page = await retried(`the list of CronJobs in namespace ${namespace}`, () =>
          batch.listNamespacedCronJob(
            { namespace, labelSelector, limit: 500, _continue: token },
            options()
          )
        ).catch(fail);
        items.push(...page.items);
        token = page.metadata?._continue || undefined;
      } while (token);
      return items;
    },

    async apply(cronJob, { dryRun }) {
      const body = applyBody(cronJob);
      const { name, namespace } = body.metadata ?? {};
      if (!name || !namespace) {
        throw new KubernetesError(
          'A CronJob needs metadata.name and metadata.namespace to be applied'
        );
      }
      const what = `the ${dryRun ? 'dry-run ' : ''}apply of CronJob ${namespace}/${name}`;
      const res = await retried(what, () =>
        batch.patchNamespacedCronJobWithHttpInfo(
          {
            name,
            namespace,
            body,
            fieldManager: FIELD_MANAGER,
            force: true,
            dryRun: dryRun ? 'All' : undefined
          },
          options(setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply))
        )
      ).catch(fail);
      return { created: res.httpStatusCode === 201, object: res.data };
    },

    async delete(namespace, name) {
      try {
        await retried(`the deletion of CronJob ${namespace}/${name}`, () =>
          batch.deleteNamespacedCronJobWithHttpInfo(
            { name, namespace, propagationPolicy: 'Background' },
            options()
          )
        );
        return true;
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return false;
        return fail(err);
      }
    },

    async get(namespace, name) {
      try {
        return await retried(`the read of CronJob ${namespace}/${name}`, () =>
          batch.readNamespacedCronJob({ name, namespace }, options())
        );
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return null;
        return fail(err);
      }
    }
  };

  const flux: FluxClient = {
    async requestReconcile(namespace, name, at) {
      await retried(`the annotation of GitRepository ${namespace}/${name}`, () =>
        custom.patchNamespacedCustomObjectWithHttpInfo(
          {
            ...FLUX_SOURCE,
            namespace,
            name,
            body: { metadata: { annotations: { [RECONCILE_ANNOTATION]: at.toISOString() } } }
          },
          options(setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
        )
      ).catch(fail);
    }
  };

  return { cronJobs, flux, server };
}

/** The apply configuration: the caller's intent only, typed, without server-owned fields. */
function applyBody(cronJob: V1CronJob): V1CronJob {
  const metadata = { ...cronJob.metadata };
  for (const key of SERVER_OWNED_METADATA) delete metadata[key];
  const body: V1CronJob = { ...cronJob, apiVersion: 'batch/v1', kind: 'CronJob', metadata };
  // Status is the status subresource's business; an apply to the object ignores it anyway.
  delete body.status;
  return body;
}

/** The clients for the cluster named by `kubeconfig` content, else KUBECONFIG / ~/.kube/config / in-cluster. */
export function connectKubernetes(
  kubeconfig: string | null,
  timeoutMs?: number
): ReturnType<typeof createKubernetes> {
  return createKubernetes(loadKubeConfig(kubeconfig ?? undefined), timeoutMs);
}
