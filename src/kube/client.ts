// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux and Argo CD nudges.
// Every call is idempotent (apply is server-side with force), so transient answers are retried.
import {
  BatchV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
  type V1CronJob
} from '@kubernetes/client-node';
import { isNotFound, kubeCalls } from './call.js';
import { loadKubeConfig } from './config.js';
import { KubernetesError } from './errors.js';
import { createJobClient, type JobClient } from './jobs.js';
import { FIELD_MANAGER, SERVER_OWNED_METADATA } from './rules.js';

const FLUX_SOURCE = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
const ARGO_APPLICATION = { group: 'argoproj.io', version: 'v1alpha1', plural: 'applications' };
const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

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

/** The staged objects' clients, as the modes that read and run them take them. */
export interface Cluster {
  cronJobs: CronJobClient;
  jobs: JobClient;
}

export interface FluxClient {
  /** What `flux reconcile source git` does: merge-patch annotation reconcile.fluxcd.io/requestedAt = at.toISOString(). */
  requestReconcile(namespace: string, name: string, at: Date): Promise<void>;
}

export interface ArgoClient {
  /** What `argocd app get --refresh` does: merge-patch annotation argocd.argoproj.io/refresh = normal. */
  requestRefresh(namespace: string, name: string): Promise<void>;
}

export function createKubernetes(
  kc: KubeConfig,
  timeoutMs?: number
): {
  cronJobs: CronJobClient;
  jobs: JobClient;
  flux: FluxClient;
  argo: ArgoClient;
  server: string;
} {
  const server = kc.getCurrentCluster()?.server ?? '(no current cluster)';
  const batch = kc.makeApiClient(BatchV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const { fail, options, retried } = kubeCalls(server, timeoutMs);

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
        if (isNotFound(err)) return false;
        return fail(err);
      }
    },

    async get(namespace, name) {
      try {
        return await retried(`the read of CronJob ${namespace}/${name}`, () =>
          batch.readNamespacedCronJob({ name, namespace }, options())
        );
      } catch (err) {
        if (isNotFound(err)) return null;
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

  const argo: ArgoClient = {
    async requestRefresh(namespace, name) {
      await retried(`the annotation of Application ${namespace}/${name}`, () =>
        custom.patchNamespacedCustomObjectWithHttpInfo(
          {
            ...ARGO_APPLICATION,
            namespace,
            name,
            // Argo CD's controller refreshes the app and removes the annotation again.
            body: { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }
          },
          options(setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
        )
      ).catch(fail);
    }
  };

  return { cronJobs, jobs: createJobClient(kc, server, timeoutMs), flux, argo, server };
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
