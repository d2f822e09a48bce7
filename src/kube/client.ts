// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux GitRepository nudge.
// Every call is idempotent (apply is server-side with force), so transient answers are retried.
import {
  ApiException,
  BatchV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
  type V1CronJob
} from '@kubernetes/client-node';
import { retry } from '../util/retry.js';
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

export function createKubernetes(kc: KubeConfig): {
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
  const retried = <T>(call: () => Promise<T>): Promise<T> =>
    retry(call, {
      delaysMs: RETRY_DELAYS_MS,
      retryable: err => err instanceof ApiException && RETRYABLE.has(err.code)
    });

  const cronJobs: CronJobClient = {
    async list(namespace, labelSelector) {
      const items: V1CronJob[] = [];
      let token: string | undefined;
      do {
        const page = await retried(() =>
          batch.listNamespacedCronJob({ namespace, labelSelector, limit: 500, _continue: token })
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
      const res = await retried(() =>
        batch.patchNamespacedCronJobWithHttpInfo(
          {
            name,
            namespace,
            body,
            fieldManager: FIELD_MANAGER,
            force: true,
            dryRun: dryRun ? 'All' : undefined
          },
          setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply)
        )
      ).catch(fail);
      return { created: res.httpStatusCode === 201, object: res.data };
    },

    async delete(namespace, name) {
      try {
        await retried(() =>
          batch.deleteNamespacedCronJobWithHttpInfo({
            name,
            namespace,
            propagationPolicy: 'Background'
          })
        );
        return true;
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return false;
        return fail(err);
      }
    },

    async get(namespace, name) {
      try {
        return await retried(() => batch.readNamespacedCronJob({ name, namespace }));
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return null;
        return fail(err);
      }
    }
  };

  const flux: FluxClient = {
    async requestReconcile(namespace, name, at) {
      await retried(() =>
        custom.patchNamespacedCustomObjectWithHttpInfo(
          {
            ...FLUX_SOURCE,
            namespace,
            name,
            body: { metadata: { annotations: { [RECONCILE_ANNOTATION]: at.toISOString() } } }
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch)
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
export function connectKubernetes(kubeconfig: string | null): ReturnType<typeof createKubernetes> {
  return createKubernetes(loadKubeConfig(kubeconfig ?? undefined));
}
