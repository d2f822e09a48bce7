// Kubernetes edge for Jobs: create one (a staged CronJob run by hand), follow it, read its pods.
import {
  BatchV1Api,
  CoreV1Api,
  type KubeConfig,
  type V1Job,
  type V1Pod
} from '@kubernetes/client-node';
import { isNotFound, kubeCalls } from './call.js';
import { KubernetesError } from './errors.js';

/** The label the API server puts on a Job's pods (and its selector). */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

export interface JobClient {
  /** Creates the Job; dryRun → dryRun=All (validated by the server, nothing stored). */
  create(job: V1Job, options: { dryRun: boolean }): Promise<V1Job>;
  get(namespace: string, name: string): Promise<V1Job | null>;
  list(namespace: string, labelSelector: string): Promise<V1Job[]>;
  /** The pods of a Job, by the label the API server gives them. */
  pods(namespace: string, jobName: string): Promise<V1Pod[]>;
}

export function createJobClient(kc: KubeConfig, server: string, timeoutMs?: number): JobClient {
  const batch = kc.makeApiClient(BatchV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  const { fail, options, retried, throttled } = kubeCalls(server, timeoutMs);
  return {
    async create(job, { dryRun }) {
      const namespace = job.metadata?.namespace;
      if (!namespace || !job.metadata?.name) {
        throw new KubernetesError('A Job needs metadata.name and metadata.namespace to be created');
      }
      // Not idempotent: only a 429 (the server did nothing) is retried.
      const what = `the ${dryRun ? 'dry-run ' : ''}creation of Job ${namespace}/${job.metadata.name}`;
      return throttled(what, () =>
        batch.createNamespacedJob(
          { namespace, body: job, dryRun: dryRun ? 'All' : undefined },
          options()
        )
      ).catch(fail);
    },

    async get(namespace, name) {
      try {
        return await retried(`the read of Job ${namespace}/${name}`, () =>
          batch.readNamespacedJob({ name, namespace }, options())
        );
      } catch (err) {
        if (isNotFound(err)) return null;
        return fail(err);
      }
    },

    async list(namespace, labelSelector) {
      const items: V1Job[] = [];
      let token: string | undefined;
      do {
        const page = await retried(`the list of Jobs in namespace ${namespace}`, () =>
          batch.listNamespacedJob(
            { namespace, labelSelector, limit: 500, _continue: token },
            options()
          )
        ).catch(fail);
        items.push(...page.items);
        token = page.metadata?._continue || undefined;
      } while (token);
      return items;
    },

    async pods(namespace, jobName) {
      const page = await retried(`the list of the pods of Job ${namespace}/${jobName}`, () =>
        core.listNamespacedPod(
          { namespace, labelSelector: `${JOB_NAME_LABEL}=${jobName}` },
          options()
        )
      ).catch(fail);
      return page.items;
    }
  };
}
